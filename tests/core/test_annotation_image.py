"""`find_image`: the image of an annotation at its path below the layout's annotations folder, under the
layout's images folder, at any depth; only the base name of ``<filename>`` is used."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.core.annotation_image import find_image


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize(("annotation", "image"), [
    ("Annotations/day/deep/x.xml", "JPEGImages/day/deep/x.jpg"),  # VOC devkit (CVAT's folders)
    ("Annotations/day/x.xml", "images/day/x.jpg"),  # Label Studio's export
    ("Annotations/x.xml", "images/x.jpg"),
    ("annotations/xmls/thumbs/x.xml", "images/thumbs/x.jpg"),  # Oxford
    ("annotations/xmls/x.xml", "images/x.jpg"),
    ("Annotations/x.xml", "JPEGImages/x.jpg"),
    ("photos/x.xml", "photos/x.jpg"),  # sidecar
])
def test_the_image_at_the_same_path_under_the_images_folder(tmp_path, annotation, image):
    made = _touch(tmp_path / image)
    assert find_image(tmp_path / annotation, "x.jpg") == made


def test_only_the_base_name_is_used_and_a_subfolder_of_the_same_name_elsewhere_is_not_taken(tmp_path):
    _touch(tmp_path / "JPEGImages" / "night" / "x.jpg")  # another subfolder's namesake
    assert find_image(tmp_path / "Annotations" / "day" / "x.xml", "x.jpg") is None
    image = _touch(tmp_path / "JPEGImages" / "day" / "x.jpg")
    assert find_image(tmp_path / "Annotations" / "day" / "x.xml", "\\\\host\\share\\night/x.jpg") == image
    assert find_image(tmp_path / "Annotations" / "day" / "x.xml", "..") is None
