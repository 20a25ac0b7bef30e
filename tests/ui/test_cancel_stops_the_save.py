"""Cancel in "Changed by another program" during a save: the user chose to stop, nothing failed. It used to
be followed by a "Could not save" warning ("fix the problem and save again": there is no problem), and in
Save all it skipped that one file only: after a git pull that changed 30 edited files, 30 questions to
cancel. Now Cancel stops the batch, warns of nothing, and the status line says what was saved before it,
what was not, and that saving again asks again."""

from __future__ import annotations

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc
from petloc_gui.ui.review import save_guard

from .conftest import GT, edit_b, open_and_wait, write_annotation


def _other_program_rewrites(folder, name: str) -> None:
    write_annotation(folder / name, GT[name] + [("bird", Box(60, 5, 100, 40))])


def _cancelled(window, monkeypatch) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(window.guard, "ask_conflict",
                        lambda doc: asked.append(doc.annotation_path.name) or save_guard.CANCEL)
    return asked


def _names(path) -> list[str]:
    return [o.name for o in read_voc(path, find_image=False).objects]


def test_save_all_stops_at_cancel_and_says_what_was_saved(qtbot, window, folder, answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.edits.set_label("dog")  # a.png: no conflict, saved before the question
    edit_b(window)  # b.png and c.png: edited, then rewritten by another program (a git pull)
    window.show_row(2)
    window.accept_prediction()
    window.session.watchers.disk.stop()  # the save finds the changes itself
    _other_program_rewrites(folder, "b.png")
    _other_program_rewrites(folder, "c.png")
    asked = _cancelled(window, monkeypatch)
    assert not window.save_all()
    assert asked == ["b.xml"]  # asked once: Cancel stops Save all, c is not asked about
    assert not answers["warnings"]  # nothing failed: the user cancelled
    store = window.session.store
    assert not store.document(0).dirty and _names(folder / "a.xml") == ["dog"]
    assert store.document(1).dirty and store.document(2).dirty  # the edits kept, neither written
    assert _names(folder / "c.xml") == ["cat", "bird"] and _names(folder / "b.xml") == ["dog", "bird"]
    status = window.statusBar().currentMessage()
    assert status.startswith("b.xml: you cancelled, so Save all stopped: 1 image saved, 2 not saved.")
    assert "save again" in status


def test_ctrl_s_cancel_warns_of_nothing_and_says_how_to_be_asked_again(qtbot, window, folder, answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    window.session.watchers.disk.stop()
    _other_program_rewrites(folder, "b.png")
    asked = _cancelled(window, monkeypatch)
    assert not window.save_current()
    assert asked == ["b.xml"] and not answers["warnings"]
    assert window.session.store.document(1).dirty and _names(folder / "b.xml") == ["dog", "bird"]
    status = window.statusBar().currentMessage()
    assert status.startswith("b.xml: not saved (you cancelled).")
    assert "save it again to choose which version to keep" in status


def test_cancel_while_leaving_with_autosave_keeps_the_folder_open(qtbot, window, folder, answers, monkeypatch):
    """Autosave on leaving asks about another program's version (not quietly); Cancel there is a Cancel of the
    leaving: the folder stays, the edits too, and no "Unsaved changes" question follows."""
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(True)
    try:
        edit_b(window)
        window.session.watchers.disk.stop()
        _other_program_rewrites(folder, "b.png")
        asked = _cancelled(window, monkeypatch)
        assert not window.guard.confirm_leave()
        assert asked == ["b.xml"] and not answers["warnings"] and not answers["questions"]
        assert window.session.store.document(1).dirty
        assert "The folder is not closed." in window.statusBar().currentMessage()
    finally:
        window.act["autosave"].setChecked(False)


def test_a_failure_before_cancel_on_leaving_is_warned_of(qtbot, window, folder, answers, monkeypatch):
    """Autosave on leaving reports its failures in the "Unsaved changes" question, which a Cancel never reaches
    (the folder stays): a.xml failing for real (full disk) before b.xml's Cancel was said nowhere, the status
    line only of the cancel. Now the warning of a failed save says it, as a Save all stopped so does; and it
    names a.png alone: it said "2 images could not be saved" with b.png, cancelled, among them."""
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(True)
    try:
        store = window.session.store
        real_save = store.save

        def save(row, **kw):
            if row == 0:
                raise OSError(28, "No space left on device")
            return real_save(row, **kw)

        monkeypatch.setattr(store, "save", save)
        window.show_row(0)
        window.edits.set_label("dog")  # a.png: its save fails (disk full)
        edit_b(window)
        window.session.watchers.disk.stop()
        _other_program_rewrites(folder, "b.png")
        asked = _cancelled(window, monkeypatch)
        assert not window.guard.confirm_leave()
        assert asked == ["b.xml"] and not answers["questions"]  # the folder stays: no question follows
        assert len(answers["warnings"]) == 1
        warning = answers["warnings"][0]
        assert "a.png" in warning and "No space left on device" in warning
        # only the image whose save failed: b.png's was cancelled (the status line says so), it failed nothing
        assert "1 image could not be saved" in warning and "b.png" not in warning
        assert store.document(0).dirty and store.document(1).dirty
        assert window.statusBar().currentMessage().startswith("b.xml: you cancelled")
    finally:
        window.act["autosave"].setChecked(False)


def test_the_warning_names_no_image_left_untried_after_the_cancel(qtbot, window, folder, answers, monkeypatch):
    """Leaving with three edited images, autosave on: a.png fails, b.png is cancelled, c.png is never tried. The
    warning said "3 images could not be saved" (30 with 30 edited, one failure and a Cancel at the second); it
    names a.png alone."""
    open_and_wait(qtbot, window, folder)
    store = window.session.store
    real_save = store.save
    monkeypatch.setattr(store, "save", lambda row, **kw: _disk_full() if row == 0 else real_save(row, **kw))
    window.show_row(0)
    window.edits.set_label("dog")
    edit_b(window)
    window.show_row(2)
    window.accept_prediction()
    window.session.watchers.disk.stop()
    _other_program_rewrites(folder, "b.png")
    asked = _cancelled(window, monkeypatch)
    window.act["autosave"].setChecked(True)  # (only now: moving between the images would have saved them)
    try:
        assert not window.guard.confirm_leave()
    finally:
        window.act["autosave"].setChecked(False)
    assert asked == ["b.xml"] and all(store.document(row).dirty for row in (0, 1, 2))
    [warning] = answers["warnings"]
    assert warning.startswith("1 image could not be saved, so the folder is not closed")
    assert "a.png" in warning and "b.png" not in warning and "c.png" not in warning


def _disk_full():
    raise OSError(28, "No space left on device")
