"""Opening Label Studio's export walks ``images/`` and ``Annotations/`` once: its check walked both, then the
index walked both again (a quarter of `open_dataset`'s time on 20,000 images), and the folder's top was
listed a third time for image or XML files, which the check had already refused. The index reads the
check's walks (`label_studio_layout.RecordedWalk`) and gives what its own walk gave, problems included."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

import petloc_gui.core.dataset as dataset_module
import petloc_gui.core.oxford_devkit_index as oxford_devkit_index
from petloc_gui.core.dataset import IMAGES_ANNOTATIONS, VOC_DEVKIT, open_dataset
from tests.cli.helpers import voc_xml, write_image


def _export(root: Path, annotations: str = "Annotations") -> Path:
    for relative, annotated in (("a", True), ("b", False), ("day/c", True), ("day/deep/d", True), ("night/e", False)):
        image = (root / "images" / relative).with_suffix(".jpg")
        image.parent.mkdir(parents=True, exist_ok=True)
        write_image(image, 16, 12)
        if annotated:
            xml = (root / annotations / relative).with_suffix(".xml")
            xml.parent.mkdir(parents=True, exist_ok=True)
            xml.write_text(voc_xml(image.name, 16, 12, [("cat", (1, 1, 9, 9))]), encoding="utf-8")
    (root / annotations / "day" / "._c.xml").write_bytes(b"\0")  # hidden: no image's
    return root


def _with_links(root: Path) -> None:
    """Entries each walk names: links in a loop (in both trees), a link to a folder (not followed)."""
    os.symlink("loop.xml", root / "Annotations" / "day" / "loop.xml")
    os.symlink("x2.jpg", root / "images" / "day" / "x1.jpg")
    os.symlink("x1.jpg", root / "images" / "day" / "x2.jpg")
    os.symlink(root / "images" / "night", root / "images" / "linked")
    os.symlink(root / "Annotations" / "day", root / "Annotations" / "linked")


def _seen(dataset) -> tuple:
    return (dataset.root, dataset.layout, dataset.items, [(p.path, p.what, p.folder) for p in dataset.problems],
            dataset.folders)


def test_the_export_is_walked_once_and_its_top_not_listed_again(tmp_path, monkeypatch):
    root = _export(tmp_path / "ls")
    monkeypatch.setattr(oxford_devkit_index, "walk_folders", lambda *args, **kwargs: pytest.fail("walked again"))
    listed = []  # only a folder the walk did not find: images/night/ has no Annotations/night/
    monkeypatch.setattr(oxford_devkit_index, "_list_names", lambda folder, problems: listed.append(folder) or [])
    beside = []
    monkeypatch.setattr(dataset_module, "_beside_the_folders", lambda *args: beside.append(args) or [])
    dataset = open_dataset(root)
    assert (dataset.layout, len(dataset), dataset.annotated_count, beside) == (IMAGES_ANNOTATIONS, 5, 3, [])
    assert listed == [root / "Annotations" / "night"] and not listed[0].exists()


def test_a_devkit_still_names_the_files_at_its_top(tmp_path):
    root = tmp_path / "voc"
    (root / "JPEGImages").mkdir(parents=True)
    (root / "Annotations").mkdir()
    write_image(root / "JPEGImages" / "a.jpg", 16, 12)
    write_image(root / "top.jpg", 16, 12)
    dataset = open_dataset(root)
    assert dataset.layout == VOC_DEVKIT
    assert [Path(problem.path).name for problem in dataset.problems] == ["top.jpg"]


@pytest.mark.parametrize("links", [False, True])
def test_what_the_index_reads_is_what_its_own_walk_gave(tmp_path, monkeypatch, links):
    if links and os.name == "nt":
        pytest.skip("symbolic links need privileges on Windows")
    root = _export(tmp_path / "ls")
    if links:
        _with_links(root)
    reused = open_dataset(root)
    assert reused.layout == IMAGES_ANNOTATIONS and reused.annotated_count == 3
    assert len(reused.problems) == (4 if links else 0)  # the loops in both trees, the link to a folder in images/
    check = dataset_module.check_label_studio_export
    monkeypatch.setattr(dataset_module, "check_label_studio_export",
                        lambda folder: dataclasses.replace(check(folder), walks=None))
    assert _seen(open_dataset(root)) == _seen(reused)
