"""What both exporters read from a petloc dataset, and agree on (core.interop.records)."""

from __future__ import annotations

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import export_coco, export_yolo
from tests.core.interop_helpers import write_voc_image


@pytest.mark.parametrize("export", [export_yolo, export_coco])
def test_two_images_beside_one_annotation_give_its_boxes_to_the_image_it_names(tmp_path, export):
    folder = tmp_path / "voc"
    folder.mkdir()
    write_voc_image(folder, "a.png", 40, 30, [("cat", (5, 5, 20, 20))])  # a.xml names a.png
    write_voc_image(folder, "a.jpg", 400, 300, None)  # first in natural order, yet not a.xml's image
    dataset = open_dataset(folder)
    report = export(dataset, tmp_path / "out")
    assert report.problems == [f"{folder / 'a.jpg'}: shares its annotation file a.xml with a.png; "
                               "image left out"]
    assert dataset.problems == [f"{folder / 'a.jpg'}: shares its annotation file a.xml with a.png"]
    assert (report.images, report.annotated, report.objects, report.skipped_images) == (1, 1, 1, 1)
    assert report.warnings == []  # the box fits the image it was drawn on
    assert (tmp_path / "out" / "images" / "a.png").exists()
    assert not (tmp_path / "out" / "images" / "a.jpg").exists()


@pytest.mark.parametrize("export", [export_yolo, export_coco])
def test_shared_annotation_naming_none_of_them_goes_to_the_first_in_natural_order(tmp_path, export):
    folder = tmp_path / "voc"
    folder.mkdir()
    for name in ("b.png", "b.jpg"):
        write_voc_image(folder, name, 40, 30, None)
    write_voc_image(folder, "b.bmp", 40, 30, [("cat", (5, 5, 20, 20))])
    (folder / "b.xml").write_text((folder / "b.xml").read_text().replace("b.bmp", "elsewhere.png"))
    dataset = open_dataset(folder)
    report = export(dataset, tmp_path / "out")
    lines = [f"{folder / name}: shares its annotation file b.xml with b.bmp" for name in ("b.jpg", "b.png")]
    assert dataset.problems == lines
    assert report.problems == [f"{line}; image left out" for line in lines]
    assert report.objects == 1 and (tmp_path / "out" / "images" / "b.bmp").exists()


def test_images_sharing_an_annotation_file_not_written_yet_are_both_read_unannotated(tmp_path):
    from petloc_gui.core.interop.records import ConversionReport, read_dataset_records

    folder = tmp_path / "voc"
    folder.mkdir()
    for name in ("c.png", "c.jpg"):
        write_voc_image(folder, name, 40, 30, None)
    report = ConversionReport()
    records = list(read_dataset_records(open_dataset(folder), report))
    assert report.problems == [] and report.skipped_images == 0
    assert sorted((r.image_path.name, r.annotated) for r in records) == [("c.jpg", False), ("c.png", False)]


@pytest.mark.parametrize("export", [export_yolo, export_coco])
def test_the_export_leaves_out_exactly_the_images_every_command_does(tmp_path, export):
    from petloc_gui.core.shared_annotations import borrowed_annotations

    folder = tmp_path / "voc"
    folder.mkdir()
    write_voc_image(folder, "d10.png", 40, 30, [("cat", (5, 5, 20, 20))])
    write_voc_image(folder, "d10.jpg", 40, 30, None)
    write_voc_image(folder, "d2.png", 40, 30, [("dog", (5, 5, 20, 20))])
    write_voc_image(folder, "d2.jpg", 40, 30, None)
    (folder / "d2.xml").write_text((folder / "d2.xml").read_text().replace("d2.png", "sub\\d2.jpg"))
    dataset = open_dataset(folder)
    report = export(dataset, tmp_path / "out")
    left_out = {line.split(": ", 1)[0] for line in report.problems}
    assert left_out == {str(path) for path in borrowed_annotations(dataset.items)} == {
        str(folder / "d10.jpg"), str(folder / "d2.png")}
