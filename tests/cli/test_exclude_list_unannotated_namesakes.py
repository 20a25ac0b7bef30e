"""`petloc train --exclude-list` words that name what a user can act on.

An Oxford folder holding ``images/thumbs/`` (walked since subfolders are) printed, for each line of its
``test.txt``, "thumbs/X.jpg only share its name and are trained on": thumbnails have no annotation, so no
run trains on them, and a full list gave 3,669 such lines. An entry matched with its Unicode form ignored
printed ``'Café_3' taken as 'Café_3'``, two names a terminal draws alike, with "only in case or Unicode
form": which of the two, unsaid.
"""

from __future__ import annotations

import unicodedata

from petloc_gui.cli.exclude_list import resolve_exclude_list
from tests.cli.helpers import voc_xml
from tests.cli.helpers import write_image as write_image_in


def write_image(path, width, height, color=(40, 40, 40)):
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_image_in(path, width, height, color=color)


def _oxford_with_thumbs(root, stems):
    (root / "annotations" / "xmls").mkdir(parents=True)
    for i, stem in enumerate(stems):
        write_image(root / "images" / f"{stem}.jpg", 40, 30, color=(10 * i, 40, 40))
        write_image(root / "images" / "thumbs" / f"{stem}.jpg", 8, 6, color=(10 * i, 40, 40))  # no annotation
        (root / "annotations" / "xmls" / f"{stem}.xml").write_text(
            voc_xml(f"{stem}.jpg", 40, 30, [("cat", (1, 1, 20, 20))]), encoding="utf-8")
    return root


def test_unannotated_thumbnails_sharing_a_listed_name_are_not_said_to_be_trained_on(tmp_path, capsys):
    root = _oxford_with_thumbs(tmp_path / "oxford", ("Abyssinian_1", "Abyssinian_2", "Bengal_1"))
    listing = tmp_path / "test.txt"
    listing.write_text("Abyssinian_2 1 1 1\nBengal_1 2 1 1\n", encoding="utf-8")
    assert resolve_exclude_list(root, listing) == [str((root / "images" / f"{stem}.jpg").resolve())
                                                   for stem in ("Abyssinian_2", "Bengal_1")]
    assert capsys.readouterr().err == ""


def test_an_annotated_namesake_in_a_subfolder_is_still_said_to_be_trained_on(tmp_path, capsys):
    root = _oxford_with_thumbs(tmp_path / "oxford", ("Abyssinian_1", "Bengal_1"))
    (root / "annotations" / "xmls" / "thumbs").mkdir()
    (root / "annotations" / "xmls" / "thumbs" / "Bengal_1.xml").write_text(
        voc_xml("Bengal_1.jpg", 8, 6, [("cat", (1, 1, 5, 5))]), encoding="utf-8")
    listing = tmp_path / "test.txt"
    listing.write_text("Abyssinian_1 1 1 1\nBengal_1 2 1 1\n", encoding="utf-8")
    assert len(resolve_exclude_list(root, listing)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err  # Bengal_1's annotated thumbnail; not Abyssinian_1's bare one
    assert "line 2: 'Bengal_1' taken as Bengal_1.jpg, its path in the images folder; thumbs/Bengal_1.jpg only " \
           "share its name and are trained on" in err


def test_a_stem_in_several_folders_names_only_the_annotated_ones(tmp_path, capsys):
    root = tmp_path / "oxford"
    (root / "annotations" / "xmls").mkdir(parents=True)
    for i, relative in enumerate(("day/x.jpg", "night/x.jpg", "thumbs/x.jpg")):
        write_image(root / "images" / relative, 40, 30, color=(10 * i, 40, 40))
    for relative in ("day/x.xml", "night/x.xml"):
        (root / "annotations" / "xmls" / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / "annotations" / "xmls" / relative).write_text(
            voc_xml("x.jpg", 40, 30, [("cat", (1, 1, 20, 20))]), encoding="utf-8")
    listing = tmp_path / "test.txt"
    listing.write_text("x\n", encoding="utf-8")
    assert len(resolve_exclude_list(root, listing)) == 3  # every x held out, as a bare name means
    err = capsys.readouterr().err
    assert "'x' names 2 images in different folders (day/x.jpg, night/x.jpg): all held out" in err, err


def test_a_name_differing_only_in_unicode_form_is_said_to_be_the_same_name_in_another_form(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    nfd = unicodedata.normalize("NFD", "Café_3")
    write_image(data / f"{nfd}.jpg", 8, 8)
    (data / f"{nfd}.xml").write_text(voc_xml(f"{nfd}.jpg", 8, 8, [("cat", (1, 1, 5, 5))]), encoding="utf-8")
    listing = tmp_path / "test.txt"
    listing.write_text(unicodedata.normalize("NFC", "Café_3") + "\n", encoding="utf-8")
    assert resolve_exclude_list(data, listing) == [str((data / f"{nfd}.jpg").resolve())]
    err = capsys.readouterr().err
    assert "the same name in another Unicode form (NFC in the list, NFD in the folder)" in err, err


def test_a_name_differing_in_case_and_form_says_both(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    write_image(data / (unicodedata.normalize("NFD", "Café_3") + ".jpg"), 8, 8)
    listing = tmp_path / "test.txt"
    listing.write_text(unicodedata.normalize("NFC", "CAFÉ_3.jpg") + "\n", encoding="utf-8")
    assert len(resolve_exclude_list(data, listing)) == 1
    assert "the name it differs from only in case and Unicode form" in capsys.readouterr().err
