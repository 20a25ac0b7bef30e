"""`petloc predict DIR --write-voc | head -2` or `> /dev/full`: a stdout that cannot take the results does not
stop the pre-labels."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from petloc_gui.cli.main import main
from tests.cli.helpers import RED, write_image

ROOT = Path(__file__).resolve().parents[2]


class _HeadTwo(io.StringIO):
    """stdout read by `head -2`: after two lines, every write raises BrokenPipeError."""

    def write(self, text: str) -> int:
        if self.getvalue().count("\n") >= 2:
            raise BrokenPipeError(32, "Broken pipe")
        return super().write(text)


@pytest.fixture
def photos(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    for n in range(7):
        write_image(folder / f"img{n}.png", 64, 32, RED)
    return folder


@pytest.mark.parametrize("json", [[], ["--json"]])
def test_with_write_voc_a_closed_stdout_does_not_stop_the_pre_labels(photos, tiny_bundle, capsys, monkeypatch,
                                                                    json):
    head = _HeadTwo()
    monkeypatch.setattr(sys, "stdout", head)
    code = main(["predict", str(photos), "--model", str(tiny_bundle), "--write-voc", "--batch-size", "2", *json])
    err = capsys.readouterr().err
    assert code == 0, err  # every pre-label due was written
    assert sorted(p.name for p in photos.glob("*.xml")) == [f"img{n}.xml" for n in range(7)]
    assert "Traceback" not in err
    lines = err.splitlines()
    assert "wrote 7 pre-label annotations; left 0 existing annotations untouched" in lines
    assert sum("stdout was closed" in line for line in lines) == 1
    assert head.getvalue().count("\n") == 2


def test_without_write_voc_a_closed_stdout_ends_the_command_quietly(photos, tiny_bundle, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdout", _HeadTwo())
    code = main(["predict", str(photos), "--model", str(tiny_bundle), "--batch-size", "2"])
    assert code == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "stdout was closed" not in err
    assert not list(photos.glob("*.xml"))


class _Full(io.StringIO):
    """stdout on a full disk: every flush fails."""

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


FULL = ("petloc: cannot write the results to standard output: No space left on device; the remaining results "
        "are not shown; the pre-labels are still written")


@pytest.mark.parametrize("json", [[], ["--json"]])
def test_with_write_voc_a_stdout_that_fails_does_not_stop_the_pre_labels(photos, tiny_bundle, capsys,
                                                                         monkeypatch, json):
    monkeypatch.setattr(sys, "stdout", _Full())
    code = main(["predict", str(photos), "--model", str(tiny_bundle), "--write-voc", "--batch-size", "2", *json])
    lines = capsys.readouterr().err.splitlines()
    assert code == 1, lines  # the results were not all delivered
    assert sorted(p.name for p in photos.glob("*.xml")) == [f"img{n}.xml" for n in range(7)]
    assert lines.count(FULL) == 1 and "wrote 7 pre-label annotations; left 0 existing annotations untouched" in lines


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_write_voc_into_dev_full_writes_every_pre_label(photos, tiny_bundle):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "petloc_gui.cli", "predict", str(photos), "--model",
                               str(tiny_bundle), "--write-voc"], stdout=full, stderr=subprocess.PIPE, text=True,
                              timeout=300, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert sorted(p.name for p in photos.glob("*.xml")) == [f"img{n}.xml" for n in range(7)]
    # said once, and nothing more at exit
    assert (done.returncode, done.stderr) == (1, FULL + "\nwrote 7 pre-label annotations; left 0 existing "
                                              "annotations untouched\n")
