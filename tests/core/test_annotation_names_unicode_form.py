"""An image and its annotation whose names differ only in Unicode form are one pair.

macOS writes a typed ``é`` decomposed (NFD) in the names it makes; a tool on Windows or Linux writes
it composed (NFC). ``Café.jpg`` (NFD) beside ``Café.xml`` (NFC) was "no annotation" to every command
and the window, the XML one "without an image", and `petloc predict --write-voc` wrote a second,
look-alike ``Café.xml`` beside the person's (on macOS, the same file: replaced).
"""

from __future__ import annotations

import unicodedata

from petloc_gui.cli.prelabel import annotation_targets
from petloc_gui.core.annotation_names import annotation_names
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.orphan_annotations import annotations_without_image
from tests.cli.helpers import voc_xml, write_image

NFD = unicodedata.normalize("NFD", "Café")
NFC = unicodedata.normalize("NFC", "Café")


def test_the_names_alone_pair_across_unicode_forms_and_case():
    assert NFD != NFC
    assert annotation_names([NFD, "Crème", "x"], {f"{NFC}.xml", unicodedata.normalize("NFD", "CRÈME.XML")}) == [
        f"{NFC}.xml", unicodedata.normalize("NFD", "CRÈME.XML"), None]


def test_an_nfd_image_beside_its_nfc_annotation_is_paired_everywhere(tmp_path):
    write_image(tmp_path / f"{NFD}.jpg", 40, 30)
    (tmp_path / f"{NFC}.xml").write_text(voc_xml(f"{NFD}.jpg", 40, 30, [("cat", (1, 1, 20, 20))]), encoding="utf-8")
    dataset = open_dataset(tmp_path)
    (item,) = dataset.items
    assert item.has_annotation and item.annotation_path == tmp_path / f"{NFC}.xml"
    assert annotations_without_image(dataset) == []  # `petloc stats`: not an annotation without an image
    # `petloc predict --write-voc` (a folder or the file itself given): the person's file, never a second one
    for given in (tmp_path, tmp_path / f"{NFD}.jpg"):
        assert annotation_targets([given]).images == {tmp_path / f"{NFD}.jpg": tmp_path / f"{NFC}.xml"}
