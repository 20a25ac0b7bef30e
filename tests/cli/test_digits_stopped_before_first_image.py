"""`petloc digits OUT` stopped (SIGINT) before its first image: OUT, made an instant before the record is
written, stayed behind empty with only "petloc: interrupted" (a stop during the record's write and fsync);
one a moment later left OUT holding only petloc-digits.json, said to be "stopped part way; each digit image
written there ...", of which there were none. A new OUT the run made and left without an image is removed
now, and said; one that was there before stays, its record taken back when the run wrote it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from petloc_gui.core.digits_record import RECORD_NAME

ROOT = Path(__file__).resolve().parents[2]
ARGS = ("--split", "test", "--count", "3", "--seed", "1")

# `petloc digits` with a SIGINT sent to itself (os.kill) just before ("before") or just after ("after") the
# record is written: the two points of the race, reached every time (Python runs the handler, and raises
# KeyboardInterrupt, as soon as os.kill returns).
STOPPING_CLI = """\
import os, runpy, signal, sys
from petloc_gui.core import digits_record
real, when = digits_record.record_digits, sys.argv.pop(1)
def record_digits(folder, entries):
    if when == "before":
        os.kill(os.getpid(), signal.SIGINT)
    real(folder, entries)
    if when == "after":
        os.kill(os.getpid(), signal.SIGINT)
digits_record.record_digits = record_digits
sys.argv[0] = "petloc"
runpy.run_module("petloc_gui.cli", run_name="__main__")
"""


def _env() -> dict[str, str]:
    path = os.environ.get("PYTHONPATH")
    return dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), *([path] if path else [])]))


def _stopped_digits(tmp_path: Path, when: str, out: Path) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "stopping_cli.py"
    script.write_text(STOPPING_CLI, encoding="utf-8")
    return subprocess.run([sys.executable, str(script), when, "digits", str(out), *ARGS], capture_output=True,
                          text=True, env=_env(), cwd=tmp_path, timeout=120)


@pytest.mark.slow
@pytest.mark.parametrize("when", ["before", "after"])
def test_a_new_out_left_without_an_image_is_removed_and_said(tmp_path, when):
    made = tmp_path / "new"  # OUT's parent is missing too: both are the run's
    done = _stopped_digits(tmp_path, when, made / "OUT")
    assert done.returncode == 130, done.stderr
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"petloc: removed what the digits run had written ({made}): run the command again to write the digits",
        "petloc: interrupted"]
    assert not made.exists()


@pytest.mark.slow
def test_an_out_there_before_stays_and_only_the_runs_record_goes(tmp_path):
    out = tmp_path / "OUT"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    done = _stopped_digits(tmp_path, "after", out)
    assert done.returncode == 130, done.stderr
    assert done.stderr.splitlines() == [
        f"petloc: removed what the digits run had written ({out / RECORD_NAME}): run the command again to write "
        "the digits",
        "petloc: interrupted"]
    assert sorted(os.listdir(out)) == ["notes.txt"]


def _wait_for(proc: subprocess.Popen[str], there) -> None:
    """Until ``there()`` holds or the process has ended (a stop sent then finds it gone: nothing to see)."""
    while proc.poll() is None and not there():
        time.sleep(0)  # lets the command run; the wait is for what it writes, never for a time


@pytest.mark.slow
@pytest.mark.parametrize("point", ["at_start", "out_made", "first_annotation"])
def test_sigint_at_any_point_leaves_no_out_without_an_image(tmp_path, point):
    """A real Ctrl+C from outside at three points, each waited for by what is on disk (no sleep): before OUT
    is made, the moment OUT appears (the race above, hit when the stop lands before the record is written),
    and once the first annotation is there. Whatever the stop met, OUT is gone or holds whole pairs."""
    out = tmp_path / "made" / "OUT"
    proc = subprocess.Popen([sys.executable, "-m", "petloc_gui.cli", "digits", str(out), "--split", "train"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(), cwd=tmp_path)
    try:
        if point == "out_made":
            _wait_for(proc, out.is_dir)
        elif point == "first_annotation":
            _wait_for(proc, lambda: out.is_dir() and any(name.endswith(".xml") for name in os.listdir(out)))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if proc.returncode == 0:  # all 4,000 written before the stop came: nothing to check
        return
    # -SIGINT: stopped while Python started, before petloc had its handlers (nothing written yet)
    assert proc.returncode in (130, -signal.SIGINT), stderr
    assert stdout == ""  # no "wrote N ..." line for a stopped run
    if not out.exists():
        assert not (tmp_path / "made").exists()  # its parent, made by the run too
        return
    names = os.listdir(out)
    pngs = {name[:-4] for name in names if name.endswith(".png")}
    assert pngs, f"OUT left without an image: {names}; {stderr}"
    assert pngs == {name[:-4] for name in names if name.endswith(".xml")}
    assert "stopped part way" in stderr
