"""`petloc convert` stopped (Ctrl+C, SIGTERM) or failing part way: OUT is left as it was when it was new
or empty, so the same command can be run again. It left the images and label files written so far, and
the command run again refused OUT as not empty; SIGTERM killed it on the spot, with no word."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from petloc_gui.cli.stop_signals import Terminated
from tests.cli.helpers import run_cli, write_image

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """3,000 tiny images: a conversion that takes long enough to be stopped part way."""
    folder = tmp_path_factory.mktemp("big")
    write_image(folder / "i00000.png", 4, 4)
    png = (folder / "i00000.png").read_bytes()
    for index in range(1, 3000):
        (folder / f"i{index:05d}.png").write_bytes(png)
    return folder


@pytest.mark.parametrize(("signum", "status", "line"), [(signal.SIGTERM, 143, "petloc: terminated (SIGTERM)"),
                                                        (signal.SIGINT, 130, "petloc: interrupted")])
def test_a_convert_stopped_while_writing_takes_back_what_it_wrote(big, tmp_path, signum, status, line):
    out = tmp_path / "runs" / "yolo"  # runs/ too is made by the conversion
    command = [sys.executable, "-m", "petloc_gui.cli", "convert", str(big), "--to", "yolo", str(out),
               "--images", "copy"]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.monotonic() + 120
    while not (out / "images").is_dir() or len(os.listdir(out / "images")) < 20:
        assert process.poll() is None and time.monotonic() < deadline, "it ended before writing 20 images"
        time.sleep(0.005)
    process.send_signal(signum)
    _, err = process.communicate(timeout=120)
    assert process.returncode == status, err
    assert err.splitlines()[-2:] == [
        f"petloc: removed what the conversion had written ({out}): run the command again to convert", line]
    assert not (tmp_path / "runs").exists()


def _stopped_export(monkeypatch):
    """export_yolo writing one image and a label file, then stopped by SIGTERM."""
    from petloc_gui.core import interop

    def export(dataset, out, *, written, **options):
        # each file and folder it makes recorded in ``written``, as the exporters record theirs: a run that wrote
        # nothing takes nothing back (what OUT holds then is another run's)
        image, classes = Path(out) / "images" / "a.png", Path(out) / "classes.txt"
        written.folders_for(image)
        image.parent.mkdir(parents=True, exist_ok=True)
        written.wrote(image, lambda: image.write_bytes(b"written"))
        written.wrote(classes, lambda: classes.write_text("cat\n"))
        raise Terminated

    monkeypatch.setattr(interop, "export_yolo", export)


def test_an_empty_out_given_stays_and_is_emptied(small_voc, tmp_path, monkeypatch, capsys):
    _stopped_export(monkeypatch)
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out)
    assert code == 143 and err.splitlines()[-1] == "petloc: terminated (SIGTERM)"
    assert out.is_dir() and list(out.iterdir()) == []


def test_an_out_that_held_files_is_left_as_it_is(small_voc, tmp_path, monkeypatch, capsys):
    _stopped_export(monkeypatch)
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("someone's")
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    assert code == 143 and "removed" not in err
    assert sorted(p.name for p in out.rglob("*")) == ["a.png", "classes.txt", "images", "mine.txt"]


def test_a_convert_refused_before_writing_removes_nothing(small_voc, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("someone's")
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out)
    assert code == 1 and "not empty" in err and "removed" not in err
    assert [p.name for p in out.iterdir()] == ["mine.txt"]
