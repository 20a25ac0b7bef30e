"""D on the list's last image keeps the note its own save gave (what the save removed), and the window knew
that note only by the status line not starting with "Saved " (the guard's words of a plain save): an image
named "Saved e.png" had its note taken for a plain save's count and dropped. The guard now says which note
its last save gave (`SaveGuard.last_note`), and the window uses that."""

from __future__ import annotations

from petloc_gui.core.boxes import Box

from .conftest import open_and_wait, write_annotation, write_image

NOTE = "Saved e.xml: saved; removed what other tools would have acted on: processing instruction"


def test_a_note_that_starts_like_a_plain_save_is_kept(qtbot, window, folder):
    for gone in ("e.png", "e.xml"):
        (folder / gone).unlink()
    image = folder / "Saved e.png"  # the list's last image: its note starts with "Saved "
    write_image(image, seed=4)
    xml = write_annotation(image, [("dog", Box(10, 10, 50, 50))])
    xml.write_text(xml.read_text().replace("<annotation", "<?petloc-test keep?>\n<annotation", 1))
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(True)
    row = window.file_dock.last_visible_row()
    assert window.session.model.names[row] == "Saved e.png"
    window.show_row(row)
    window.accept_prediction()
    window.act["next_image"].trigger()  # D: nothing after it
    assert not window.has_unsaved()
    note = window.guard.last_note
    assert note.startswith(NOTE), note
    assert window.statusBar().currentMessage() == f"{note} Last image of the list."


def test_a_plain_save_gives_no_note(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(True)
    window.show_row(window.file_dock.last_visible_row())
    window.accept_prediction()
    window.act["next_image"].trigger()
    assert window.guard.last_note == ""
    assert window.statusBar().currentMessage() == "Last image of the list: saved."
