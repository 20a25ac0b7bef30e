"""The gallery's Retrain dialog at QT_SCALE_FACTOR=1.5 on an 800 x 800 screen (533 x 533 logical px): its "Data:"
line, a folder of 63 characters and ", 8 annotated images" on one line, was wider than the screen's room, so the
dialog's body scrolled sideways and every note under it (the held-out explanation, "Training runs in the
background; you can keep reviewing and editing. Edits made me…") was cut at the dialog's right edge. The line
wraps where the folder's path may break: the body is no wider than its view, each text whole (each scale in a
process of its own: the scale is read once per process)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel

from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout import Holdout
from tests.ui.own_screen import SCREEN_VARIABLE, run_on_screen

FOLDER = "/tmp/petloc-gallery-zfsi52w2/tmp/petloc-gallery-photos-ryxzn20o"  # as the gallery's photos lie
NAMES = ["Abyssinian_100.jpg",
         "IMG_20261201_a_very_long_file_name_from_a_phone_camera_that_never_stops_0042_Abyssinian_1.jpg"]


@pytest.mark.skipif(SCREEN_VARIABLE not in os.environ, reason="run by the test below, one scale a process")
def test_on_this_screen_every_note_is_inside_the_view(qtbot):
    dialog = RetrainDialog(None, model_name="pets", data_name=FOLDER, n_annotated=8, has_unsaved=True,
                           holdout_loader=lambda: lambda fraction, fine_tune: Holdout(len(NAMES), NAMES, 1))
    qtbot.addWidget(dialog)
    area = dialog.screen().availableGeometry()
    assert f"{area.width()}x{area.height()}" == os.environ[SCREEN_VARIABLE]
    dialog.show()
    qtbot.waitUntil(lambda: dialog.holdout_list.count() == len(NAMES), timeout=5000)
    qtbot.wait(50)
    view = dialog.body.viewport()
    assert dialog.body.horizontalScrollBar().maximum() == 0, "the body scrolls sideways: its right side is cut"
    labels = [label for label in dialog.body.widget().findChildren(QLabel) if label.isVisibleTo(dialog)]
    assert any(FOLDER in label.text() for label in labels)
    for label in labels:
        left = label.mapTo(view, QPoint(0, 0)).x()
        assert left >= 0 and left + label.width() <= view.width(), (label.text()[:60], left, label.width(),
                                                                    view.width())
        # as wide as its text needs at least: a word-wrapped label's widest word, another's whole line
        assert label.width() >= label.minimumSizeHint().width(), (label.text()[:60], label.width())


@pytest.mark.slow
@pytest.mark.parametrize("scale", ["1", "1.5"])
def test_the_data_line_wraps_on_the_galleries_screen(tmp_path, scale):
    run_on_screen(test_on_this_screen_every_note_is_inside_the_view, tmp_path, 800, 800, scale)
