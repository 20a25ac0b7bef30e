"""The shown image renamed away (``mv b.png b_renamed.png``) while it has unsaved edits: a save writes no
b.xml (it would belong to no image), keeps the edits and says which image is gone and what to do; Save
all saves the other images and says the same of that one; back under its name, the save works."""

from __future__ import annotations

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc

from .conftest import edit_b, open_and_wait

GONE = "the image b.png is no longer in"


def test_saving_an_image_renamed_away_writes_nothing_and_keeps_the_edit(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    (folder / "b.png").rename(folder / "b_renamed.png")
    assert not window.save_current()
    assert answers["warnings"] and GONE in answers["warnings"][0]
    assert "Put the image back under that name" in answers["warnings"][0]
    assert "Saved" not in window.statusBar().currentMessage()
    assert read_voc(folder / "b.xml", find_image=False).objects[0].box == Box(10, 10, 40, 40)  # untouched
    doc = window.session.store.document(1)
    assert doc.dirty and window.has_unsaved() and GONE in doc.problem_text()
    (folder / "b_renamed.png").rename(folder / "b.png")  # back under its name: the same save writes
    assert window.save_current()
    assert read_voc(folder / "b.xml", find_image=False).objects[0].box == Box(70, 50, 110, 85)
    assert not window.has_unsaved()


def test_save_all_skips_the_image_gone_and_saves_the_others(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    window.show_row(2)  # c.png: its box moves to the prediction's
    window.accept_prediction()
    edit_b(window)
    (folder / "b.png").rename(folder / "b_renamed.png")
    assert not window.save_all()
    assert len(answers["warnings"]) == 1 and GONE in answers["warnings"][0]
    assert read_voc(folder / "c.xml", find_image=False).objects[0].box == Box(22, 22, 62, 62)  # saved
    assert not (folder / "b_renamed.xml").exists()
    assert read_voc(folder / "b.xml", find_image=False).objects[0].box == Box(10, 10, 40, 40)
    store = window.session.store
    assert store.dirty_indices() == [1] and not store.document(2).dirty
