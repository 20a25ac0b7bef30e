"""The model's label on the status line, when its whole text does not fit, reads "Model: pets…abcdef (acc 0.938 · IoU
0.839 on 16 validation images · 15/16 accepted · too few to compare)": in a 1024 px window it was elided at its end,
the figures shown and the mark that says they are on boxes accepted from a model (they flatter it) hidden behind "…".
The figures, their count and every caution in short stay; the name gives way in its middle, then the text is cut at
its end; the tooltip holds the whole text. (Every caution, on a version kept in the window too:
`test_status_line_every_caution`.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from petloc_gui.app.model_metrics import ACCEPTED_KEY, TOO_FEW_MARK, accepted_caution, metrics_text
from petloc_gui.ui.model_info import ModelInfo
from petloc_gui.ui.model_label_fit import fitted_text, least_width, loaded_line
from petloc_gui.ui.status_line import label_shown_text, tooltip_html
from tests.ui.status_message_room import show_message_leaving

NAME = "pets 20261205T090000Z-abcdef"
FIGURES = {"accuracy": 0.938, "mean_iou": 0.839, "n_images": 16, ACCEPTED_KEY: {"n_images": 15, "n_scored": 16}}
DETAIL = metrics_text(FIGURES, "validation")  # "acc 0.938 · IoU 0.839 on 16 validation images (15 of 16 hold ...)"


def _line(figures: dict, split: str = "validation", name: str = NAME) -> str:
    """The label's line as the model controller sends it for a model with ``figures`` (`loaded_line`: its text and
    the figures' parts)."""
    return loaded_line(ModelInfo(spec="pets", name=name, path=None, version_id="v", metrics=figures, split=split))


MODEL = _line(FIGURES)
MARK = accepted_caution(FIGURES).long  # "15 of 16 hold boxes accepted from a model"
FIGURES_SAID = "acc 0.938 · IoU 0.839 on 16 validation images"
COMPACT_END = f" ({FIGURES_SAID} · 15/16 accepted · too few to compare)"
# its start, as long as leaves the label its least form (`show_message_leaving`; longer, the label gives way to it:
# test_status_line_message_whole)
MESSAGE = ("Accepted the model's box for IMG_0042.jpg: cat (0.93); could not save "
           "/home/user/datasets/oxford-pets/annotations/xmls/IMG_0042.xml: [Errno 13] Permission denied")


@pytest.fixture
def metrics(qapp):
    return QLabel().fontMetrics()


def _name_of(shown: str) -> str:
    return shown[len("Model: "):shown.index(" (acc")]


def test_the_text_is_the_one_the_window_shows():
    assert MARK in MODEL and TOO_FEW_MARK in MODEL
    assert str(MODEL) == f"Model: {NAME} ({DETAIL})"


def _cut_at_its_end(shown: str) -> bool:
    """``shown`` is the least form, its name "…", cut at its end: the figures kept (their count too where the
    label has room for it)."""
    least = f"Model: …{COMPACT_END}"
    return shown.endswith("…") and least.startswith(shown[:-1]) and "acc 0.938 · IoU 0.839" in shown


# 933: a 1400 px wide window at QT_SCALE_FACTOR=1.5 (its font is as wide in logical pixels as at scale 1); 1400: the
# hunt's window, whose half bar holds the least form
@pytest.mark.parametrize("width", [1400, 1024, 933])
def test_a_narrow_window_shows_the_figures_their_count_and_the_short_marks(qtbot, window, width):
    window.resize(width, 700)
    qtbot.waitUntil(lambda: window.width() <= width)
    window.model_status.setText(MODEL)  # after the layout: the label widens for its new text
    bar, label = window.statusBar(), window.model_status
    message = show_message_leaving(window, MESSAGE, least_width(MODEL, label.fontMetrics()))
    shown = label_shown_text(label)
    if least_width(MODEL, label.fontMetrics()) <= label.contentsRect().width():
        # between its least form and its whole text (the message's words leave it a little more than the least)
        assert all(caution.long in shown or caution.short in shown for caution in MODEL.figured.said.cautions), shown
        assert f" ({FIGURES_SAID}" in shown and shown != MODEL, shown
        name = _name_of(shown)
        assert name.startswith("pets") and name.endswith("abcdef")
    else:  # half the bar is less than the least form: the name is gone before the text is cut
        assert _cut_at_its_end(shown), shown
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert label.text() == MODEL  # read back whole
    assert bar.shown_text() == message and bar.message_rect().right() < label.x()  # the message keeps its room
    at = label.rect().center()
    QApplication.sendEvent(label, QHelpEvent(QEvent.Type.ToolTip, at, label.mapToGlobal(at)))
    assert QToolTip.isVisible() and QToolTip.text() == tooltip_html(MODEL)  # the whole sentence
    QToolTip.hideText()


def test_a_wide_label_shows_the_text_whole(metrics):
    assert fitted_text(MODEL, metrics, metrics.horizontalAdvance(MODEL)) == MODEL


