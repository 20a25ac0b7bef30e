"""An annotation file that changes owner on disk while the window is open: labelImg, used on photo.png,
rewrites photo.xml (photo.jpg's until then) to name photo.png. photo.jpg must then be treated as an image
that only shares the file, and its boxes must never be saved over photo.png's."""

from __future__ import annotations

import pytest

from petloc_gui.app.annotation_store import AnnotationStore
from petloc_gui.app.image_document import STATUS_ERROR, make_object
from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import SaveError
from petloc_gui.core.voc import VocObject, new_annotation, read_voc, write_voc

from .conftest import FakePrediction, open_and_wait
from .test_shared_annotation_file import photo_pair

NOTE = "photo.jpg shares its annotation file photo.xml with photo.png"


@pytest.fixture
def pair(tmp_path):
    return photo_pair(tmp_path)




def _label_img_saves_for_the_png(folder) -> bytes:
    """What labelImg does on photo.png: photo.xml replaced by one naming photo.png, with its dog."""
    annotation = new_annotation(folder / "photo.png", 120, 90)
    annotation.objects.append(VocObject(name="dog", box=Box(20, 20, 60, 60)))
    (folder / "photo.xml").unlink()
    write_voc(annotation, folder / "photo.xml")
    return (folder / "photo.xml").read_bytes()


def test_a_reload_takes_the_new_owner_and_the_save_is_refused(qtbot, window, pair, factory, answers):
    factory.table["photo.jpg"] = FakePrediction("bird", 0.9, Box(60, 40, 100, 80))
    open_and_wait(qtbot, window, pair)
    session = window.session
    row = session.model.names.index("photo.jpg")
    window.show_row(row)
    theirs = _label_img_saves_for_the_png(pair)
    assert session.watchers.disk.check() == 1  # reloaded: photo.jpg had no edits
    doc = session.store.document(row)
    assert doc.shared_with == "photo.png" and doc.status() == STATUS_ERROR
    assert doc.problem_text().startswith(NOTE)

    window.accept_prediction()
    assert not window.save_current()
    assert (pair / "photo.xml").read_bytes() == theirs  # photo.png's dog is still there
    assert read_voc(pair / "photo.xml").objects[0].name == "dog"
    assert doc.dirty and [o.name for o in doc.objects] == ["bird"]  # the edit is kept


def test_the_store_checks_the_owner_again_just_before_writing(pair):
    """Edits made before the file changed owner, and the user's explicit 'keep mine' (which skips the
    changed-on-disk check), still never replace the new owner's boxes."""
    dataset = open_dataset(pair)
    store = AnnotationStore(dataset)
    row = [item.image_path.name for item in dataset.items].index("photo.jpg")
    doc = store.document(row)
    assert doc.shared_with is None and doc.objects[0].name == "cat"
    doc.insert_object(0, make_object("bird", Box(1, 1, 20, 20)))
    theirs = _label_img_saves_for_the_png(pair)
    with pytest.raises(SaveError, match=r"not saved: it is photo\.png's annotation file"):
        store.save(row, keep_mine=True)
    assert (pair / "photo.xml").read_bytes() == theirs
    assert doc.dirty and [o.name for o in doc.objects] == ["bird", "cat"]  # nothing typed is lost
    assert doc.shared_with == "photo.png" and doc.shared_note.startswith(NOTE)  # the list and pane say why
