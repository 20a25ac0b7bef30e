"""SIGHUP (the terminal closed, an ssh connection dropped) stops a command as SIGTERM does: its clean-up
runs, it says so, exit 129. Left to the system, it ended `petloc convert` on the spot: the images and
label files written so far and the unfinished mark stayed, and the same command, run again, refused OUT.
Under `nohup` (SIGHUP ignored from the start) a command goes on, as such a run is meant to."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from petloc_gui.cli import stop_signals
from tests.cli.helpers import write_image

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP (Windows)")


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """3,000 tiny images: a conversion that takes long enough to be stopped part way."""
    folder = tmp_path_factory.mktemp("big")
    write_image(folder / "i00000.png", 4, 4)
    png = (folder / "i00000.png").read_bytes()
    for index in range(1, 3000):
        (folder / f"i{index:05d}.png").write_bytes(png)
    return folder


def _convert(big: Path, out: Path, hangup) -> subprocess.Popen:
    """`petloc convert` started with SIGHUP set to ``hangup`` (SIG_DFL as from a terminal, SIG_IGN as
    under nohup), whatever the test runner's is."""
    command = [sys.executable, "-m", "petloc_gui.cli", "convert", str(big), "--to", "yolo", str(out),
               "--images", "copy"]
    return subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)},
                            preexec_fn=lambda: signal.signal(signal.SIGHUP, hangup))


def _hang_up_while_writing(process: subprocess.Popen, out: Path) -> str:
    deadline = time.monotonic() + 120
    while not (out / "images").is_dir() or len(os.listdir(out / "images")) < 20:
        assert process.poll() is None and time.monotonic() < deadline, "it ended before writing 20 images"
        time.sleep(0.005)
    process.send_signal(signal.SIGHUP)
    _, err = process.communicate(timeout=120)
    return err


def test_a_convert_hung_up_while_writing_takes_back_what_it_wrote(big, tmp_path):
    out = tmp_path / "runs" / "yolo"
    process = _convert(big, out, signal.SIG_DFL)
    err = _hang_up_while_writing(process, out)
    assert process.returncode == 129, err
    assert err.splitlines()[-2:] == [
        f"petloc: removed what the conversion had written ({out}): run the command again to convert",
        "petloc: hung up (SIGHUP)"]
    assert not (tmp_path / "runs").exists()


def test_under_nohup_a_hang_up_does_not_stop_it(big, tmp_path):
    out = tmp_path / "yolo"
    process = _convert(big, out, signal.SIG_IGN)
    err = _hang_up_while_writing(process, out)
    assert process.returncode == 0, err
    assert (out / "data.yaml").is_file() and len(os.listdir(out / "images")) == 3000


def test_sighup_raises_its_own_stop_and_gives_129():
    assert isinstance(stop_signals.interrupt_for(signal.SIGHUP), stop_signals.HungUp)
    assert stop_signals.exit_status(signal.SIGHUP) == 129
    assert stop_signals.exit_status(signal.SIGTERM) == 143 and stop_signals.exit_status(signal.SIGINT) == 130
