"""`petloc train --exclude-list` with a VOC devkit's ImageSets list (CVAT: ``ImageSets/Main/test.txt``)
of a task whose images are in subfolders: its ids are paths within JPEGImages/ without extension
(``day/x``). Such an entry matched no image ("matches no image; ignored"), so every test image in a
subfolder was trained on, while a bare stem ``x`` held out every ``x.*`` in every subfolder, unsaid."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.cli.exclude_list import resolve_exclude_list
from tests.cli.helpers import voc_xml, write_image


def _devkit(root, *relatives):
    for i, relative in enumerate(relatives):
        image = root / "JPEGImages" / relative
        image.parent.mkdir(parents=True, exist_ok=True)
        write_image(image, 40, 30, color=(10 * i, 40, 40))
        xml = (root / "Annotations" / relative).with_suffix(".xml")
        xml.parent.mkdir(parents=True, exist_ok=True)
        xml.write_text(voc_xml(image.name, 40, 30, [("cat", (1, 1, 20, 20))]), encoding="utf-8")


def _resolved(root, text, tmp_path):
    listing = tmp_path / "test.txt"
    listing.write_text(text, encoding="utf-8")
    images = (root / "JPEGImages").resolve()
    return [Path(image).relative_to(images).as_posix() for image in resolve_exclude_list(root, listing)]


def test_an_imagesets_list_holds_out_the_images_it_names_in_subfolders(tmp_path, capsys):
    root = tmp_path / "export"
    _devkit(root, "x.jpg", "day/x.jpg", "day/y.jpg", "night/z.png", "night/w.jpg")
    # ImageSets ids: paths within JPEGImages/ without extension; with one, as a user may write them
    assert _resolved(root, "day/x\nnight/z\nnight/w.jpg\n", tmp_path) == ["day/x.jpg", "night/w.jpg", "night/z.png"]
    assert capsys.readouterr().err == ""


def test_a_bare_id_is_the_image_at_the_top_and_the_subfolders_namesakes_are_said(tmp_path, capsys):
    """ImageSets' ``x`` is ``JPEGImages/x.jpg``, not ``day/x.jpg`` too (that is ``day/x``, a train id
    perhaps): the namesake stays in training, and the user is told how to hold it out."""
    root = tmp_path / "export"
    _devkit(root, "x.jpg", "day/x.jpg", "y.jpg")
    assert _resolved(root, "x\ny\n", tmp_path) == ["x.jpg", "y.jpg"]
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "line 1: 'x' taken as x.jpg, its path in the images folder; day/x.jpg only share its name and are " \
           "trained on: list each by its path within the images folder ('day/x') to hold it out too" in err


def test_a_stem_found_only_in_several_subfolders_holds_them_all_out_and_says_so(tmp_path, capsys):
    root = tmp_path / "export"
    _devkit(root, "day/y.jpg", "night/y.jpg", "night/z.jpg", "dusk/z.jpg")
    assert _resolved(root, "y\nz.jpg\n", tmp_path) == ["day/y.jpg", "dusk/z.jpg", "night/y.jpg", "night/z.jpg"]
    err = capsys.readouterr().err
    assert err.count("\n") == 2, err
    assert "line 1: 'y' names 2 images in different folders (day/y.jpg, night/y.jpg): all held out; to hold " \
           "out only one, list it by its path within the images folder ('day/y')" in err
    assert "line 2: 'z.jpg' names 2 images in different folders (dusk/z.jpg, night/z.jpg)" in err


def test_an_oxford_test_list_of_bare_stems_in_a_flat_folder_says_nothing(tmp_path, capsys):
    root = tmp_path / "oxford"
    (root / "annotations" / "xmls").mkdir(parents=True)
    (root / "images").mkdir()
    for i, stem in enumerate(("Abyssinian_1", "Abyssinian_2", "Bengal_1")):
        write_image(root / "images" / f"{stem}.jpg", 40, 30, color=(10 * i, 40, 40))
        (root / "annotations" / "xmls" / f"{stem}.xml").write_text(
            voc_xml(f"{stem}.jpg", 40, 30, [("cat", (1, 1, 20, 20))]), encoding="utf-8")
    listing = tmp_path / "test.txt"
    listing.write_text("Abyssinian_2 1 1 1\nBengal_1 2 1 1\n", encoding="utf-8")
    assert resolve_exclude_list(root, listing) == [str((root / "images" / f"{stem}.jpg").resolve())
                                                   for stem in ("Abyssinian_2", "Bengal_1")]
    assert capsys.readouterr().err == ""
