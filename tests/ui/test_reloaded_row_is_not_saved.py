"""A file this window saved, then replaced by another program (another window's save) and reloaded here,
reads as any annotated file read from disk: its row said "saved" still, as if this window wrote the boxes
it shows now."""

from __future__ import annotations

from petloc_gui.app.image_document import STATUS_ANNOTATED, STATUS_SAVED, ImageDocument
from petloc_gui.core.boxes import Box

from .conftest import open_and_wait, write_annotation


def test_a_reload_after_my_save_is_no_longer_saved(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: cat 10,10,50,50
    assert window.edits.nudge(1, 0) and window.save_current()
    model, doc = window.session.model, window.edits.doc
    assert model.status[0] == STATUS_SAVED
    write_annotation(folder / "a.png", [("dog", Box(60, 5, 100, 40))])  # the other window saves
    window.session.watchers.disk.check()
    assert "reloaded" in window.statusBar().currentMessage()
    assert [(o.name, o.box) for o in doc.objects] == [("dog", Box(60, 5, 100, 40))]
    assert doc.status() == STATUS_ANNOTATED and model.status[0] == STATUS_ANNOTATED


def test_adopting_the_disk_version_forgets_the_save(tmp_path):
    doc = ImageDocument(image_path=tmp_path / "a.png", annotation_path=tmp_path / "a.xml")
    doc.mark_saved(in_session=True)
    assert doc.status() == STATUS_SAVED
    doc.adopt_disk_version(ImageDocument(image_path=tmp_path / "a.png", annotation_path=tmp_path / "a.xml"))
    assert doc.status() != STATUS_SAVED and not doc.saved_in_session
