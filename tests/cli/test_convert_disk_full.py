"""`petloc convert --to coco|yolo` onto a disk that fills part way exited 0 with an export short of images: each
image that got "No space left on device" was logged as "image left out", and the manifest was written for the
rest. Now it fails as `convert --help` says of failing part way: exit 1, what it wrote into a new OUT removed,
and with --overwrite the earlier export put back."""

from __future__ import annotations

import errno
import os

import pytest

from petloc_gui.core.interop import files as files_module
from petloc_gui.core.interop import unfinished
from tests.cli.helpers import run_cli
from tests.core.interop_helpers import write_voc_image

MANIFEST = {"yolo": ("data.yaml", "classes.txt"), "coco": ("annotations.json",)}


def _disk_full_from_copy(monkeypatch, first: int) -> None:
    """The ``first``-th image copied into OUT, and each after it, meets a full disk."""
    real = files_module._copy_exclusive
    calls: list = []

    def copy(source, target):
        calls.append(target)
        if len(calls) >= first:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        real(source, target)

    monkeypatch.setattr(files_module, "_copy_exclusive", copy)


@pytest.mark.parametrize("fmt", MANIFEST)
def test_a_full_disk_exits_1_and_takes_back_a_new_out(small_voc, tmp_path, monkeypatch, capsys, fmt):
    out = tmp_path / "full" / fmt
    _disk_full_from_copy(monkeypatch, 4)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", fmt, out, "--images", "copy")
    assert code == 1, err
    assert "No space left on device; the disk is full" in err and "image left out" not in err
    assert f"removed what the conversion had written ({out})" in err
    assert not (tmp_path / "full").exists()


@pytest.mark.parametrize("fmt", MANIFEST)
def test_a_full_disk_over_an_earlier_export_puts_it_back(small_voc, tmp_path, monkeypatch, capsys, fmt):
    out = tmp_path / "out"
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", fmt, out)
    assert code == 0, err
    before = {name: (out / name).read_bytes() for name in MANIFEST[fmt]}
    for name in ("n1.png", "n2.png", "n3.png"):  # new images, copied after the earlier export's, which are there
        write_voc_image(small_voc, name, 40, 30, [("cat", (5, 5, 20, 20))])
    _disk_full_from_copy(monkeypatch, 2)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", fmt, out, "--overwrite", "--images", "copy")
    assert code == 1, err
    assert f"{out}: the earlier export is usable again" in err
    assert {name: (out / name).read_bytes() for name in MANIFEST[fmt]} == before
    assert not unfinished.interrupted(out) and not (out / unfinished.EARLIER).exists()
