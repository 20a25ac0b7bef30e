"""`petloc export` stopped part way (Ctrl+C, SIGTERM from CI or `timeout`) or failing part way leaves no
output of its own behind: a SavedModel without its TFLite file made the same command, run again,
refuse it as an existing output. SIGTERM was not handled at all: it also left TensorFlow's temporary
/tmp/petloc-tflite-* folder, with no word and the system's exit 143."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from petloc_gui.cli import cmd_export
from petloc_gui.cli.stop_signals import Terminated
from petloc_gui.core.errors import SaveError
from tests.cli.helpers import run_cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def stand_in_export(monkeypatch):
    """The exporters without TensorFlow: the SavedModel is written, the TFLite file fails with ``failure``."""
    from petloc_gui.model import bundle, export

    def saved_model(_bundle, target):
        Path(target).mkdir(exist_ok=True)
        (Path(target) / "saved_model.pb").write_bytes(b"pb")
        return target

    failure: list[BaseException] = []

    def tflite(_bundle, target, **_options):
        raise failure[0]

    monkeypatch.setattr(cmd_export, "load_tensorflow", lambda: None)
    monkeypatch.setattr(bundle, "load_bundle", lambda path: path)
    monkeypatch.setattr(export, "export_saved_model", saved_model)
    monkeypatch.setattr(export, "export_tflite", tflite)
    return failure


@pytest.mark.parametrize(("failure", "code", "last"), [
    (KeyboardInterrupt(), 130, "petloc: interrupted"),
    (Terminated(), 143, "petloc: terminated (SIGTERM)"),
    (OSError(28, "No space left on device", "x"), 1, "petloc: x: No space left on device"),
], ids=["ctrl-c", "sigterm", "error"])
@pytest.mark.parametrize("given_empty", [False, True])
def test_a_saved_model_without_its_tflite_is_taken_back(stand_in_export, tmp_path, capsys, failure, code, last,
                                                         given_empty):
    stand_in_export.append(failure)
    saved = tmp_path / "sm"
    if given_empty:
        saved.mkdir()
    code_, out, err = run_cli(capsys, "export", "digits", "--saved-model", saved, "--tflite", tmp_path / "d.tflite")
    assert (code_, out) == (code, "")
    assert "Traceback" not in err
    assert err.splitlines() == [f"wrote SavedModel {saved}",
                                f"petloc: removed what the export had written ({saved}): run the command again "
                                "to export", last]
    assert sorted(tmp_path.iterdir()) == ([saved] if given_empty else [])
    assert not given_empty or not list(saved.iterdir())


def test_a_target_filled_meanwhile_is_not_taken(stand_in_export, tmp_path, capsys, monkeypatch):
    from petloc_gui.model import export

    saved = tmp_path / "sm"

    def refused(_bundle, target):  # someone wrote there after the check: the exporter refuses it
        Path(target).mkdir()
        (Path(target) / "theirs").write_text("x")
        raise SaveError("cannot export: the target folder is not empty (refusing to overwrite)", target)

    monkeypatch.setattr(export, "export_saved_model", refused)
    code, _, err = run_cli(capsys, "export", "digits", "--saved-model", saved)
    assert code == 1
    assert (saved / "theirs").read_text() == "x"
    assert "removed" not in err


@pytest.mark.slow
def test_sigterm_during_the_tflite_conversion_leaves_nothing(tmp_path):
    """A real export, SIGTERM once the SavedModel is in place (the TFLite conversion then takes a while):
    nothing of the export is left, in the output folder or the temporary one, and the status is 143.
    (A machine quick enough to finish first leaves both outputs complete: also nothing partial.)"""
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    out.mkdir()
    tmp.mkdir()
    saved, tflite = out / "sm", out / "d.tflite"
    process = subprocess.Popen([sys.executable, "-m", "petloc_gui.cli", "export", "digits", "--saved-model",
                                str(saved), "--tflite", str(tflite)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, cwd=ROOT,
                               env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp)})
    deadline = time.monotonic() + 240
    while not saved.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=240)
    assert not list(tmp.iterdir())
    if process.returncode == 0:
        assert sorted(p.name for p in out.iterdir()) == ["d.labels.txt", "d.petloc-export.json", "d.tflite", "sm"]
        return
    assert process.returncode == 143, stderr
    assert stderr.splitlines()[-1] == "petloc: terminated (SIGTERM)"
    assert (stdout, list(out.iterdir())) == ("", [])
