"""Names are one file's when file systems hold them as one: case and Unicode form, character by
character, never Unicode's full case folding.

`str.casefold` makes ``ß`` ``ss`` and the ligature ``ﬁ`` ``fi``. So ``Strasse_1.jpg``, which has no
annotation, was paired with ``Straße_1.xml`` and said to share ``Straße_1.jpg``'s file: the window
refused to save it, `petloc train` left it out and `petloc predict --write-voc` wrote nothing for it.
No common file system (NTFS, APFS, HFS+, ext4) takes those for one name.
"""

from __future__ import annotations

from petloc_gui.cli.exclude_list import resolve_exclude_list
from petloc_gui.core.annotation_names import annotation_names, folded
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.dataset_item import DatasetItem
from petloc_gui.core.orphan_annotations import annotations_without_image
from petloc_gui.core.shared_annotations import borrowed_annotations, sharing_groups
from tests.cli.helpers import voc_xml, write_image

# (the user's annotated image, an unannotated one that full case folding took for it)
LOOK_ALIKES = [("Straße_1", "Strasse_1"), ("\ufb01sch_2", "fisch_2")]


def test_full_case_folding_pairs_no_names():
    for annotated, other in LOOK_ALIKES:
        assert folded(annotated + ".xml") != folded(other + ".xml")
        assert annotation_names([other], {annotated + ".xml"}) == [None]
    # what file systems do fold still pairs: case (ẞ's small letter is ß) and Unicode form
    assert annotation_names(["STRAẞE_1", "Straße_2"], {"straße_1.xml", "STRASSE_2.XML"}) == ["straße_1.xml", None]


def test_look_alike_names_are_each_their_own_image(tmp_path):
    for annotated, other in LOOK_ALIKES:
        write_image(tmp_path / f"{annotated}.jpg", 40, 30)
        (tmp_path / f"{annotated}.xml").write_text(
            voc_xml(f"{annotated}.jpg", 40, 30, [("cat", (1, 1, 20, 20))]), encoding="utf-8")
        write_image(tmp_path / f"{other}.jpg", 40, 30, color=(90, 40, 40))
    dataset = open_dataset(tmp_path)
    assert dataset.problems == []
    by_name = {item.image_path.name: item for item in dataset.items}
    for annotated, other in LOOK_ALIKES:
        assert by_name[f"{annotated}.jpg"].has_annotation
        assert by_name[f"{other}.jpg"].annotation_path == tmp_path / f"{other}.xml"
        assert not by_name[f"{other}.jpg"].has_annotation
    assert sharing_groups(dataset.items) == {}
    assert borrowed_annotations(dataset.items) == {}  # the window saves it, train and predict take it
    assert annotations_without_image(dataset) == []


def test_paths_differing_by_full_folding_alone_share_no_file(tmp_path):
    items = [DatasetItem(image_path=tmp_path / f"{stem}.jpg", annotation_path=tmp_path / f"{stem}.xml",
                         split=None, meta=None, has_annotation=False)
             for pair in LOOK_ALIKES for stem in pair]
    assert sharing_groups(items) == {}


def test_an_exclude_entry_names_no_look_alike(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    write_image(data / "Straße_1.jpg", 40, 30)
    (data / "Straße_1.xml").write_text(voc_xml("Straße_1.jpg", 40, 30, [("cat", (1, 1, 20, 20))]), encoding="utf-8")
    listing = tmp_path / "exclude.txt"
    listing.write_text("Strasse_1.jpg\n", encoding="utf-8")
    assert resolve_exclude_list(data, listing) == []  # not Straße_1.jpg held out in its place
    assert "matches no image" in capsys.readouterr().err
