"""A VOC devkit folder with a test list (ImageSets/Main/test.txt naming c and day/g), for the tests of a list the
window's run and the Retrain dialog cannot read whole."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_train_layout_test_split_said import IDS, _devkit


def devkit_listing_c_and_g(tmp_path: Path) -> Path:
    """The devkit's root, under ``tmp_path``."""
    return _devkit(tmp_path / "voc", IDS, ["c", "day/g"])


def listing_made_a_folder(root: Path) -> None:
    """Its test.txt replaced by a folder of that name: a list that cannot be read ("Is a directory")."""
    listing = root / "ImageSets" / "Main" / "test.txt"
    listing.unlink()
    listing.mkdir()
