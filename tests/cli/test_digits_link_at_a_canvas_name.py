"""`petloc digits OUT` (no --replace) where a canvas's name is a symbolic link to no file, or to an empty one, there
before the run: it said "exists with other content than this run writes there, written since it began (another
petloc digits run ...)", which was false (core.digits took the link for a missing file when it looked, and its
write, which never replaces a link, for a file put there since). The run now refuses the link as a link, before
anything is written, the link left as it is."""

from __future__ import annotations

import os

import pytest

from petloc_gui.core.digits import write_digits_dataset
from tests.cli.helpers import run_cli


def first_canvas_name(tmp_path) -> str:
    return write_digits_dataset(tmp_path / "probe", "test", count=3, seed=0)[0].name


@pytest.mark.parametrize("target", ["nowhere", "empty"])
@pytest.mark.parametrize("suffix", [".xml", ".png"])
def test_a_link_at_a_canvas_name_is_refused_as_a_link(tmp_path, capsys, target, suffix):
    out = tmp_path / "out"
    out.mkdir()
    pointed = tmp_path / f"{target}{suffix}"
    if target == "empty":
        pointed.write_bytes(b"")
    link = (out / first_canvas_name(tmp_path)).with_suffix(suffix)
    os.symlink(pointed, link)
    code, out_text, err = run_cli(capsys, "digits", out, "--split", "test", "--count", "3", "--seed", "0")
    assert code == 1 and out_text == ""
    assert err.startswith(f"petloc: {link}: it is a symbolic link to {pointed}"), err
    assert "since it began" not in err and "another petloc digits run" not in err
    assert os.readlink(link) == str(pointed) and pointed.exists() == (target == "empty")
    assert [path for path in out.iterdir() if path != link] == []  # nothing written, not even the record
