"""`petloc convert --to yolo` killed outright (SIGKILL: no chance to clean up). It left data.yaml and
classes.txt, written first, beside part of the images, so a trainer took the part for the whole; the run
again said only "folder is not empty", and with --overwrite the killed run's partial copy stayed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.helpers import voc_xml, write_image

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    """3,000 tiny annotated images: an export that takes long enough to be killed part way."""
    folder = tmp_path_factory.mktemp("many")
    write_image(folder / "i00000.png", 4, 4)
    png = (folder / "i00000.png").read_bytes()
    for index in range(3000):
        (folder / f"i{index:05d}.png").write_bytes(png)
        (folder / f"i{index:05d}.xml").write_text(voc_xml(f"i{index:05d}.png", 4, 4, [("cat", (0, 0, 3, 3))]))
    return folder


def _convert(source: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "petloc_gui.cli", "convert", str(source), "--to", "yolo",
                           str(out), "--images", "copy", *extra], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)


def test_a_killed_export_is_never_taken_for_a_whole_one(many, tmp_path):
    out = tmp_path / "yolo"
    process = subprocess.Popen([sys.executable, "-m", "petloc_gui.cli", "convert", str(many), "--to", "yolo",
                                str(out), "--images", "copy"], cwd=ROOT, stderr=subprocess.DEVNULL,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.monotonic() + 120
    while not (out / "images").is_dir() or len(os.listdir(out / "images")) < 20:
        assert process.poll() is None and time.monotonic() < deadline, "it ended before writing 20 images"
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert not (out / "data.yaml").exists() and not (out / "classes.txt").exists()
    # A copy half made when the kill came, as the hunt saw (named by the killed process).
    (out / "images" / f".i02999.png.abcd1234.{process.pid}.petloc-new").write_bytes(b"half")

    again = _convert(many, out)
    assert again.returncode == 1
    assert f"petloc: {out}: holds an export that did not finish" in again.stderr
    assert "Pass --overwrite to finish it" in again.stderr

    finished = _convert(many, out, "--overwrite")
    assert finished.returncode == 0, finished.stderr
    assert (out / "data.yaml").is_file() and len((out / "classes.txt").read_text().splitlines()) == 1
    assert len(os.listdir(out / "labels")) == 3000
    assert [name for name in os.listdir(out / "images") if name.startswith(".")] == []
    assert sorted(os.listdir(out)) == ["classes.txt", "data.yaml", "images", "labels"]
