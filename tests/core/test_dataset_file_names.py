"""Which file names a layout reads is said once (`folder_listing.is_annotation_name`, `is_dataset_file`):
the files a layout with separate folders names at its top as not read are the files that keep a folder
from being read as Label Studio's export, and an XML name is one by the same test everywhere."""

from __future__ import annotations

import os

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.folder_listing import is_annotation_name, is_dataset_file
from petloc_gui.core.label_studio_layout import check_label_studio_export
from tests.cli.helpers import voc_xml, write_image

READ = ("x.xml", "x.XML", "x.Xml", "a.jpg", "a.PNG", "a.heic")
NOT_READ = (".x.xml", ".a.jpg", "notes.txt", "xml", ".xml", "a.jpg.bak")


def test_the_names():
    assert [is_annotation_name(name) for name in ("x.xml", "x.XML", ".x.xml", "x.xmlx", "xml", "a.jpg")] == [
        True, True, False, False, False, False]
    assert all(map(is_dataset_file, READ)) and not any(map(is_dataset_file, NOT_READ))


@pytest.mark.parametrize("name", READ + NOT_READ)
def test_what_a_devkit_leaves_out_at_its_top_keeps_a_folder_from_being_the_export(tmp_path, name):
    devkit, export = tmp_path / "voc", tmp_path / "ls"
    for root, images in ((devkit, "JPEGImages"), (export, "images")):
        (root / images).mkdir(parents=True)
        write_image(root / images / "p.jpg", 8, 8)
        (root / "Annotations").mkdir()
        (root / "Annotations" / "p.xml").write_text(voc_xml("p.jpg", 8, 8, []), encoding="utf-8")
        (root / name).write_bytes(b"")
    named = [os.path.basename(problem.path) for problem in open_dataset(devkit).problems]
    check = check_label_studio_export(export)
    assert named == ([name] if name in READ else [])
    assert (check.why_not == f"{name} at its top would be left out") is (name in READ)
    assert check.is_export is (name not in READ)
