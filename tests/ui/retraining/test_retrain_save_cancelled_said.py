"""Retrain's save stopped by the user's Cancel is said as a Cancel, not as a failure.

Before (a keyboard hunt): Ctrl+T with an edit on an image another program had rewritten, Enter: "Changed by
another program" was asked and answered Cancel, and the box then said "Your edits could not all be saved, so
training was not started." Nothing failed: the user stopped the save.
"""

from __future__ import annotations

from petloc_gui.core.boxes import Box
from petloc_gui.ui.review import save_guard
from petloc_gui.ui.training.retrain_controller import install_retraining
from petloc_gui.ui.training.retrain_dialog import RetrainOptions

from ..conftest import GT, edit_b, open_and_wait, write_annotation

CANCELLED = "Saving was cancelled, so training was not started; your edits are kept."


def _started(qtbot, window, folder, prepare):
    """Retrain asked to save first, b.png edited, ``prepare(window)`` done before: what the controller said (its
    box's text); the run not started."""
    controller = install_retraining(window)
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    window.session.watchers.disk.stop()  # the save finds a change itself
    prepare(window)
    try:
        assert not controller.start(RetrainOptions(epochs=1, save_first=True))
        assert controller.process is None
        box = controller.last_message_box
        said = box.text() if box is not None else ""
        if box is not None:
            box.close()
        return said
    finally:
        controller.shutdown()


def test_cancel_in_the_changed_by_another_program_question_is_said_as_a_cancel(qtbot, main_window, folder,
                                                                               monkeypatch):
    asked: list[str] = []

    def rewritten_and_asked(window) -> None:  # b.xml rewritten by another program, its question answered Cancel
        write_annotation(folder / "b.png", GT["b.png"] + [("bird", Box(60, 5, 100, 40))])
        monkeypatch.setattr(window.guard, "ask_conflict",
                            lambda doc: asked.append(doc.annotation_path.name) or save_guard.CANCEL)

    said = _started(qtbot, main_window, folder, rewritten_and_asked)
    assert asked == ["b.xml"]
    assert said == CANCELLED
    assert main_window.statusBar().currentMessage() == CANCELLED
    assert main_window.session.store.document(1).dirty  # the edit kept, as said


def test_a_save_that_failed_still_says_so(qtbot, main_window, folder, monkeypatch, answers):
    def failing(window) -> None:  # a full disk
        def save(row, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(window.session.store, "save", save)

    said = _started(qtbot, main_window, folder, failing)
    assert answers["warnings"]  # "Could not save" (the save's own warning)
    assert said == "Your edits could not all be saved, so training was not started."
