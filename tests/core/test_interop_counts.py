"""Counts in conversion messages take their noun's number: "1 image", "2 images" (core.text.counted)."""

from __future__ import annotations

import pytest

from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import ConversionReport, ImageRecord, LabelledBox, export_yolo, write_voc_records
from petloc_gui.core.text import counted
from tests.cli.helpers import write_image

PRELABEL_NOTE = "among the annotations (a model's boxes, petloc predict --write-voc), exported like the others"


def test_counted_takes_the_singular_for_one_only():
    assert counted(1, "image") == "1 image"
    assert counted(0, "image") == "0 images"
    assert counted(2, "image") == "2 images"
    assert counted(1, "box", "boxes") == "1 box"
    assert counted(3, "box", "boxes") == "3 boxes"


@pytest.mark.parametrize("n, expected", [
    (1, "1 image (1 annotated), 1 box, skipped 1 image and 1 box, 1 existing VOC file left untouched, "
        f"1 unreviewed pre-label {PRELABEL_NOTE}, 1 problem, 1 warning"),
    (2, "2 images (2 annotated), 2 boxes, skipped 2 images and 2 boxes, 2 existing VOC files left untouched, "
        f"2 unreviewed pre-labels {PRELABEL_NOTE}, 2 problems, 2 warnings"),
])
def test_the_summary_words_each_count_in_its_number(n, expected):
    report = ConversionReport(images=n, annotated=n, objects=n, skipped_images=n, skipped_objects=n,
                              kept_existing=n, prelabels=n, problems=["p"] * n, warnings=["w"] * n)
    assert report.summary() == expected


@pytest.mark.parametrize("unannotated", [1, 2])
def test_the_yolo_warning_about_images_without_a_label_file_agrees_with_its_count(tmp_path, unannotated):
    folder = tmp_path / "data"
    folder.mkdir()
    for index in range(unannotated):
        write_image(folder / f"u{index}.png", 20, 20)
    [warning] = export_yolo(open_dataset(folder), tmp_path / "yolo").warnings
    expected = ("1 image without an annotation was exported" if unannotated == 1
                else f"{unannotated} images without an annotation were exported")
    assert f": {expected} without a label file;" in warning, warning


@pytest.mark.parametrize("existing", [2, 3])
def test_the_warning_about_kept_voc_files_agrees_with_its_count(tmp_path, existing):
    source = tmp_path / "src"
    source.mkdir()
    records = []
    for index in range(existing):
        image = write_image(source / f"i{index}.png", 20, 20)
        records.append(ImageRecord(image_path=image, relative=image.name, width=20, height=20, annotated=True,
                                   objects=[LabelledBox("cat", Box(2, 2, 10, 10))]))
    out = tmp_path / "voc"
    write_voc_records(records, out)
    [warning] = write_voc_records(records, out).warnings  # again: every VOC file exists now
    more = "1 more VOC file" if existing == 2 else f"{existing - 1} more VOC files"
    assert warning == f"{out / 'i0.xml'}: exists, like {more} in {out}; all left untouched (pass --overwrite " \
                      "to replace them)"

