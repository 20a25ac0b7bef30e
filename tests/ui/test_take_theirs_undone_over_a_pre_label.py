"""A on d.png (no annotation), then `petloc predict --write-voc` with the same model writes that very box as its
pre-label: Ctrl+S asks which version to keep; Take theirs, then Ctrl+Z ("brings your edits back"). The box,
label and accepted-from mark shown are then the file's, and only its pre-label mark differs from what a save
writes (the review A made), so the image read as a clean pre-label: "pre-label" in the list, no "*", and leaving
asked nothing, the review never saved. It reads as modified now, and Ctrl+S writes the review."""

from __future__ import annotations

from petloc_gui.app.image_document import STATUS_EDITED
from petloc_gui.core import voc
from petloc_gui.core.voc import PRELABEL_PREFIX

from .test_conflict_names_the_change import conflict  # noqa: F401 - the question as shown, a fixture
from .test_conflict_with_the_same_version import D, _accepted_on_d, _written_as_saved


def test_take_theirs_undone_over_the_same_models_pre_label_is_unsaved(qtbot, window, folder, conflict):  # noqa: F811
    doc = _accepted_on_d(qtbot, window, folder)
    mine = list(doc.objects)
    mark = f"{PRELABEL_PREFIX} by petloc predict, {mine[0].accepted_from}"
    _written_as_saved(folder / "d.png", mine, prelabel=mark)
    conflict["click"] = "Take theirs"
    window.save_current()
    assert conflict["asked"] == 1 and not doc.dirty and doc.prelabel
    assert "Ctrl+Z brings your edits back" in window.statusBar().currentMessage()

    window.act["undo"].trigger()
    assert doc.objects == mine
    assert doc.dirty and window.has_unsaved() and window.isWindowModified()
    assert window.session.model.status[D] == STATUS_EDITED
    assert window.save_current()
    read = voc.read_voc(folder / "d.xml", find_image=False)
    assert read.prelabel is None and read.objects[0].accepted_from == mine[0].accepted_from
    assert not doc.dirty and not window.has_unsaved()
