"""With "Save my unsaved edits first" ticked, the edits saved as a run starts may type a class a second way
("Bengal" beside "bengal"), which the Retrain dialog could not see (it reads the saved files): the run
started, and the new model learned the two spellings as two classes. The controller asks again once the
edits are saved, by the dialog's rule and in its words, and starts no run. It asks off the UI thread (a
big folder froze the window for seconds): the run starts, or is refused, once the answer comes."""

from __future__ import annotations

import json

import pytest

from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from tests.cli.helpers import write_annotated

pytestmark = pytest.mark.slow  # a run that may start is a child process

REFUSAL = ('Your edits are saved. This run cannot start: labels that differ only in case would train '
           'as separate classes: "bengal" (2 boxes) and "Bengal" (1 box). Give each class one name: the window\'s '
           "Edit → Classes… (Ctrl+L) renames a class on every box of the folder, and renaming one spelling to the "
           "other merges them.")


def _saving(window, label: str) -> None:
    """The window has an unsaved box labelled ``label``; its Save All writes it."""
    folder = window.current_folder()
    for n, name in enumerate(["bengal", "bengal", "dog", "dog"]):
        write_annotated(folder, f"img{n}", 40, 30, [(name, (5, 5, 20, 20))])
    window.unsaved = True
    saves = window.save_all

    def save_all() -> bool:
        write_annotated(folder, "edited", 40, 30, [(label, (5, 5, 20, 20))])
        return saves()

    window.save_all = save_all


def _refused(qtbot, controller) -> str:
    """The refusal once the saved labels' check has answered: no run, said in a box and the Retraining window."""
    qtbot.waitUntil(lambda: not controller.saved_check.busy, timeout=10000)
    assert controller.process is None and controller.staging is None
    text = controller.last_message_box.text()
    assert controller._progress_window().status.text() == text
    return text


def test_edits_saved_as_the_run_starts_that_type_a_class_two_ways_start_no_run(qtbot, window, controller):
    _saving(window, "Bengal")
    assert controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))  # checking
    assert window.save_calls == 1 and not window.unsaved
    assert _refused(qtbot, controller) == REFUSAL
    assert window.statusBar().currentMessage() == REFUSAL


def test_edits_saved_with_one_spelling_start_the_run(qtbot, window, controller):
    _saving(window, "bengal")
    with qtbot.waitSignal(controller.run_finished, timeout=30000) as finished:
        assert controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))
    assert finished.args[0].exit_code == 0


def test_a_class_of_the_model_spelled_otherwise_names_the_dialog_s_class_choices(qtbot, tmp_path, window,
                                                                                  controller):
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"class_names": ["Cat", "bengal", "dog"], "preset": "pets",
                                                  "splits": {"train": [], "validation": [], "test": []}}))
    window.spec = str(parent)
    _saving(window, "cat")  # the model's "Cat", on no box, renamed in the window and saved as the run starts
    assert controller.start(RetrainOptions(from_current=True, epochs=1, save_first=True))
    text = _refused(qtbot, controller)
    assert '"cat" (1 box) and "Cat" (the model\'s class, on no box)' in text
    assert text.endswith('; or, for a class of the model spelled otherwise here, open Retrain again (Ctrl+T) and '
                         "choose \"Cat renamed\" for cat there, to keep its weights under this folder's spelling.")
    assert controller.process is None


def test_without_saving_the_dialog_s_reading_stands(qtbot, window, controller, monkeypatch):
    from petloc_gui.ui.training import retrain_saved_check

    asked = []
    monkeypatch.setattr(retrain_saved_check, "refusal_after_saving", lambda *args: asked.append(args) or "")
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))  # nothing unsaved
    assert asked == [] and window.save_calls == 0
