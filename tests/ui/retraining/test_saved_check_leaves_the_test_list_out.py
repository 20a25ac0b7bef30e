"""The window's check of the saved labels before a run holds the folder's test list out, as the run and the
Retrain dialog's preview do: a box "Cat" on a test-listed image, "cat" elsewhere, refused the run the dialog
had offered."""

from __future__ import annotations

from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from petloc_gui.ui.training.retrain_saved_check import refusal_after_saving
from tests.cli.helpers import voc_xml
from tests.cli.test_train_layout_test_split_said import IDS, _devkit


def test_a_box_on_a_held_out_test_image_refuses_no_run(tmp_path):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])
    (root / "Annotations" / "c.xml").write_text(voc_xml("c.jpg", 40, 30, [("Cat", (1, 1, 20, 20))]), encoding="utf-8")
    preview = holdout_preview_for(root)
    assert preview is not None and preview(0.25).case_variants() == ""  # the dialog offers Start
    assert refusal_after_saving(root, "photo", "", RetrainOptions(from_current=False)) == ""
