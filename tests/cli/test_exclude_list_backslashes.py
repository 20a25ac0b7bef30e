"""`petloc train --exclude-list` entries written with Windows' backslashes (``day\\x.jpg``: Explorer's "Copy as
path", os.path.relpath in a Windows script) matched no image on Windows: the images are keyed by their
paths with slashes, so the listed test image was trained on, said only as "matches no image". On Windows
(`BACKSLASH_SEPARATES`) an entry's backslashes also count as slashes; elsewhere a backslash can be part of a
file's name, and stays one."""

from __future__ import annotations

import pytest

from petloc_gui.cli.exclude_list import resolve_exclude_list
from petloc_gui.core import listed_images
from tests.cli.helpers import voc_xml, write_image


def _boxed(folder, *names):
    for i, name in enumerate(names):
        image = folder / name
        image.parent.mkdir(parents=True, exist_ok=True)
        write_image(image, 40, 30, color=(10 * i, 40, 40))
        image.with_suffix(".xml").write_text(voc_xml(image.name, 40, 30, [("cat", (1, 1, 20, 20))]),
                                             encoding="utf-8")


@pytest.fixture
def data(tmp_path):
    data = tmp_path / "data"
    _boxed(data, "day/x.jpg", "night/x.jpg", "day/y.jpg")
    return data


def test_on_windows_an_entry_with_backslashes_holds_out_the_image_at_that_path(data, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(listed_images, "BACKSLASH_SEPARATES", True)
    listing = tmp_path / "test.txt"
    listing.write_bytes(b"day\\x.jpg\r\n.\\day\\y\r\n")
    resolved = resolve_exclude_list(data, listing)
    assert resolved == sorted(str((data / name).resolve()) for name in ("day/x.jpg", "day/y.jpg"))
    assert "matches no image" not in capsys.readouterr().err


def test_elsewhere_a_backslash_is_part_of_a_name(data, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(listed_images, "BACKSLASH_SEPARATES", False)
    _boxed(data, "day\\x.jpg")  # one file of that name, at the top (Linux and macOS allow it)
    listing = tmp_path / "test.txt"
    listing.write_bytes(b"day\\x.jpg\nnight\\x.jpg\n")
    resolved = resolve_exclude_list(data, listing)
    assert resolved == [str((data / "day\\x.jpg").resolve())]
    assert "'night\\\\x.jpg' matches no image" in capsys.readouterr().err
