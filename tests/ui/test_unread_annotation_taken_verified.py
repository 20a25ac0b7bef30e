"""An annotation that was no annotation when read (another program's save caught midway) and is then written
complete with verified="yes" is taken as a first read takes it: its boxes and its verified mark, with nothing to
undo and nothing unsaved (`TheirVersion.take_theirs` on a failed read's document with no edits)."""

from __future__ import annotations

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc, write_voc

from .conftest import open_and_wait

C = 2  # c.png: a cat at (20, 20, 60, 60), not verified
CAT = [("cat", Box(20, 20, 60, 60))]


def test_a_file_verified_once_written_whole_is_shown_verified_with_nothing_to_undo(qtbot, window, folder, answers):
    xml = folder / "c.xml"
    annotation = read_voc(xml, find_image=False)
    annotation.verified = True
    write_voc(annotation, xml)
    whole = xml.read_bytes()
    xml.write_bytes(whole[: len(whole) // 2])
    open_and_wait(qtbot, window, folder)
    session = window.session
    window.show_row(C)
    doc = session.store.document(C)
    assert doc.load_error is not None and not doc.verified and not doc.objects
    xml.write_bytes(whole)  # the other program's save done
    assert session.watchers.disk.check() == 1
    assert [(o.name, o.box) for o in doc.objects] == CAT
    assert doc.verified, "the file's verified mark was left behind"
    assert not doc.dirty and not window.has_unsaved()
    assert not window.edits.stack_for(C).canUndo()
