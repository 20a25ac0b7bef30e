"""A folder whose one class is boxed in two Unicode forms ("chat_été" composed on some boxes, decomposed, "e" and
U+0301, on others), which no model knows, read "no available model knows the classes chat_été, chat_été" in the
prediction pane and the new-classes bar's first sentence, while the bar's next sentence told them apart. Each is
now said with its form, as Edit → Classes says it (`core.label_variants.form_notes`)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from .model_chosen import wait_model_chosen
from .test_model_choice import _boxed_folder

COMPOSED = "chat_\u00e9t\u00e9"
DECOMPOSED = "chat_e\u0301te\u0301"
TOLD_APART = f"no available model knows the classes {DECOMPOSED} (decomposed), {COMPOSED} (composed)"


def test_the_pane_and_the_bar_say_which_form_is_which(qtbot, window, tmp_path):
    folder = tmp_path / "uni"
    _boxed_folder(folder, [[COMPOSED], [COMPOSED], [DECOMPOSED], [DECOMPOSED]])
    assert window.open_folder(folder, model=None)
    wait_model_chosen(qtbot, window)
    qtbot.waitUntil(window.session.watchers.scan_finished, timeout=10_000)
    bar = window.models.new_classes
    qtbot.waitUntil(bar.isVisible, timeout=10_000)
    assert window.current_model_spec() == ""
    assert window.model_problem == f"No model for this folder: {TOLD_APART}."
    said = " ".join(label.text() for label in bar.findChildren(QLabel))
    assert said.startswith(f"{TOLD_APART[:1].upper()}{TOLD_APART[1:]} of this folder, so nothing is predicted."), said


def test_other_classes_are_named_as_they_were(qtbot, window, tmp_path):
    folder = tmp_path / "plain"
    _boxed_folder(folder, [["catt"], ["catt"], ["dogd"], ["dogd"]])
    assert window.open_folder(folder, model=None)
    wait_model_chosen(qtbot, window)
    qtbot.waitUntil(window.session.watchers.scan_finished, timeout=10_000)
    assert window.model_problem == "No model for this folder: no available model knows the classes catt, dogd."
