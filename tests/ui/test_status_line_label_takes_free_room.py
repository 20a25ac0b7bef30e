"""With no message on the status line, the model's label takes the room the other widgets leave. Capped at half
the bar whether or not a message showed, a 1024 px window read "Model: … (acc 1.000 · IoU 0.819 on 12 validation
images · 11/12 accepted · too fe…": the name gone and the last caution cut, the left half of the bar empty. While a
message shows, it takes what the message leaves, and no less than its share (`test_status_line_compact_model_label`);
the window can still be made narrower."""

from __future__ import annotations

import pytest

from petloc_gui.app.model_metrics import ACCEPTED_KEY
from petloc_gui.ui.model_info import ModelInfo
from petloc_gui.ui.model_label_fit import least_width, loaded_line
from petloc_gui.ui.status_line import label_shown_text, label_width_cap

NAME = "pets-20261203T011551Z-c71d1a"
FIGURES = {"accuracy": 1.0, "mean_iou": 0.819, "n_images": 12, ACCEPTED_KEY: {"n_images": 11, "n_scored": 12}}
LINE = loaded_line(ModelInfo(spec="pets", name=NAME, path=None, version_id="v", metrics=FIGURES))
LEAST_END = " (acc 1.000 · IoU 0.819 on 12 validation images · 11/12 accepted · too few to compare)"
MESSAGE = "Saved 1 image."
LONG_MESSAGE = "Could not save /home/user/datasets/pets/Annotations/IMG_0042.xml: [Errno 13] Permission denied"


def _laid_out(qtbot, window, width: int):
    window.resize(width, 700)
    qtbot.waitUntil(lambda: window.width() <= width)
    bar, label = window.statusBar(), window.model_status
    bar.clearMessage()
    label.setText(LINE)
    return bar, label


@pytest.mark.parametrize("width", [1024, 1280])
def test_with_no_message_the_label_keeps_the_name_and_every_caution(qtbot, window, width):
    bar, label = _laid_out(qtbot, window, width)
    least = least_width(LINE, label.fontMetrics())
    assert least > bar.width() // 2  # the half it was capped at holds no least form
    qtbot.waitUntil(lambda: label.contentsRect().width() >= least)
    shown = label_shown_text(label)
    assert shown.startswith("Model: pets") and "c71d1a" in shown, shown  # the name: its start and its version id
    assert shown.endswith("too few to compare)") or shown.endswith("too few images to tell models apart))"), shown
    assert "…)" not in shown and not shown.endswith("…")
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert label.geometry().right() < bar.width()  # beside the others, inside the bar
    assert window.position_label.geometry().right() < label.x()


def test_a_short_message_leaves_the_label_its_name_and_cautions(qtbot, window):
    """Held to its share while "Saved 1 image." showed, the label lost its name and cut its last caution until the
    message went; a message takes what it needs, the label keeps the rest."""
    bar, label = _laid_out(qtbot, window, 1024)
    least = least_width(LINE, label.fontMetrics())
    qtbot.waitUntil(lambda: label.contentsRect().width() >= least)
    window.show_status(MESSAGE, 0)
    assert label.contentsRect().width() >= least  # laid out before it is drawn
    shown = label_shown_text(label)
    assert shown.startswith("Model: pets") and "c71d1a" in shown and not shown.endswith("…"), shown
    assert bar.shown_text() == MESSAGE and bar.message_rect().right() < label.x()


def test_a_long_message_takes_the_share_back_and_leaves_it_when_gone(qtbot, window):
    bar, label = _laid_out(qtbot, window, 1024)
    least = least_width(LINE, label.fontMetrics())
    qtbot.waitUntil(lambda: label.contentsRect().width() >= least)
    window.show_status(LONG_MESSAGE, 0)
    assert label.width() <= label_width_cap(label, bar.width()) <= bar.width() // 2  # laid out before it is drawn
    assert bar.message_rect().right() < label.x()
    bar.clearMessage()
    qtbot.waitUntil(lambda: label.contentsRect().width() >= least)
    assert label_shown_text(label).startswith("Model: pets")


def test_the_window_can_still_be_made_narrower(qtbot, window):
    bar, label = _laid_out(qtbot, window, 1024)
    qtbot.waitUntil(lambda: label.contentsRect().width() >= least_width(LINE, label.fontMetrics()))
    window.resize(800, 700)
    qtbot.waitUntil(lambda: window.width() == 800)
    assert label.geometry().right() < bar.width()
    assert LEAST_END in label_shown_text(label) or label_shown_text(label).endswith("…")
