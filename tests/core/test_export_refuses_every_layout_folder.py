"""An export is refused inside any folder a layout with separate folders reads (`interop.files
.check_outside_dataset`), the folders taken from `core.dataset.SEPARATE_FOLDERS` itself: a layout added
there is guarded without a second list to keep in step (images + Annotations had to be added to both)."""

from __future__ import annotations

import pytest

from petloc_gui.core.dataset import SEPARATE_FOLDERS, VOC_DEVKIT, Dataset
from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop.files import check_outside_dataset


@pytest.mark.parametrize("layout", sorted(SEPARATE_FOLDERS))
def test_inside_each_folder_read_refused_beside_them_fine(tmp_path, layout):
    dataset = Dataset(tmp_path, layout, [])
    images, annotations = SEPARATE_FOLDERS[layout]
    read = [images, annotations, annotations.split("/")[0]] + (["ImageSets"] if layout == VOC_DEVKIT else [])
    for folder in read:
        with pytest.raises(SaveError, match="a folder the dataset is read from"):
            check_outside_dataset(tmp_path / folder / "yolo", dataset)
    check_outside_dataset(tmp_path / "exports" / "yolo", dataset)


@pytest.mark.parametrize("layout", sorted(SEPARATE_FOLDERS))
def test_a_folder_read_is_refused_in_any_case_or_unicode_form(tmp_path, layout):
    """The layouts' folders are found ignoring case (labelImg's lowercase annotations/ beside images/ is read on
    Linux too; a macOS or Windows disk holds one folder for both spellings): an export into "annotations/out" of
    an images + Annotations dataset passed the check, and wrote into a folder the dataset is read from."""
    dataset = Dataset(tmp_path, layout, [])
    for folder in SEPARATE_FOLDERS[layout]:
        top = folder.split("/")[0]
        for spelling in (top.lower(), top.upper(), top.swapcase()):
            with pytest.raises(SaveError, match=f"inside {spelling}/ of the dataset"):
                check_outside_dataset(tmp_path / spelling / "out", dataset)
    check_outside_dataset(tmp_path / "exports" / "out", dataset)
