"""The annotation of an image petloc does not read (HEIC, AVIF...) is found as a readable image's is,
ignoring case and Unicode form.

`Dataset.annotation_path_for` gave such an image ``stem.xml`` as written: a macOS ``Café.heic`` (its
name decomposed, NFD) beside the ``Café.xml`` another tool wrote composed (NFC) was an "annotation file
with no image" in `petloc stats`, and the image a file not read with no annotation, where it is a boxed
photo to convert. Likewise ``Photo.HEIC`` beside ``photo.xml``.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from petloc_gui.core.dataset import SEPARATE_FOLDERS, SIDECAR, open_dataset
from petloc_gui.core.orphan_annotations import annotations_without_image
from petloc_gui.core.stats import compute_stats
from petloc_gui.core.stats_problems import NO_IMAGE
from petloc_gui.core.unread_note import unread_lines
from tests.cli.helpers import voc_xml, write_image

NFD, NFC = unicodedata.normalize("NFD", "Café"), unicodedata.normalize("NFC", "Café")


def _folders(root: Path, layout: str) -> tuple[Path, Path]:
    """The images folder and the annotations folder of ``layout`` under ``root``."""
    if layout == SIDECAR:
        return root, root
    images, annotations = (root / part for part in SEPARATE_FOLDERS[layout])
    annotations.mkdir(parents=True)
    return images, annotations


def _xml(path: Path, image_name: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(voc_xml(image_name, 40, 30, [("cat", (1, 1, 20, 20))]), encoding="utf-8")


@pytest.mark.parametrize("layout", [SIDECAR, *sorted(SEPARATE_FOLDERS)])
def test_an_unread_image_s_annotation_differing_in_case_or_unicode_form_is_its_own(tmp_path, layout):
    images, annotations = _folders(tmp_path, layout)
    (images / "day").mkdir(parents=True)
    write_image(images / "b.jpg", 40, 30)  # a readable image, that the folder is a dataset
    _xml(annotations / "b.xml", "b.jpg")
    (images / "day" / f"{NFD}.heic").write_bytes(b"")
    _xml(annotations / "day" / f"{NFC}.xml", f"{NFC}.heic")
    (images / "Photo.HEIC").write_bytes(b"")
    _xml(annotations / "photo.xml", "Photo.HEIC")
    dataset = open_dataset(tmp_path)
    assert dataset.layout == layout
    assert dataset.annotation_path_for(images / "day" / f"{NFD}.heic") == annotations / "day" / f"{NFC}.xml"
    assert dataset.annotation_path_for(images / "Photo.HEIC") == annotations / "photo.xml"
    assert annotations_without_image(dataset) == []
    assert [problem.path for problem in compute_stats(dataset, check_images=False).problems
            if problem.kind == NO_IMAGE] == []
    lines = unread_lines(dataset)  # one per folder
    assert len(lines) == 2 and all("1 file not read" in line and "it has an annotation" in line for line in lines)
    # an image neither indexed nor unread keeps the name it would be written under
    assert dataset.annotation_path_for(images / "new.jpg") == annotations / "new.xml"


def test_an_unread_image_takes_its_own_spelling_before_a_readable_image_s_file(tmp_path):
    # on a case-sensitive disk A.xml is A.jpg's, a.XML the HEIC's (though A.xml comes first in natural
    # order): the unread image is matched with the folder's readable images, as the index would pair them
    write_image(tmp_path / "A.jpg", 40, 30)
    _xml(tmp_path / "A.xml", "A.jpg")
    (tmp_path / "a.heic").write_bytes(b"")
    _xml(tmp_path / "a.XML", "a.heic")
    dataset = open_dataset(tmp_path)
    assert dataset.annotation_path_for(tmp_path / "a.heic") == tmp_path / "a.XML"
    assert annotations_without_image(dataset) == []
