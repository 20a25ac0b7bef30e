"""Fixtures for the core tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core import interop_helpers

# A fixture shared with tests/cli; bound here so test modules need not import it.
small_voc = interop_helpers.small_voc


@pytest.fixture
def oxford_copy(oxford_dir, tmp_path) -> Path:
    """A writable copy of a few real Oxford annotations and their images."""
    import shutil

    dest = tmp_path / "oxford"
    (dest / "annotations" / "xmls").mkdir(parents=True)
    (dest / "images").mkdir()
    for stem in ("Abyssinian_1", "Bengal_10", "american_bulldog_100"):
        shutil.copy(oxford_dir / "annotations" / "xmls" / f"{stem}.xml",
                    dest / "annotations" / "xmls" / f"{stem}.xml")
        shutil.copy(oxford_dir / "images" / f"{stem}.jpg", dest / "images" / f"{stem}.jpg")
    return dest
