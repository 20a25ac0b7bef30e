"""`petloc export` stopped or failing takes back the folders it made for its outputs (`cli.taken_back`), as
`petloc train` and `petloc convert` do: it removed the SavedModel and TFLite file it had written but left
the runs/ folders it had made for them, empty."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.cli import cmd_export
from tests.cli.helpers import run_cli


@pytest.fixture
def stand_in(monkeypatch):
    """The exporters without TensorFlow: the SavedModel is written, the TFLite file fails with ``failure``;
    or loading the model fails with ``failure`` when ``at_load``."""
    from petloc_gui.model import bundle, export

    failure: list[BaseException] = []
    at_load: list[bool] = []

    def load(path):
        if at_load:
            raise failure[0]
        return path

    def saved_model(_bundle, target):
        Path(target).mkdir(exist_ok=True)
        (Path(target) / "saved_model.pb").write_bytes(b"pb")
        return target

    def tflite(_bundle, target, **_options):
        raise failure[0]

    monkeypatch.setattr(cmd_export, "load_tensorflow", lambda: None)
    monkeypatch.setattr(bundle, "load_bundle", load)
    monkeypatch.setattr(export, "export_saved_model", saved_model)
    monkeypatch.setattr(export, "export_tflite", tflite)
    return failure, at_load


@pytest.mark.parametrize("failure", [KeyboardInterrupt(), OSError(28, "No space left on device", "x")],
                         ids=["ctrl-c", "error"])
@pytest.mark.parametrize("when", ["writing", "loading"])
def test_the_folders_made_for_the_outputs_are_taken_back(stand_in, tmp_path, capsys, failure, when):
    stand_in[0].append(failure)
    if when == "loading":
        stand_in[1].append(True)
    runs = tmp_path / "runs"
    code, out, _ = run_cli(capsys, "export", "digits", "--saved-model", runs / "a" / "sm",
                           "--tflite", runs / "b" / "d.tflite")
    assert code != 0 and out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_folder_that_was_there_stays_and_so_does_what_another_put_in_one_made(stand_in, tmp_path, capsys,
                                                                                monkeypatch):
    from petloc_gui.model import export

    stand_in[0].append(KeyboardInterrupt())
    runs = tmp_path / "runs"
    runs.mkdir()
    written = export.export_saved_model

    def saved_model(bundle, target):
        (runs / "b" / "someone.txt").write_text("someone's")
        return written(bundle, target)

    monkeypatch.setattr(export, "export_saved_model", saved_model)
    code, _, _ = run_cli(capsys, "export", "digits", "--saved-model", runs / "a" / "sm",
                         "--tflite", runs / "b" / "d.tflite")
    assert code == 130
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "runs", "runs/b", "runs/b/someone.txt"]
