"""`petloc train` aborted while its bundle was written (a second Ctrl+C or a SIGTERM ends the process at once)
left the bundle's temporary folder, a partial model.keras, in --out. The next `petloc train` into that --out
removes it before it trains, not only once its own bundle is written (which a cancelled or failed run never
reaches); a finished bundle there is untouched."""

from __future__ import annotations

import os
from pathlib import Path

from petloc_gui.cli import cmd_train
from petloc_gui.model.bundle_write import save_bundle
from tests.cli.helpers import run_cli, voc_xml, write_image
from tests.model.aborted_bundle_write import aborted_write
from tests.model.bundle_killed_saves import SavedModel


def _data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("a", "b"):
        write_image(folder / f"{name}.png", 40, 30)
        (folder / f"{name}.xml").write_text(voc_xml(f"{name}.png", 40, 30, [("cat", (5, 5, 20, 20))]),
                                            encoding="utf-8")
    return folder


def test_the_next_run_into_that_out_removes_it_before_training(monkeypatch, tmp_path, capsys):
    from petloc_gui.model import training

    out = tmp_path / "models"
    finished = save_bundle(SavedModel(), {"preset": "digits"}, out / "digits-finished")
    abandoned = aborted_write(out / "digits-aborted")
    seen_at_start = []

    def cancelled(data_dir, config, on_event, should_stop, folder=None):  # no TensorFlow; a first Ctrl+C
        seen_at_start.extend(os.listdir(out))
        raise training.TrainingCancelled("stopped")

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", cancelled)
    code, _, err = run_cli(capsys, "train", _data(tmp_path), "--preset", "digits", "--out", out)

    assert code == 130, err
    assert abandoned.name not in seen_at_start and not abandoned.exists()
    assert (finished / "model.keras").is_file() and (finished / "meta.json").is_file()
