"""An image whose annotation file is another image's (photo.png beside photo.jpg and photo.jpg's photo.xml):
the window shows it without the owner's boxes, says why, and never saves it over the owner's file."""

from __future__ import annotations

import pytest

from petloc_gui.app.annotation_store import AnnotationStore
from petloc_gui.app.image_document import STATUS_ERROR, make_object
from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import SaveError
from petloc_gui.core.voc import read_voc

from .conftest import FakePrediction, open_and_wait, write_annotation, write_image

NOTE = "photo.png shares its annotation file photo.xml with photo.jpg"


def photo_pair(tmp_path):
    """photo.jpg and photo.png beside photo.xml, which names photo.jpg (its owner), and other.png."""
    root = tmp_path / "pair"
    root.mkdir()
    write_image(root / "photo.jpg", seed=1)
    write_image(root / "photo.png", seed=2)
    write_annotation(root / "photo.jpg", [("cat", Box(10, 10, 50, 50))])  # <filename>photo.jpg: photo.jpg's file
    write_image(root / "other.png", seed=3)
    return root


@pytest.fixture
def pair(tmp_path):
    return photo_pair(tmp_path)


def test_the_store_gives_the_non_owner_no_boxes_and_refuses_to_save_it(pair):
    dataset = open_dataset(pair)
    store = AnnotationStore(dataset)
    rows = {item.image_path.name: row for row, item in enumerate(dataset.items)}
    owner = store.document(rows["photo.jpg"])
    assert [(o.name, o.box) for o in owner.objects] == [("cat", Box(10, 10, 50, 50))] and owner.shared_with is None
    doc = store.document(rows["photo.png"])
    assert doc.objects == [] and doc.shared_with == "photo.jpg"
    assert doc.status() == STATUS_ERROR and doc.problem_text().startswith(NOTE)
    assert store.read_primary(rows["photo.png"]).startswith(NOTE)  # the list row says the same
    assert store.read_primary(rows["photo.jpg"])[0] == "cat"

    before = (pair / "photo.xml").read_bytes()
    doc.insert_object(0, make_object("dog", Box(1, 1, 20, 20)))
    with pytest.raises(SaveError, match=r"not saved: it is photo\.jpg's annotation file") as refused:
        store.save(rows["photo.png"])
    assert "Rename one of the two images" in str(refused.value)
    assert (pair / "photo.xml").read_bytes() == before  # photo.jpg's cat is still there
    assert doc.dirty and doc.objects[0].name == "dog"  # nothing typed is lost
    store.save(rows["photo.jpg"], keep_mine=True)  # the owner saves as ever


def test_the_window_shows_it_without_the_owner_s_boxes_and_keeps_an_edit_it_will_not_save(
        qtbot, window, pair, factory, answers):
    factory.table["photo.png"] = FakePrediction("dog", 0.9, Box(60, 40, 100, 80))
    open_and_wait(qtbot, window, pair)
    session, model = window.session, window.session.model
    row = model.names.index("photo.png")
    # scanned off the UI thread before it is opened: no cat of photo.jpg's, no IoU, the note as its problem
    assert model.gt_box[row] is None and model.iou[row] is None and model.status[row] == STATUS_ERROR
    assert model.errors[row].startswith(NOTE)

    window.show_row(row)
    doc = session.store.document(row)
    assert window.panel.gt_pane._message_item.toPlainText().startswith(NOTE)
    assert "GT: <i>none</i>" in window.panel.header.text()

    before = (pair / "photo.xml").read_bytes()
    window.accept_prediction()  # the annotator boxes it anyway
    assert not window.save_current()
    assert (pair / "photo.xml").read_bytes() == before
    assert read_voc(pair / "photo.xml").objects[0].name == "cat"
    assert len(answers["warnings"]) == 1 and "photo.xml: not saved: it is photo.jpg's annotation file" in \
        answers["warnings"][0] and "Rename one of the two images" in answers["warnings"][0]
    # the edit stays, unsaved and undoable
    assert doc.dirty and [o.name for o in doc.objects] == ["dog"] and window.edits.stack().canUndo()
    assert model.status[row] == "edited"
    window.edits.stack().undo()
    assert not doc.dirty and model.status[row] == STATUS_ERROR


def test_before_either_is_annotated_the_file_to_come_is_the_first_image_s(tmp_path):
    write_image(tmp_path / "photo.jpg", seed=1)
    write_image(tmp_path / "photo.png", seed=2)
    dataset = open_dataset(tmp_path)  # natural order: photo.jpg, photo.png (the index's problem line says so)
    store = AnnotationStore(dataset)
    doc = store.document(1)
    doc.image_size = (120, 90)
    doc.insert_object(0, make_object("dog", Box(1, 1, 20, 20)))
    with pytest.raises(SaveError, match="only shares its name"):
        store.save(1)
    assert not (tmp_path / "photo.xml").exists()  # photo.png never takes the file from photo.jpg
    first = store.document(0)
    first.image_size = (120, 90)  # as the window sets it once the image is decoded
    first.insert_object(0, make_object("cat", Box(5, 5, 30, 30)))
    store.save(0)
    assert read_voc(tmp_path / "photo.xml").filename == "photo.jpg"
    assert store.read_primary(1).startswith(NOTE) and store.read_disk_version(1).objects == []
