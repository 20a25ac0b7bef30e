"""`petloc evaluate --split validation` on a model that records no validation parts (the bundled digits one).

It said "validation images listed in the model's meta.json" and nothing more, though every one of them chose
the model's epoch (its meta.json ``validation_metrics`` are on those 199 images, at epoch 35): figures as
optimistic as a selection set's, named as if held out.
"""

from __future__ import annotations

import json

from petloc_gui.cli.evaluate_split import UNSPLIT_DESCRIPTION, select_items
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.paths import resources_dir

from .helpers import voc_xml, write_image


def test_a_model_without_validation_parts_is_said_to_have_chosen_its_epoch_on_every_image(tmp_path, capsys):
    meta = json.loads((resources_dir() / "models" / "digits" / "meta.json").read_text(encoding="utf-8"))
    assert "validation_parts" not in meta  # what the bundled model records, read as it is
    root = tmp_path / "data"
    root.mkdir()
    for name in meta["validation_split"]["images"][:3]:
        write_image(root / name, 40, 30)
        (root / name).with_suffix(".xml").write_text(voc_xml(name, 40, 30, [("0", (5, 5, 20, 20))]),
                                                     encoding="utf-8")
    chosen, split = select_items(open_dataset(root), meta, "validation")
    assert len(chosen) == 3
    assert split == UNSPLIT_DESCRIPTION and "all of which chose its epoch" in split
    err = capsys.readouterr().err
    assert "records no validation parts: every validation image it lists chose its epoch" in err
