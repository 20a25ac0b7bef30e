"""`petloc train` says, once per model and before TensorFlow loads, which unreviewed pre-labels it
leaves out because their model did not know a class of the run (how many, the model, the class),
and which pre-labels' model it cannot find to tell: it trained on all of them without a word."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.cli import cmd_train
from tests.cli.helpers import run_cli
from tests.model.test_unaware_prelabels import shapes4  # noqa: F401 - the folder, a fixture


def _train_without_tensorflow(monkeypatch):
    """`training.train` as far as its start event, with the run's own data (no TensorFlow)."""
    from petloc_gui.model import training
    from petloc_gui.model.training_data import TrainingData

    def trained(data_dir, config, on_event, should_stop, folder=None):
        data = TrainingData.collect(data_dir, skip_prelabels=config.skip_prelabels)
        on_event({"event": "start", "epochs": 1, "n_train": len(data.train), "n_val": len(data.validation),
                  "skipped": data.skipped, "class_names": data.class_names, "n_prelabels": data.n_prelabels})
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", trained)


def test_the_pre_labels_left_out_are_said_once_per_model(shapes4, tmp_path, capsys, monkeypatch):  # noqa: F811
    _train_without_tensorflow(monkeypatch)
    code, _, stderr = run_cli(capsys, "train", shapes4, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 0, stderr
    lines = stderr.splitlines()
    assert lines[0] == (
        "petloc: leaving out 2 unreviewed pre-labels of model photo-three (star_a.png, star_b.png): it did not "
        "know the class star of this run, so those that show one are labelled as another class; to train on "
        "one, review it in the window (a save makes its box a person's)")
    assert lines[1] == (
        "petloc: 1 unreviewed pre-label of model photo-gone, which is not the --init-from model, not in the "
        "model store and not a bundled model: whether it knew every class of this run cannot be told, so it is "
        "trained on (--skip-prelabels leaves every pre-label out)")
    assert not any(line.startswith("petloc: skipped") for line in lines)  # not once more per file
    assert any(line.startswith("training on 14 images") for line in lines)


def test_with_skip_prelabels_there_is_nothing_to_say(shapes4, tmp_path, capsys, monkeypatch):  # noqa: F811
    _train_without_tensorflow(monkeypatch)
    code, _, stderr = run_cli(capsys, "train", shapes4, "--preset", "digits", "--out", tmp_path / "models",
                              "--skip-prelabels")
    assert code == 0, stderr
    assert "leaving out" not in stderr and "cannot be told" not in stderr


def test_a_class_only_the_init_from_model_knows_leaves_nothing_out(shapes4, tmp_path, capsys,  # noqa: F811
                                                                   monkeypatch):
    """The check before TensorFlow counted every class of the --init-from model: a class on no box of the
    folder (here square, once its photos are gone) left out the pre-labels of a model that did not know it."""
    import json

    from tests.model.test_unaware_prelabels import _mark, _prelabel

    _train_without_tensorflow(monkeypatch)
    for path in [*shapes4.glob("square*"), *shapes4.glob("star*")]:
        path.unlink()  # the folder: boxed circles and triangles
    _prelabel(shapes4, "circle_e", "circle", _mark("photo-three"))  # a model of circles, squares and triangles
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"class_names": ["circle", "square", "star", "triangle"],
                                                  "version_id": "photo-parent"}), encoding="utf-8")
    code, _, stderr = run_cli(capsys, "train", shapes4, "--preset", "digits", "--out", tmp_path / "models",
                              "--init-from", parent)
    assert code == 0, stderr
    assert "leaving out" not in stderr and "photo-three" not in stderr


def test_the_pre_labels_of_a_model_nowhere_are_counted_in_their_number(shapes4, tmp_path, capsys,  # noqa: F811
                                                                      monkeypatch):
    from tests.model.test_unaware_prelabels import _mark, _prelabel

    _train_without_tensorflow(monkeypatch)
    _prelabel(shapes4, "square_e", "square", _mark("photo-gone"))
    code, _, stderr = run_cli(capsys, "train", shapes4, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 0, stderr
    assert ("petloc: 2 unreviewed pre-labels of model photo-gone, which is not the --init-from model, not in the "
            "model store and not a bundled model: whether it knew every class of this run cannot be told, so they "
            "are trained on (--skip-prelabels leaves every pre-label out)") in stderr.splitlines()
