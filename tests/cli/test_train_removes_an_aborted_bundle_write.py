"""`petloc train` aborted while its bundle was written (a second Ctrl+C or a SIGTERM ends the process at once)
left the bundle's temporary folder, a partial model.keras, in --out. The next `petloc train` into that --out
removes it before it trains, not only once its own bundle is written (which a cancelled or failed run never
reaches); a finished bundle there is untouched."""

from __future__ import annotations

import os

from petloc_gui.cli import cmd_train
from petloc_gui.model.bundle_write import save_bundle
from tests.cli.helpers import one_box_each, run_cli
from tests.model.aborted_bundle_write import aborted_write
from tests.model.bundle_killed_saves import SavedModel


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
    data = one_box_each(tmp_path / "data", ["cat", "cat"])
    code, _, err = run_cli(capsys, "train", data, "--preset", "digits", "--out", out)

    assert code == 130, err
    assert abandoned.name not in seen_at_start and not abandoned.exists()
    assert (finished / "model.keras").is_file() and (finished / "meta.json").is_file()
