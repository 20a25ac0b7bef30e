"""core/real_paths: a path's place inside a folder once links are resolved."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.real_paths import part_inside


def test_a_path_inside_a_folder_reached_through_links(tmp_path):
    folder = tmp_path / "data"
    (folder / "sub").mkdir(parents=True)
    (tmp_path / "link").symlink_to(folder)
    assert part_inside(folder / "sub" / "a.png", folder) == Path("sub/a.png")
    assert part_inside(tmp_path / "link" / "sub" / "a.png", folder) == Path("sub/a.png")
    assert part_inside(folder / "a.png", tmp_path / "link") == Path("a.png")
    assert part_inside(folder, folder) == Path(".")


def test_a_path_outside_or_beside_the_folder_is_none(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (tmp_path / "data2").mkdir()
    assert part_inside(tmp_path / "data2" / "a.png", folder) is None  # a name prefix is not inside
    assert part_inside(tmp_path / "a.png", folder) is None
    (folder / "out").symlink_to(tmp_path / "data2")
    assert part_inside(folder / "out" / "a.png", folder) is None  # a link leading out of the folder


def test_a_path_that_cannot_be_resolved_is_none(tmp_path):
    assert part_inside(f"{tmp_path}/a\x00b", tmp_path) is None  # a NUL
