"""The status line's model label is fitted from the figures' parts that come with its text, through the model
controller's status signal (`model_label_fit.ModelLine`, kept by `status_line.ModelLabel`). It was given the text
only, and found the parts again in a process-wide store of the texts `metrics_text` had built, by that text: a line
whose figures it had not built there (or no longer kept) lost its short forms, and the text was all a label knew."""

from __future__ import annotations

import dataclasses

import pytest

from petloc_gui.app import model_metrics
from petloc_gui.app.figures_short import Caution, FiguresSaid
from petloc_gui.app.model_metrics import ACCEPTED_KEY
from petloc_gui.ui.model_label_fit import FiguredLabel, fitted_text, least_width
from petloc_gui.ui.status_line import label_shown_text

from .conftest import PRED, FakeFactory
from .status_message_room import show_message_leaving

NAME = "pets 20261205T100740Z-b9ae34"
RECORD = {"accuracy": 0.938, "mean_iou": 0.839, "n_images": 24, ACCEPTED_KEY: {"n_images": 3, "n_scored": 24}}
LEAST = "acc 0.938 · IoU 0.839 on 24 validation images · 3/24 accepted"
REWORDED = "boxes that were taken over from a model's predictions"
# a message on the status line: its start, as long as leaves the label its least form (`show_message_leaving`;
# longer, the label gives way to it whole)
SHARING = ("Could not save /home/user/datasets/oxford-pets/annotations/xmls/IMG_0042.xml: [Errno 28] No space left "
           "on device; the boxes stay in the window, unsaved")


class FiguredFactory(FakeFactory):
    """Fake models with `RECORD`'s figures, under `NAME`."""

    def __call__(self, spec: str):
        handle = super().__call__(spec)
        handle.info = dataclasses.replace(handle.info, name=NAME, metrics=RECORD)
        return handle


@pytest.fixture
def factory() -> FiguredFactory:  # the window fixture's models
    return FiguredFactory(dict(PRED))


def _fitted_in(qtbot, window) -> str:
    """The model label as drawn once the bar has given it the room its least form needs, a message beside it."""
    label = window.model_status
    least = label.fontMetrics().horizontalAdvance(f"Model: pets…b9ae34 ({LEAST})")
    show_message_leaving(window, SHARING, least)
    qtbot.waitUntil(lambda: label.contentsRect().width() >= least, timeout=5000)
    return label_shown_text(label)


def test_a_reworded_caution_keeps_its_short_form_on_the_status_line(qtbot, window, folder, monkeypatch):
    monkeypatch.setattr(model_metrics, "ACCEPTED_WORDS", REWORDED)
    window.resize(1400, 700)
    qtbot.waitUntil(lambda: window.width() <= 1400)
    assert window.open_folder(folder, model="pets")
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    label = window.model_status
    assert REWORDED in label.text() and label.text().startswith(f"Model: {NAME} (")  # the whole sentence
    shown = _fitted_in(qtbot, window)
    assert shown.endswith(f" ({LEAST})") and REWORDED not in shown, shown
    said: list[str] = []
    window.models.status.connect(said.append)
    assert window.reload_folder()  # F5: the model the window had, said again by the folder's choice
    qtbot.waitUntil(lambda: any(line.startswith("Model: ") for line in said), timeout=10_000)
    assert label.text() == said[-1]
    # (the folder's own messages, gone, would leave the label the whole bar)
    show_message_leaving(window, SHARING, label.fontMetrics().horizontalAdvance(f"Model: pets…b9ae34 ({LEAST})"))
    # The line comes before the bar lays the label out again: it was narrowed for "Choosing the model…"
    # in between, so the text is drawn cut ("Model: … (acc 0.93…") until the layout pass gives it back
    # its room. What is checked is the form drawn then, as `_fitted_in` waits for it on the first load.
    qtbot.waitUntil(lambda: _shows_least(label), timeout=5000)  # timed out: the last form shown, in the cause


def _shows_least(label) -> None:
    shown = label_shown_text(label)
    assert shown.endswith(f" ({LEAST})"), shown


def _hand_said(short: str) -> FiguresSaid:
    """Figures whose caution no `metrics_text` call built: its sentence the same for every ``short``."""
    return FiguresSaid("acc 0.938 · IoU 0.839", 24, "validation",
                       (Caution("3 of 24 hold boxes a person took over unchanged from a model", short),))


def test_each_line_is_fitted_from_its_own_parts_not_from_its_text(qtbot, window):
    """Two models whose figures read the same, each caution with a short form of its own: each label shows its
    own, though no `metrics_text` call built either (a store keyed by the text knew neither, or one for both)."""
    window.resize(1400, 700)
    qtbot.waitUntil(lambda: window.width() <= 1400)
    label = window.model_status
    first = FiguredLabel(NAME, _hand_said("3/24 accepted")).line()
    other = FiguredLabel(NAME.replace("pets", "cats"), _hand_said("3/24 taken")).line()
    assert first.figured.said.text() == other.figured.said.text()  # the same figures' text
    for line, short in ((first, "3/24 accepted"), (other, "3/24 taken"), (first, "3/24 accepted")):
        window.models.status.emit(line)  # the model controller's signal, as the main window connects it
        assert label.text() == line
        least = least_width(line, label.fontMetrics())
        show_message_leaving(window, SHARING, least)
        qtbot.waitUntil(lambda least=least: label.contentsRect().width() >= least, timeout=5000)
        shown = label_shown_text(label)
        assert shown.endswith(f" (acc 0.938 · IoU 0.839 on 24 validation images · {short})"), shown
        assert shown.startswith("Model: " + line.figured.name[:4]), shown


def test_a_text_alone_keeps_no_parts_of_the_line_before(qtbot, window):
    """Text set without parts (the same words as a line with them) is elided at its end, as any other text: the
    parts of the line before do not stay with the label, nor are they found again by the words."""
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() <= 1024)
    label = window.model_status
    line = FiguredLabel(NAME, _hand_said("3/24 accepted")).line()
    window.models.status.emit(line)
    assert label.line().figured is not None
    window.models.status.emit(str(line))
    assert label.text() == line and label.line().figured is None
    metrics = label.fontMetrics()
    assert fitted_text(label.line(), metrics, 10) is None and least_width(label.line(), metrics) == 0
    qtbot.waitUntil(lambda: label.width() > 0)
    shown = label_shown_text(label)
    assert shown == line or (shown.endswith("…") and line.startswith(shown[:-1])), shown
