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
def test_the_folders_read_as_spelled_on_disk_are_refused(tmp_path, layout):
    """The layouts' folders are found ignoring case (labelImg's lowercase annotations/ beside images/ is read on
    Linux too): an export into such a folder is refused by its spelling on disk, another spelling of it that is
    the same folder (a case-insensitive disk; here a link) too, while a folder of another spelling that is not
    the one read, on a case-sensitive disk, is fine."""
    spelled = tuple(folder.split("/")[0].swapcase() + folder[len(folder.split("/")[0]):]
                    for folder in SEPARATE_FOLDERS[layout])
    for folder in spelled:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    dataset = Dataset(tmp_path, layout, [], folder_names=spelled)
    images_top, annotations_top = (folder.split("/")[0] for folder in spelled)
    for top in (images_top, annotations_top):
        with pytest.raises(SaveError, match=f"inside {top}/ of the dataset"):
            check_outside_dataset(tmp_path / top / "out", dataset)
    (tmp_path / "Same").symlink_to(tmp_path / annotations_top)  # the read folder by another name
    with pytest.raises(SaveError, match="a folder the dataset is read from"):
        check_outside_dataset(tmp_path / "Same" / "out", dataset)
    check_outside_dataset(tmp_path / annotations_top.swapcase() / "out", dataset)  # another folder on Linux