def test_the_longest_mark_gives_way_first_then_the_others_then_the_name(metrics):
    one_short = f"Model: {NAME} ({FIGURES_SAID} (15/16 accepted; {TOO_FEW_MARK}))"
    assert fitted_text(MODEL, metrics, metrics.horizontalAdvance(MODEL) - 1) == one_short
    assert fitted_text(MODEL, metrics, metrics.horizontalAdvance(one_short) - 1) == f"Model: {NAME}{COMPACT_END}"
    least = least_width(MODEL, metrics)
    assert fitted_text(MODEL, metrics, least) == f"Model: pets…abcdef{COMPACT_END}"
    for width in range(least, metrics.horizontalAdvance(f"Model: {NAME}{COMPACT_END}")):
        shown = fitted_text(MODEL, metrics, width)
        assert shown is not None and shown.endswith(COMPACT_END), width
        assert metrics.horizontalAdvance(shown) <= width, width
        name = _name_of(shown)
        assert name.startswith("pets") and name.endswith("abcdef") and "…" in name, width


def test_narrower_than_its_least_the_name_goes_on_giving_way_then_the_end_is_cut(metrics):
    least = least_width(MODEL, metrics)
    nameless = metrics.horizontalAdvance(f"Model: …{COMPACT_END}")
    names = set()
    for width in range(nameless, least):
        shown = fitted_text(MODEL, metrics, width)
        assert shown is not None and shown.endswith(COMPACT_END) and metrics.horizontalAdvance(shown) <= width, width
        names.add(_name_of(shown))
    assert names == {"pets…", "…"}
    for width in range(metrics.horizontalAdvance(f"Model: … ({FIGURES_SAID}…"), nameless):
        shown = fitted_text(MODEL, metrics, width)
        assert shown is not None and _cut_at_its_end(shown) and metrics.horizontalAdvance(shown) <= width, width


# 683: a 1024 px wide window at scale 1.5, whose bar beside the message holds no least form: the label gives way
# whole rather than show figures without their cautions, and comes back when the message goes
def test_a_window_narrower_still_keeps_the_figures(qtbot, window):
    window.resize(683, 600)
    qtbot.waitUntil(lambda: window.width() <= 683)
    window.model_status.setText(MODEL)
    window.show_status(MESSAGE, 0)
    bar, label = window.statusBar(), window.model_status
    # longer than all the bar: its start and end around "…" (whole in its tooltip: test_status_line_long_message)
    assert label.width() == 0 and bar.is_elided() and bar.shown_text().endswith("Permission denied")
    bar.clearMessage()
    qtbot.waitUntil(lambda: label.width() > 0)
    shown = label_shown_text(label)
    assert "(acc 0.938 · IoU 0.839 on 16 validation images · 15/16 accepted · " in shown, shown
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()


def test_the_name_keeps_as_much_as_fits(metrics):
    wider = least_width(MODEL, metrics) + 6 * metrics.horizontalAdvance("0")
    shown = fitted_text(MODEL, metrics, wider)
    assert shown is not None and len(_name_of(shown)) > len("pets…abcdef")
    assert metrics.horizontalAdvance(fitted_text(MODEL, metrics, wider + 1) or "") <= wider + 1


@pytest.mark.parametrize(("record", "short"), [({"n_images": 5, "n_scored": 5}, "5/5 accepted"),
                                               ({"n_images": 1, "n_scored": 1}, "1/1 accepted"),
                                               ({"n_images": 3}, "3 accepted")])
def test_each_wording_of_the_mark_has_its_short_form(metrics, record, short):
    figures = {"accuracy": 0.5, "mean_iou": 0.25, "n_images": 40, ACCEPTED_KEY: record}
    text = _line(figures, "test")
    assert text == f"Model: {NAME} ({metrics_text(figures, 'test')})"
    assert fitted_text(text, metrics, least_width(text, metrics)) == (
        f"Model: pets…abcdef (acc 0.500 · IoU 0.250 on 40 test images · {short})")


def test_figures_without_the_mark_keep_their_count_and_their_other_marks(metrics):
    figures = {"accuracy": 0.938, "mean_iou": 0.839}
    text = _line({**figures, "n_images": 2}, "selection-set")
    assert text == f"Model: {NAME} (acc 0.938 · IoU 0.839 on 2 selection-set images ({TOO_FEW_MARK}))"
    assert fitted_text(text, metrics, least_width(text, metrics)) == (
        "Model: pets…abcdef (acc 0.938 · IoU 0.839 on 2 selection-set images · too few to compare)")
    assert fitted_text(text, metrics, metrics.horizontalAdvance(text) - 1) == (
        f"Model: {NAME} (acc 0.938 · IoU 0.839 on 2 selection-set images · too few to compare)")
    bare = _line({**figures, "n_images": 48}, "test")
    assert bare == f"Model: {NAME} (acc 0.938 · IoU 0.839 on 48 test images)"
    assert fitted_text(bare, metrics, least_width(bare, metrics)) == (
        "Model: pets…abcdef (acc 0.938 · IoU 0.839 on 48 test images)")


def test_a_name_with_brackets_is_read_to_its_figures(metrics):
    text = _line(FIGURES, name="pets (copy) 2")
    assert text == f"Model: pets (copy) 2 ({DETAIL})"
    shown = fitted_text(text, metrics, least_width(text, metrics))
    assert shown is not None and shown.endswith(COMPACT_END) and shown.startswith("Model: pets…opy) 2")


# (the last two: figures as a text alone, typed or the window's own words: their cautions' short forms are not known)
@pytest.mark.parametrize("text", ["Loading model pets…", "Model: pets", "No usable model",
                                  "Model: pets (no validation images: figures not measured)",
                                  "Model: pets (acc 0.123 · IoU 0.456 on 7 typed images (said by hand))", str(MODEL)])
def test_texts_without_figures_are_left_as_they_were(metrics, text):
    assert fitted_text(text, metrics, 10) is None and least_width(text, metrics) == 0
