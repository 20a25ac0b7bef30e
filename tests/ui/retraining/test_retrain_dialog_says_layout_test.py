"""The Retrain dialog says how many annotated images are the folder's test list, which the run holds out.

The window's Retrain holds a VOC devkit's ImageSets/Main/test.txt (Oxford's annotations/test.txt) out, and the
preview left them out of its counts (`Holdout.layout_test`), but the dialog said nothing of them: a folder of
8 annotated images showed 5 to split and no word of the other 3, nor, on a folder left with too few, why.
"""

from __future__ import annotations

import shutil

from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from tests.cli.helpers import voc_xml
from tests.cli.test_train_layout_test_split_said import IDS, _devkit

SAID = ("3 annotated images are on the folder's test list (ImageSets/Main/test.txt): the run holds them out, as "
        "petloc train --exclude-list does, so figures on them stay test figures.")


def _dialog(qtbot, root) -> RetrainDialog:
    dialog = RetrainDialog(None, model_name="none", data_name=str(root), n_annotated=len(IDS), has_unsaved=False,
                           holdout_loader=lambda: holdout_preview_for(root), can_fine_tune=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loading is None, timeout=10000)
    return dialog


def test_the_test_list_held_out_is_said_in_the_summary(qtbot, tmp_path):
    dialog = _dialog(qtbot, _devkit(tmp_path / "voc", IDS, ["c", "day/g", "night/h"]))
    text = dialog.holdout_label.text()
    assert f"{dialog.holdout_list.count()} images are held out for validation" in text and text.endswith(SAID)
    assert dialog.start_button.isEnabled()


def test_byte_copies_of_listed_images_are_counted_apart(qtbot, tmp_path):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g", "night/h"])
    shutil.copyfile(root / "JPEGImages" / "c.jpg", root / "JPEGImages" / "copy_of_c.jpg")
    (root / "Annotations" / "copy_of_c.xml").write_text(voc_xml("copy_of_c.jpg", 40, 30, [("cat", (1, 1, 20, 20))]),
                                                         encoding="utf-8")
    assert _dialog(qtbot, root).holdout_label.text().endswith(
        "4 annotated images are on the folder's test list (ImageSets/Main/test.txt), 1 of them as a byte copy of a "
        "listed image under another name: the run holds them out, as petloc train --exclude-list does, so figures "
        "on them stay test figures.")


def test_a_run_left_with_too_few_images_says_the_test_list_is_why(qtbot, tmp_path):
    dialog = _dialog(qtbot, _devkit(tmp_path / "voc", IDS, IDS[1:]))  # all but one are test images
    assert dialog.holdout_label.text() == (
        "This run cannot start: need at least 2 usable annotated images, found 1. 7 annotated images are on the "
        "folder's test list (ImageSets/Main/test.txt): the run holds them out, as petloc train --exclude-list does, "
        "so figures on them stay test figures.")
    assert not dialog.start_button.isEnabled()


def test_nothing_is_said_of_a_folder_with_no_test_list(qtbot, tmp_path):
    root = _devkit(tmp_path / "voc", IDS, [])
    dialog = _dialog(qtbot, root)
    text = dialog.holdout_label.text()
    assert "held out for validation" in text and "test list" not in text
