"""`petloc export MODEL --saved-model A --tflite B` killed outright (SIGKILL: nothing taken back) during
the TFLite step left a complete SavedModel A and no B, and the same command, run again, refused A as "not
an empty folder", though --help says it can simply be run again. It keeps A now when A is its own
complete export of the same model (`model.export_note`), and writes the rest; any other folder is still
never touched."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from petloc_gui.cli import cmd_export
from petloc_gui.model.bundle import resolve_model
from petloc_gui.model.export_description import SAVED_MODEL_SIGNATURES
from petloc_gui.model.export_note import NOTE_FILE, model_identity, note_bytes, noted_identity, write_note
from tests.cli.helpers import run_cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def exporters(monkeypatch):
    """The exporters without TensorFlow; records what each was asked to write. The SavedModel holds the note,
    as model.export writes it; the TFLite file fails when ``tflite_fails`` holds an error."""
    from petloc_gui.model import bundle, export

    calls: list[str] = []
    tflite_fails: list[BaseException] = []

    def saved_model(_bundle, target):
        calls.append("saved_model")
        Path(target).mkdir(exist_ok=True)
        (Path(target) / "saved_model.pb").write_bytes(b"pb")
        _write_digits_note(Path(target))
        return target

    def tflite(_bundle, target, **_options):
        calls.append("tflite")
        if tflite_fails:
            raise tflite_fails[0]
        Path(target).write_bytes(b"tflite")
        return target

    monkeypatch.setattr(cmd_export, "load_tensorflow", lambda: None)
    monkeypatch.setattr(bundle, "load_bundle", lambda path: path)
    monkeypatch.setattr(export, "export_saved_model", saved_model)
    monkeypatch.setattr(export, "export_tflite", tflite)
    return calls, tflite_fails


def _killed_during_tflite(tmp_path: Path) -> Path:
    """What a run killed in its TFLite step leaves: its complete SavedModel (with the note), no TFLite file."""
    saved = tmp_path / "sm"
    saved.mkdir()
    (saved / "saved_model.pb").write_bytes(b"pb of the killed run")
    _write_digits_note(saved)
    return saved


def _write_digits_note(saved_model: Path) -> None:
    """The note model.export writes into a SavedModel of the bundled digits model."""
    source = resolve_model("digits")
    write_note(saved_model, note_bytes(source, (75, 75, 3), signatures=SAVED_MODEL_SIGNATURES,
                                       class_names_file="assets/labels.txt"))


def test_the_same_command_run_again_keeps_the_saved_model_and_writes_the_tflite(exporters, tmp_path, capsys):
    calls, _ = exporters
    saved = _killed_during_tflite(tmp_path)
    code, out, err = run_cli(capsys, "export", "digits", "--saved-model", saved, "--tflite", tmp_path / "d.tflite")
    assert code == 0, err
    assert calls == ["tflite"]
    assert (saved / "saved_model.pb").read_bytes() == b"pb of the killed run"
    assert (tmp_path / "d.tflite").read_bytes() == b"tflite"
    assert err.splitlines()[0] == (f"kept SavedModel {saved}: an earlier run of this export wrote it whole, "
                                   "from the same model")
    assert out.splitlines() == [str(saved), str(tmp_path / "d.tflite")]


def test_a_kept_saved_model_is_not_taken_back_when_the_tflite_fails(exporters, tmp_path, capsys):
    _, tflite_fails = exporters
    tflite_fails.append(KeyboardInterrupt())
    saved = _killed_during_tflite(tmp_path)
    code, _, err = run_cli(capsys, "export", "digits", "--saved-model", saved, "--tflite", tmp_path / "d.tflite")
    assert code == 130
    assert (saved / "saved_model.pb").read_bytes() == b"pb of the killed run"
    assert "removed" not in err


def test_only_the_saved_model_asked_again_is_done_already(exporters, tmp_path, capsys):
    calls, _ = exporters
    saved = _killed_during_tflite(tmp_path)
    code, out, _ = run_cli(capsys, "export", "digits", "--saved-model", saved)
    assert (code, out.strip(), calls) == (0, str(saved), [])


def test_a_saved_model_of_another_model_is_refused_and_kept(exporters, tmp_path, capsys):
    calls, _ = exporters
    saved = _killed_during_tflite(tmp_path)
    note = json.loads((saved / NOTE_FILE).read_text())
    (saved / NOTE_FILE).write_text(json.dumps({**note, "model_identity": "0" * 64}))
    code, _, err = run_cli(capsys, "export", "digits", "--saved-model", saved, "--tflite", tmp_path / "d.tflite")
    assert code == 1 and calls == []
    assert "--saved-model target holds a SavedModel petloc exported from another model" in err
    assert (saved / "saved_model.pb").read_bytes() == b"pb of the killed run"


def test_a_folder_without_the_note_is_refused_as_before(exporters, tmp_path, capsys):
    calls, _ = exporters
    saved = tmp_path / "sm"
    saved.mkdir()
    (saved / "saved_model.pb").write_bytes(b"someone's")
    code, _, err = run_cli(capsys, "export", "digits", "--saved-model", saved, "--tflite", tmp_path / "d.tflite")
    assert code == 1 and calls == []
    assert "--saved-model target exists and is not an empty folder" in err


def test_the_note_names_the_model_and_changes_with_it(tmp_path):
    source = resolve_model("digits")
    _write_digits_note(tmp_path)
    assert noted_identity(tmp_path) == (model_identity(source), "digits")  # by its name, not its path
    other = tmp_path / "other"
    other.mkdir()
    for name in ("meta.json", "model.keras"):
        (other / name).write_bytes((source / name).read_bytes())
    assert model_identity(other) == model_identity(source)
    with open(other / "model.keras", "ab") as handle:
        handle.write(b"retrained")
    assert model_identity(other) != model_identity(source)


@pytest.mark.slow
def test_sigkill_during_the_tflite_step_then_the_same_command_finishes(tmp_path):
    """A real export killed outright once its SavedModel is in place, then the same command again. The kill
    leaves the TFLite conversion's temporary folder (.petloc-tflite-*: no clean-up runs after SIGKILL) in the
    temporary folder; the machine's /tmp gathered one, empty, from each run of this test (its own here): the
    next conversion removes it, its writer ended (`model.tflite_folder`)."""
    saved, tflite, tmp = tmp_path / "sm", tmp_path / "d.tflite", tmp_path / "tmp"
    tmp.mkdir()
    command = [sys.executable, "-m", "petloc_gui.cli", "export", "digits", "--saved-model", str(saved),
               "--tflite", str(tflite)]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp)}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
    deadline = time.monotonic() + 240
    while not saved.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    if tflite.exists():
        pytest.skip("the export finished before the kill")
    assert noted_identity(saved) is not None  # the SavedModel is whole: its note came before the rename
    again = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert again.returncode == 0, again.stderr
    assert _conversion_folders(tmp) == []  # the killed run's removed, its writer ended; its own taken away
    assert f"kept SavedModel {saved}" in again.stderr
    assert tflite.is_file() and (tmp_path / "d.labels.txt").is_file()


def _conversion_folders(tmp: Path) -> list[Path]:
    """The TFLite conversion's folders in ``tmp``, of this version and earlier ones (TensorFlow's own autograph
    files go there too)."""
    return sorted(path for path in tmp.iterdir() if "petloc-tflite-" in path.name)
