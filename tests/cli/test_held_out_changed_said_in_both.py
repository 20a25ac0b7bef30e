"""A validation photo re-saved in place (other bytes at its recorded path) is scored by `petloc evaluate --split` and
taken by the window's check alike (tests/cli/test_held_out_edited_in_place_one_rule.py); both now say so, and the
window counts it here: it said "2 of the 3 validation images are here" while the command scored 3, saying nothing."""

from __future__ import annotations

import pytest

from petloc_gui.app.trained_here_said import cautions
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model.trained_here import check_trained_here
from tests.cli.test_byte_copies_one_rule_with_the_window import VALIDATION, _model, _source
from tests.cli.test_held_out_edited_in_place_one_rule import _here


@pytest.mark.parametrize("backup", [False, True], ids=["no-backup", "backup-elsewhere"])
def test_both_say_the_image_changed_since_it_was_recorded(tmp_path, capsys, backup):
    from petloc_gui.cli.evaluate_split import recorded_items

    source = _source(tmp_path)
    model, meta = _model(tmp_path, source, VALIDATION)
    here = _here(tmp_path, source, backup, False)
    dataset = open_dataset(here)
    scored = recorded_items(dataset, dataset.items, meta, meta["splits"]["validation"], "validation images", "")
    assert len(scored) == 3
    assert ("petloc: 1 of the model's validation images changed since it was recorded ('val/a.png' has other bytes "
            "than the sha256 meta.json records)") in capsys.readouterr().err
    items = [(item.image_path_text, item.annotation_path_text) for item in dataset.items]
    answer = list(check_trained_here(model, here, items, {}, "validation"))[-1]
    assert (answer.measured_found, answer.measured_changed, answer.training_folder) == (3, 1, "")
    said = [caution.long for caution in cautions(answer, "validation")]
    assert ("1 of the 3 validation images they were measured on changed since it was recorded (other bytes at its "
            "path): petloc evaluate --split validation scores it all the same") in said
    assert not any("are here" in text for text in said)
