"""`petloc convert --from yolo|coco` onto a disk that fills part way logged each image after it as "image not
converted" and exited 0, with a VOC folder short of images that looked complete. A full disk (a read-only file
system, a used-up quota) is OUT's error, as the --to direction says it now: exit 1, what the run wrote into a new
OUT removed. An image that cannot be read stays that image's problem."""

from __future__ import annotations

import errno
import os

import pytest

from petloc_gui.core import atomic as atomic_module
from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop import ConversionReport, read_yolo, write_voc_records
from tests.cli.helpers import run_cli
from tests.core.interop_helpers import fail_copying_the_fourth_image

FORMATS = ("yolo", "coco")


def _exported(small_voc, tmp_path, capsys, fmt: str):
    """``small_voc`` (5 images) exported as ``fmt``: the SRC of `convert --from`."""
    src = tmp_path / f"src-{fmt}"
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", fmt, src, "--images", "copy")
    assert code == 0, err
    return src


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_disk_exits_1_and_takes_back_a_new_out(small_voc, tmp_path, monkeypatch, capsys, fmt):
    src = _exported(small_voc, tmp_path, capsys, fmt)
    out = tmp_path / "full" / "voc"
    fail_copying_the_fourth_image(monkeypatch, errno.ENOSPC)
    code, _, err = run_cli(capsys, "convert", src, "--from", fmt, out, "--images", "copy")
    assert code == 1, err
    assert "No space left on device; the disk is full" in err
    assert "the conversion stopped" in err and "run it again" in err
    assert "image not converted" not in err and "converted " not in err.splitlines()[-1]
    assert f"removed what the conversion had written ({out})" in err
    assert not (tmp_path / "full").exists()


def test_a_voc_file_that_meets_a_full_disk_fails_the_run(small_voc, tmp_path, monkeypatch, capsys):
    """The VOC file's write, not the image's copy, meets the full disk (images linked, so none copied)."""
    src = _exported(small_voc, tmp_path, capsys, "yolo")
    real = atomic_module._make_new
    calls: list = []

    def make_new(name):
        calls.append(name)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), name)
        return real(name)

    monkeypatch.setattr(atomic_module, "_make_new", make_new)
    with pytest.raises(SaveError, match="No space left on device; the disk is full") as failed:
        write_voc_records(read_yolo(src, ConversionReport()), tmp_path / "out-voc")
    assert str(failed.value.path).endswith(".xml")


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_unreadable_image_is_still_that_images_problem(small_voc, tmp_path, monkeypatch, capsys, fmt):
    src = _exported(small_voc, tmp_path, capsys, fmt)
    out = tmp_path / "out-voc"
    fail_copying_the_fourth_image(monkeypatch, errno.EIO)  # the source's read fails: one image
    code, _, err = run_cli(capsys, "convert", src, "--from", fmt, out, "--images", "copy")
    assert code == 0, err
    assert err.count("Input/output error; image not converted") == 1
    assert "converted " in err.splitlines()[-1] and "skipped 1 image" in err.splitlines()[-1]
    assert len(list(out.rglob("*.png")) + list(out.rglob("*.jpg"))) == 4
