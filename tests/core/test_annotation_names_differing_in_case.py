"""Annotation names that differ only in case or Unicode form are one file, on every system.

On macOS (case-insensitive by default) and Windows, ``mouse.png`` beside ``Mouse.jpg`` and ``Mouse.xml``
maps to ``mouse.xml``, which *is* Mouse.xml there: the window showed Mouse.jpg's boxes on mouse.png and
a save replaced them, while the index (comparing the names as written) found no sharing at all. The
names alone say so, so these tests run on Linux: the images share the file (the index's problem line,
stats, train, evaluate, predict) and the window refuses to save the one that does not own it.
"""

from __future__ import annotations

import unicodedata

import pytest

from petloc_gui.app.annotation_store import AnnotationStore
from petloc_gui.core.annotation_names import annotation_file_names, annotation_names
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import SaveError
from petloc_gui.core.shared_annotations import borrowed_annotations, sharing_groups
from tests.cli.helpers import voc_xml, write_image


def test_an_image_without_its_own_spelling_takes_the_file_another_image_matched():
    assert annotation_names(["Mouse", "mouse"], {"Mouse.jpg", "mouse.png", "Mouse.xml"}) == ["Mouse.xml", "Mouse.xml"]
    # a case-sensitive disk holding both files: each image keeps its own (nothing else could be meant)
    assert annotation_names(["Cat", "cat"], {"Cat.xml", "cat.xml"}) == ["Cat.xml", "cat.xml"]
    # a file of its own, in another case, comes before another image's exact one
    assert annotation_names(["Dog", "dog"], {"Dog.xml", "dog.XML"}) == ["Dog.xml", "dog.XML"]


def test_images_without_a_file_get_one_name_for_one_file_the_first_in_natural_order():
    nfd, nfc = unicodedata.normalize("NFD", "Café"), unicodedata.normalize("NFC", "Café")
    assert annotation_file_names(["mouse.png", "Mouse.jpg", f"{nfd}.jpg", f"{nfc}.png", "b.png"],
                                 ["mouse", "Mouse", nfd, nfc, "b"], set()) == [
        "Mouse.xml", "Mouse.xml", f"{nfd}.xml", f"{nfd}.xml", "b.xml"]


@pytest.mark.parametrize("with_file", [True, False])
def test_mouse_png_shares_mouse_jpg_s_file_in_the_index_and_the_window(tmp_path, with_file):
    write_image(tmp_path / "Mouse.jpg", 40, 30)
    write_image(tmp_path / "mouse.png", 40, 30)
    if with_file:
        (tmp_path / "Mouse.xml").write_text(voc_xml("Mouse.jpg", 40, 30, [("cat", (1, 1, 20, 20))]),
                                            encoding="utf-8")
    dataset = open_dataset(tmp_path)
    assert [(item.image_path.name, item.annotation_path.name, item.has_annotation) for item in dataset.items] == [
        ("Mouse.jpg", "Mouse.xml", with_file), ("mouse.png", "Mouse.xml", with_file)]
    assert [str(problem) for problem in dataset.problems] == [
        f"{tmp_path / 'mouse.png'}: shares its annotation file Mouse.xml with Mouse.jpg"]
    assert borrowed_annotations(dataset.items) == {tmp_path / "mouse.png": "Mouse.jpg"}
    store = AnnotationStore(dataset)
    assert store.owner_elsewhere(1) == "Mouse.jpg"
    with pytest.raises(SaveError, match=r"it is Mouse\.jpg's annotation file"):
        store.save(1)
    if with_file:
        assert "Mouse.jpg" in (tmp_path / "Mouse.xml").read_text(encoding="utf-8")
    assert sorted(path.name for path in tmp_path.glob("*.xml")) == (["Mouse.xml"] if with_file else [])


def test_a_devkit_s_images_differing_only_in_case_share_one_file(tmp_path):
    """As a layout with its annotations in a folder of their own names them (VOC's), subfolders too."""
    for name in ("Mouse.jpg", "mouse.png", "A/x.png", "a/x.png", "Cat.jpg", "cat.jpg"):
        (tmp_path / "JPEGImages" / name).parent.mkdir(parents=True, exist_ok=True)
        write_image(tmp_path / "JPEGImages" / name, 40, 30)
    (tmp_path / "Annotations").mkdir()
    for name in ("Cat.xml", "cat.xml"):  # each a file of its own on this disk: not shared
        (tmp_path / "Annotations" / name).write_text(voc_xml(name[:-4] + ".jpg", 40, 30, []), encoding="utf-8")
    items = open_dataset(tmp_path).items
    assert {path.name: [item.image_path.name for item in group]
            for path, group in sharing_groups(items).items()} == {"Mouse.xml": ["Mouse.jpg", "mouse.png"]}
