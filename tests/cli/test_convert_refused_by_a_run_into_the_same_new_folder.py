"""Two `petloc convert --to yolo OUT` runs into one new OUT, B started 0.1 s after A (two CI jobs, `make -j2`): B was
refused ("holds an export that did not finish ... or is running now", exit 1) and its take-back deleted A's folder;
A exited 0 saying 540 images while OUT held 442. B looked at OUT before A made it, and counted it as its own. Now
OUT is B's only when B's own mkdir made it, and B, refused before it wrote anything, takes nothing back."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from petloc_gui.core.interop import unfinished
from tests.cli.helpers import run_cli


def _another_run_begins_exporting(monkeypatch, out: Path) -> Path:
    """Run A makes OUT and begins writing its export there just after run B looked at OUT (as B opens its
    dataset)."""
    from petloc_gui.core import dataset as dataset_module

    real = dataset_module.open_dataset
    image = out / "images" / "a.png"

    def open_dataset(*args, **kwargs):
        image.parent.mkdir(parents=True)
        image.write_bytes(b"run A's image")
        (out / unfinished.MARK).write_text(f"{os.getpid() + 1} {socket.gethostname()} yolo data.yaml\n",
                                           encoding="utf-8")
        return real(*args, **kwargs)

    monkeypatch.setattr(dataset_module, "open_dataset", open_dataset)
    return image


@pytest.mark.parametrize("premade", [False, True], ids=["new", "empty"])
def test_the_refused_run_leaves_the_other_runs_export(small_voc, tmp_path, monkeypatch, capsys, premade):
    out = tmp_path / "out"
    if premade:
        out.mkdir()
    image = _another_run_begins_exporting(monkeypatch, out)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out)
    assert code == 1, err
    assert "holds an export that did not finish" in err
    assert "removed" not in err and "could not" not in err
    assert image.read_bytes() == b"run A's image" and unfinished.interrupted(out)
