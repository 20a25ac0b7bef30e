"""Deleting the version a training run fine-tunes from, while it runs, is refused with words naming the run.

It was deleted (`petloc models --delete pets/X` in another terminal, or the window's Delete versions… during a
Retrain): the run loads its parent once at its start, but a two-stage parent's refiner is copied into the new
bundle by its path at the very end, and that copy failed: the run's result was thrown away. `petloc train
--init-from` and the window's training child (`train_worker`) now hold the parent marked for their life
(`model.parent_mark`, `core.in_use_marks`).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from petloc_gui.app.version_users import delete_version, in_use_said, way_out
from petloc_gui.core import in_use_marks
from petloc_gui.model import train_worker
from petloc_gui.model.parent_mark import parent_marked
from petloc_gui.model.versions import VersionInUse, VersionStore
from petloc_gui.model.worker_lifecycle import Lifecycle
from tests.cli.helpers import one_box_each, run_cli
from tests.model_files import keras_like_zip, loadable_meta


def _version(store: VersionStore, preset: str = "digits"):
    staging = store.new_staging_dir(preset)
    (staging / "meta.json").write_text(json.dumps(loadable_meta(preset=preset)), encoding="utf-8")
    keras_like_zip(staging / "model.keras")
    return store.commit(staging)


def _try_delete(version_id: str) -> str:
    """What deleting the version meanwhile did: "deleted", or why it was kept and the way out."""
    try:
        delete_version(VersionStore(), version_id)
    except VersionInUse as used:
        return f"{in_use_said(used)}; {way_out(used)}"
    return "deleted"


def test_petloc_train_init_from_keeps_its_parent_while_it_runs(tmp_path, capsys, monkeypatch):
    from petloc_gui.cli import cmd_train
    from petloc_gui.model import training

    parent = _version(VersionStore())
    tried = []

    def trained(data_dir, config, on_event, should_stop, folder=None):  # training and TensorFlow stood in for
        on_event({"event": "start", "epochs": 1, "n_train": 3, "n_val": 1, "skipped": [], "class_names": ["a"]})
        tried.append(_try_delete(parent.id))  # `petloc models --delete digits/<id>` in another terminal
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", trained)
    data = one_box_each(tmp_path / "data", ["a", "b", "a", "b"])
    code, _, err = run_cli(capsys, "train", data, "--preset", "digits", "--out", tmp_path / "out",
                           "--init-from", f"digits/{parent.id}", "--no-tflite")

    assert code == 0, err
    [said] = tried
    assert said.startswith("a training run fine-tunes from it (process ") and "let the training run" in said
    assert parent.path.is_dir() and in_use_marks.users(parent.path) == []  # kept, and unmarked once it ended
    assert delete_version(VersionStore(), parent.id) > 0  # deleted once the run is over


def test_the_window_s_training_child_keeps_its_base_while_it_runs(tmp_path, monkeypatch):
    parent = _version(VersionStore())
    tried = []
    monkeypatch.setattr(train_worker, "protocol_stdout", io.StringIO)
    monkeypatch.setattr(train_worker, "lower_priority", lambda increment: None)
    monkeypatch.setattr(Lifecycle, "start", lambda self, stdin=None, parent_pid=None: None)
    monkeypatch.setattr(train_worker, "run_real", lambda args, emit, stop: tried.append(_try_delete(parent.id)))
    data = one_box_each(tmp_path / "data", ["a", "b"])

    code = train_worker.main(["--data", str(data), "--preset", "digits", "--out", str(tmp_path / "staging"),
                              "--base", str(parent.path)])

    assert code == train_worker.EXIT_OK
    assert tried[0].startswith("a training run fine-tunes from it (process ")
    assert parent.path.is_dir() and in_use_marks.users(parent.path) == []


@pytest.mark.parametrize("spec", ["pets", "digits/no-such-version", None])
def test_a_parent_that_is_no_version_of_the_store_is_not_marked(spec):
    with parent_marked(spec) as folder:
        assert folder is None


def test_the_mark_is_seen_after_the_rename_as_a_window_s(tmp_path):
    """Marked between Delete's first look and its rename: found in the renamed folder, put back."""
    store = VersionStore()
    parent = _version(store)
    with parent_marked(str(parent.path), store) as folder:
        assert folder == parent.path
        with pytest.raises(VersionInUse, match="a training run fine-tunes from it"):
            store.discard(parent.id)
    assert parent.path.is_dir() and [v.id for v in store.list()] == [parent.id]
