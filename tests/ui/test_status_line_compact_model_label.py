"""The model's label on the status line, when its whole text does not fit, reads "Model: pets…abcdef (acc 0.938 · IoU
0.839 · 15/16 accepted)": in a 1024 px window it was elided at its end, the figures shown and the mark that says they
are on boxes accepted from a model (they flatter it) hidden behind "…". The figures and the short mark stay together,
the name gives way in its middle, the other marks to the tooltip, which holds the whole text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from petloc_gui.app.model_metrics import ACCEPTED_KEY, TOO_FEW_MARK, accepted_text, metrics_text
from petloc_gui.ui.model_label_fit import fitted_text, least_width
from petloc_gui.ui.status_line import label_shown_text, tooltip_html

NAME = "pets 20261205T090000Z-abcdef"
FIGURES = {"accuracy": 0.938, "mean_iou": 0.839, "n_images": 16, ACCEPTED_KEY: {"n_images": 15, "n_scored": 16}}
DETAIL = metrics_text(FIGURES, "validation")  # "acc 0.938 · IoU 0.839 on 16 validation images (15 of 16 hold ...)"
MODEL = f"Model: {NAME} ({DETAIL})"
MARK = accepted_text(FIGURES)
COMPACT_END = " (acc 0.938 · IoU 0.839 · 15/16 accepted)"
MESSAGE = "Accepted the model's box for IMG_0042.jpg: cat (0.93)"


@pytest.fixture
def metrics(qapp):
    return QLabel().fontMetrics()


def _name_of(shown: str) -> str:
    return shown[len("Model: "):shown.index(" (acc")]


def test_the_text_is_the_one_the_window_shows():
    assert MARK in MODEL and TOO_FEW_MARK in MODEL


# 933: a 1400 px wide window at QT_SCALE_FACTOR=1.5 (its font is as wide in logical pixels as at scale 1)
@pytest.mark.parametrize("width", [1024, 933])
def test_a_narrow_window_shows_the_name_the_figures_and_the_short_mark(qtbot, window, width):
    window.resize(width, 700)
    qtbot.waitUntil(lambda: window.width() <= width)
    window.model_status.setText(MODEL)  # after the layout: the label widens for its new text
    window.show_status(MESSAGE, 0)
    bar, label = window.statusBar(), window.model_status
    qtbot.waitUntil(lambda: label.contentsRect().width() >= least_width(MODEL, label.fontMetrics()))
    shown = label_shown_text(label)
    assert shown.endswith(COMPACT_END), shown
    name = _name_of(shown)
    assert name.startswith("pets") and name.endswith("abcdef") and len(name) < len(NAME)
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert label.text() == MODEL  # read back whole
    assert label.width() <= bar.width() // 2 and bar.shown_text() == MESSAGE  # the message keeps its room
    at = label.rect().center()
    QApplication.sendEvent(label, QHelpEvent(QEvent.Type.ToolTip, at, label.mapToGlobal(at)))
    assert QToolTip.isVisible() and QToolTip.text() == tooltip_html(MODEL)  # the whole sentence
    QToolTip.hideText()


def test_a_wide_label_shows_the_text_whole(metrics):
    assert fitted_text(MODEL, metrics, metrics.horizontalAdvance(MODEL)) == MODEL


def test_the_other_marks_give_way_first_then_the_images_then_the_name(metrics):
    without_others = f"Model: {NAME} (acc 0.938 · IoU 0.839 on 16 validation images · 15/16 accepted)"
    assert fitted_text(MODEL, metrics, metrics.horizontalAdvance(MODEL) - 1) == (
        f"Model: {NAME} (acc 0.938 · IoU 0.839 on 16 validation images (15/16 accepted; {TOO_FEW_MARK}))")
    assert fitted_text(MODEL, metrics, metrics.horizontalAdvance(without_others)) == without_others
    assert fitted_text(MODEL, metrics, metrics.horizontalAdvance(without_others) - 1) == f"Model: {NAME}{COMPACT_END}"
    least = least_width(MODEL, metrics)
    assert fitted_text(MODEL, metrics, least) == f"Model: pets…abcdef{COMPACT_END}"
    for width in range(least, metrics.horizontalAdvance(f"Model: {NAME}{COMPACT_END}")):
        shown = fitted_text(MODEL, metrics, width)
        assert shown is not None and shown.endswith(COMPACT_END), width
        assert metrics.horizontalAdvance(shown) <= width, width
        name = _name_of(shown)
        assert name.startswith("pets") and name.endswith("abcdef") and "…" in name, width


def test_narrower_than_its_least_the_name_goes_on_giving_way_before_the_figures_and_the_mark(metrics):
    least = least_width(MODEL, metrics)
    names = set()
    for width in range(metrics.horizontalAdvance(f"Model: …{COMPACT_END}"), least):
        shown = fitted_text(MODEL, metrics, width)
        assert shown is not None and shown.endswith(COMPACT_END) and metrics.horizontalAdvance(shown) <= width, width
        names.add(_name_of(shown))
    assert names == {"pets…", "…"}


# 683: a 1024 px wide window at scale 1.5, whose bar's half is less than the compact form's least width
def test_a_window_narrower_still_keeps_the_figures_and_the_short_mark(qtbot, window):
    window.resize(683, 600)
    qtbot.waitUntil(lambda: window.width() <= 683)
    window.model_status.setText(MODEL)
    bar, label = window.statusBar(), window.model_status
    qtbot.waitUntil(lambda: label.width() >= bar.width() // 2 - 2)
    shown = label_shown_text(label)
    assert shown.endswith(COMPACT_END), shown
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
    text = f"Model: {NAME} ({metrics_text(figures, 'test')})"
    assert fitted_text(text, metrics, least_width(text, metrics)) == (
        f"Model: pets…abcdef (acc 0.500 · IoU 0.250 · {short})")


def test_figures_without_the_mark_keep_the_name_and_the_figures(metrics):
    text = f"Model: {NAME} (acc 0.938 · IoU 0.839 on 2 selection-set images ({TOO_FEW_MARK}))"
    assert fitted_text(text, metrics, least_width(text, metrics)) == "Model: pets…abcdef (acc 0.938 · IoU 0.839)"
    assert fitted_text(text, metrics, metrics.horizontalAdvance(text) - 1) == (
        f"Model: {NAME} (acc 0.938 · IoU 0.839 on 2 selection-set images)")


def test_a_name_with_brackets_is_read_to_its_figures(metrics):
    text = f"Model: pets (copy) 2 ({DETAIL})"
    shown = fitted_text(text, metrics, least_width(text, metrics))
    assert shown is not None and shown.endswith(COMPACT_END) and shown.startswith("Model: pets…opy) 2")


@pytest.mark.parametrize("text", ["Loading model pets…", "Model: pets", "No usable model",
                                  "Model: pets (no validation images: figures not measured)"])
def test_texts_without_figures_are_left_as_they_were(metrics, text):
    assert fitted_text(text, metrics, 10) is None and least_width(text, metrics) == 0
