"""check_image_there, asked by the window before each save: nothing may be written for an image gone from
a folder that is still there (renamed, moved or deleted), since the annotation would belong to no image;
back under its name, it passes. A folder gone is said as write_voc says it."""

from __future__ import annotations

import pytest

from petloc_gui.core.errors import SaveError
from petloc_gui.core.voc_write import check_image_there


def test_an_image_renamed_away_is_refused_until_it_is_back(tmp_path):
    image = tmp_path / "a.jpg"
    image.write_bytes(b"not decoded here")
    image.rename(tmp_path / "a_renamed.jpg")
    with pytest.raises(SaveError, match=r"a\.xml: the image a\.jpg is no longer in .* \(renamed, moved or "
                                        r"deleted\?\): nothing saved.*Put the image back under that name"):
        check_image_there(tmp_path / "a.xml", image)
    (tmp_path / "a_renamed.jpg").rename(image)
    check_image_there(tmp_path / "a.xml", image)


def test_the_image_with_its_folder_gone_says_the_folder(tmp_path):
    folder = tmp_path / "pets"
    with pytest.raises(SaveError, match=r"the folder .*pets no longer exists \(moved or deleted\?\)"):
        check_image_there(folder / "a.xml", folder / "a.jpg")


def test_an_oxford_image_gone_from_images_is_refused(tmp_path):
    (tmp_path / "images").mkdir()
    with pytest.raises(SaveError, match=r"the image a\.jpg is no longer in .*images "):
        check_image_there(tmp_path / "annotations" / "xmls" / "a.xml", tmp_path / "images" / "a.jpg")
