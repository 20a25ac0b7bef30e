"""`petloc export … --saved-model A --tflite B` said "kept SavedModel A" and then refused because B.labels.txt
existed: every target is checked before anything is said now. And a run killed outright between writing
B.labels.txt and B.tflite made the same command refuse its own names file: one holding exactly this model's
class names is kept now, and never taken back."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.model.bundle import read_meta, resolve_model
from tests.cli.helpers import run_cli
from tests.cli.test_export_killed import _killed_during_tflite, exporters  # noqa: F401  (a fixture)


def _digits_names() -> str:
    return "".join(f"{name}\n" for name in read_meta(resolve_model("digits"))["class_names"])


def test_a_names_file_of_other_names_is_refused_before_kept_is_said(exporters, tmp_path, capsys):  # noqa: F811
    calls, _ = exporters
    saved = _killed_during_tflite(tmp_path)
    (tmp_path / "d.labels.txt").write_text("someone's\n")
    code, _, err = run_cli(capsys, "export", "digits", "--saved-model", saved, "--tflite", tmp_path / "d.tflite")
    assert code == 1 and calls == []
    assert "kept" not in err and "class names file --tflite writes beside its file exists with other names" in err
    assert (tmp_path / "d.labels.txt").read_text() == "someone's\n"


def test_the_killed_runs_own_names_file_is_kept(exporters, tmp_path, capsys):  # noqa: F811
    calls, _ = exporters
    saved = _killed_during_tflite(tmp_path)
    labels = tmp_path / "d.labels.txt"
    labels.write_text(_digits_names())
    code, out, err = run_cli(capsys, "export", "digits", "--saved-model", saved, "--tflite", tmp_path / "d.tflite")
    assert code == 0, err
    assert calls == ["tflite"]
    assert labels.read_text() == _digits_names()
    assert out.splitlines() == [str(saved), str(tmp_path / "d.tflite")]
    assert f"beside {labels}, which an earlier run of this export wrote" in err


def test_a_kept_names_file_is_not_taken_back_when_the_tflite_fails(exporters, tmp_path, capsys):  # noqa: F811
    _, tflite_fails = exporters
    tflite_fails.append(KeyboardInterrupt())
    labels = tmp_path / "d.labels.txt"
    labels.write_text(_digits_names())
    code, _, _ = run_cli(capsys, "export", "digits", "--tflite", tmp_path / "d.tflite")
    assert code == 130
    assert labels.read_text() == _digits_names()
    assert not Path(tmp_path / "d.tflite").exists()
