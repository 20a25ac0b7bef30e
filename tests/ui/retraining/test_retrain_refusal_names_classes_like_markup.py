"""Retraining's box and its window's status line name classes as they are. A run refused for labels "<b>bengal" and
"<b>Bengal" said "bengal (2 boxes) and Bengal (1 box)" in bold in its Retraining box and over the curves: Qt took
each text for HTML, the labels' tags gone (an "<img src=…>" in a label had it load a local file)."""

from __future__ import annotations

import html

import pytest

from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from tests.cli.helpers import write_annotated

from ..shown_text import label_shown, shown

pytestmark = pytest.mark.slow  # a run that may start is a child process

SAID = '"<b>bengal" (2 boxes) and "<b>Bengal" (1 box)'


def _saving(window) -> None:
    """The window has an unsaved box labelled "<b>Bengal" beside saved ones labelled "<b>bengal"."""
    folder = window.current_folder()
    for n, name in enumerate(["<b>bengal", "<b>bengal", "dog", "dog"]):
        write_annotated(folder, f"img{n}", 40, 30, [(html.escape(name), (5, 5, 20, 20))])
    window.unsaved = True
    saves = window.save_all

    def save_all() -> bool:
        write_annotated(folder, "edited", 40, 30, [(html.escape("<b>Bengal"), (5, 5, 20, 20))])
        return saves()

    window.save_all = save_all


def _refused(qtbot, window, controller) -> None:
    _saving(window)
    assert controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))
    qtbot.waitUntil(lambda: not controller.saved_check.busy, timeout=10000)
    assert controller.process is None


def test_the_refusal_box_names_the_classes_as_they_are(qtbot, window, controller):
    _refused(qtbot, window, controller)
    box = controller.last_message_box
    assert SAID in shown(box.text(), box.textFormat())


def test_the_retraining_window_names_the_classes_as_they_are(qtbot, window, controller):
    _refused(qtbot, window, controller)
    assert SAID in label_shown(controller._progress_window().status)
