"""`petloc convert --from yolo|coco OUT --overwrite` onto a read-only mount where the VOC files already exist:
atomic.py refused each existing file as "on a read-only file system" without the OSError that says so, so the
full-disk/read-only stop (found by errno) missed it: every image said "image not converted" and the run ended
"nothing converted". It stops once now, as a new file's write on that mount does. No mount here: os.statvfs and
os.access answer as the kernel does on a read-only mount."""

from __future__ import annotations

import errno
import os
from types import SimpleNamespace

import pytest

from petloc_gui.core import atomic
from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop.target_errors import unwritable_errno
from tests.cli.helpers import run_cli

pytestmark = pytest.mark.skipif(not hasattr(os, "statvfs"), reason="no statvfs: no mount flags to read")

_REAL_STATVFS = getattr(os, "statvfs", None)  # absent on Windows: the tests are skipped there


def _read_only_mount(monkeypatch) -> None:
    def statvfs(path):
        return SimpleNamespace(f_flag=_REAL_STATVFS(path).f_flag | os.ST_RDONLY)

    monkeypatch.setattr(atomic.os, "statvfs", statvfs)
    monkeypatch.setattr(atomic.os, "access", lambda path, mode: False)


def test_the_refusal_of_an_existing_file_carries_erofs(tmp_path, monkeypatch):
    path = tmp_path / "b.xml"
    path.write_bytes(b"old")
    _read_only_mount(monkeypatch)
    with pytest.raises(SaveError) as info:
        atomic.atomic_write_bytes(path, b"new")
    assert unwritable_errno(info.value) == errno.EROFS
    assert path.read_bytes() == b"old"


@pytest.mark.parametrize("fmt", ("yolo", "coco"))
def test_an_overwrite_onto_a_read_only_mount_stops_once(small_voc, tmp_path, monkeypatch, capsys, fmt):
    src, out = tmp_path / f"src-{fmt}", tmp_path / "out-voc"
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", fmt, src, "--images", "copy")
    assert code == 0, err
    code, _, err = run_cli(capsys, "convert", src, "--from", fmt, out)
    assert code == 0, err
    before = {path: path.read_bytes() for path in out.rglob("*.xml")}
    assert before
    _read_only_mount(monkeypatch)
    code, _, err = run_cli(capsys, "convert", src, "--from", fmt, out, "--overwrite")
    assert code == 1, err
    assert "read-only file system" in err and err.count("the conversion stopped") == 1
    assert "image not converted" not in err and "nothing converted" not in err
    assert {path: path.read_bytes() for path in out.rglob("*.xml")} == before
