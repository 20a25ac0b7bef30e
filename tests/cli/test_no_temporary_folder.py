"""With no writable temporary folder (a full disk, a read-only /tmp) TensorFlow cannot be imported: every
model failed to load with Python's raw "[Errno 2] No usable temporary directory found in [...]", in the
window and in the commands. They say what is wrong, which folders were tried and what to do now."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from petloc_gui.model import quiet_import
from tests.cli.helpers import write_image

ROOT = Path(__file__).resolve().parents[2]

resource = pytest.importorskip("resource")  # POSIX: a file size limit of 0 is what a full disk looks like


def _no_file_can_grow() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


@pytest.mark.parametrize("home", ["home", "not-a-folder"])  # the latter: matplotlib's folder, made in temp first
def test_predict_without_a_writable_temporary_folder_says_so_in_one_line(tmp_path, home):
    (tmp_path / "images").mkdir()
    write_image(tmp_path / "images" / "a.png", 16, 16)
    (tmp_path / "not-a-folder").write_text("")
    unusable = tmp_path / "tmp"
    unusable.mkdir()
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "TMPDIR": str(unusable), "HOME": str(tmp_path / home)}
    done = subprocess.run([sys.executable, "-m", "petloc_gui.cli", "predict", str(tmp_path / "images"),
                           "--model", "pets"], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          env=env, preexec_fn=_no_file_can_grow)
    assert done.returncode == 1 and done.stdout == "", done
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("petloc: no writable temporary folder (is the disk full?)"), done.stderr
    assert f"tried {unusable}, /tmp, /var/tmp, /usr/tmp, {tmp_path}:" in done.stderr, done.stderr
    assert f"free space in {unusable} or set TMPDIR to a writable folder" in done.stderr, done.stderr
    assert "Errno" not in done.stderr and "No usable" not in done.stderr


def test_the_message_names_each_folder_tried_once(monkeypatch, tmp_path):
    def none_usable():
        raise FileNotFoundError(2, "No usable temporary directory found in [...]")

    monkeypatch.setattr(tempfile, "gettempdir", none_usable)
    monkeypatch.setenv("TMPDIR", "/tmp")
    monkeypatch.setenv("TMP", str(tmp_path / "full"))
    monkeypatch.delenv("TEMP", raising=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(quiet_import.NoTemporaryFolderError) as caught:
        quiet_import.require_temporary_folder()
    assert str(caught.value) == (
        f"no writable temporary folder (is the disk full?); tried /tmp, {tmp_path / 'full'}, /var/tmp, "
        f"/usr/tmp, {tmp_path}: free space in /tmp or set TMPDIR to a writable folder")
    assert isinstance(caught.value, OSError)  # a file-system problem to the callers that catch those


def test_a_usable_temporary_folder_is_no_error():
    quiet_import.require_temporary_folder()
