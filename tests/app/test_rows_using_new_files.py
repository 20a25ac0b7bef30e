"""`rows_using` (Edit → Classes: the images a rename or a delete changes) looks on disk for every image's
annotation file, not only for those the folder's last look found. A file another program (labelImg) had just
written for an image whose row still said "no annotation" was passed over: a rename left its boxes with the old
name, unsaid, and the name came back once the folder's follower read the file."""

from __future__ import annotations

from petloc_gui.app.annotation_store import AnnotationStore
from petloc_gui.app.class_list import rows_using
from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.voc import VocObject, new_annotation, write_voc


def _annotate(image, name: str) -> None:
    annotation = new_annotation(image, 100, 80)
    annotation.objects.append(VocObject(name=name, box=Box(1, 1, 50, 50)))
    write_voc(annotation, image.with_suffix(".xml"))


def test_a_file_written_after_the_folder_was_read_is_found(tmp_path):
    for stem in ("a", "d"):
        (tmp_path / f"{stem}.png").write_bytes(b"")
    _annotate(tmp_path / "a.png", "cat")
    dataset = open_dataset(tmp_path)
    assert [item.has_annotation for item in dataset.items] == [True, False]
    _annotate(tmp_path / "d.png", "cat")  # labelImg saves d.xml; the folder's look has not seen it yet
    assert rows_using(AnnotationStore(dataset), "cat") == {0: [0], 1: [0]}


def test_an_image_without_a_file_or_with_a_folder_in_its_place_is_no_error(tmp_path):
    for stem in ("a", "d", "e"):
        (tmp_path / f"{stem}.png").write_bytes(b"")
    _annotate(tmp_path / "a.png", "cat")
    dataset = open_dataset(tmp_path)
    (tmp_path / "e.xml").mkdir()  # no file to read (an open fails): no box of it
    assert rows_using(AnnotationStore(dataset), "cat") == {0: [0]}
