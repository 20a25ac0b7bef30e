"""A class boxed in images, but never as an image's first box, is trained by no run (a run learns one box
per image, the first). `petloc train` said so of a class of predefined_classes.txt only, and `petloc stats`
said nothing (its class balance counted "dog 0 (3)"): both now name every such class, predefined or not,
one line each, in the same words (`core.stats.after_first_text`)."""

from __future__ import annotations

import json
from pathlib import Path

from petloc_gui.cli import cmd_train
from petloc_gui.core.stats import AFTER_FIRST_REMEDY, after_first_text
from tests.cli.helpers import run_cli, write_annotated


def _folder(tmp_path) -> Path:
    """cat first in every image; dog (predefined) and cow (not) only after it; owl predefined, on no box."""
    folder = tmp_path / "d4"
    folder.mkdir()
    for n in range(3):
        write_annotated(folder, f"pair{n}", 40, 30, [("cat", (5, 5, 15, 15)), ("dog", (20, 10, 35, 25)),
                                                     ("cow", (1, 1, 9, 9))])
    write_annotated(folder, "cows", 40, 30, [("cat", (5, 5, 15, 15)), ("cow", (1, 1, 9, 9))])
    (folder / "predefined_classes.txt").write_text("cat\ndog\nowl\n", encoding="utf-8")
    return folder


def test_stats_names_each_class_never_an_image_s_first(tmp_path, capsys):
    folder = _folder(tmp_path)
    code, out, _ = run_cli(capsys, "stats", folder)
    assert code == 0
    untrained = f"so no run trains it ({AFTER_FIRST_REMEDY})"
    assert [line for line in out.splitlines() if line.startswith(("predefined ", "untrained "))] == [
        "predefined     owl: in predefined_classes.txt, on no box (no image to train or measure it)",
        f"predefined     dog: in predefined_classes.txt, {after_first_text(3)}, {untrained}",
        f"untrained      cow: {after_first_text(4)}, {untrained}",
    ]
    assert after_first_text(4) == "on 4 boxes, none an image's first: a run learns one box per image, the first"
    code, out, _ = run_cli(capsys, "stats", folder, "--json")
    record = json.loads(out.splitlines()[-1])
    assert record["after_first_classes"] == {"cow": 4, "dog": 3}
    assert record["predefined_after_first_classes"] == ["dog"]
    assert record["unused_predefined_classes"] == ["owl"]


def test_stats_says_nothing_when_every_class_is_some_image_s_first(tmp_path, capsys):
    folder = _folder(tmp_path)
    write_annotated(folder, "dog_first", 40, 30, [("dog", (5, 5, 15, 15))])
    write_annotated(folder, "cow_first", 40, 30, [("cow", (5, 5, 15, 15)), ("dog", (20, 10, 35, 25))])
    code, out, _ = run_cli(capsys, "stats", folder, "--json")
    record = json.loads(out.splitlines()[-1])
    assert code == 0 and record["after_first_classes"] == {} and record["predefined_after_first_classes"] == []
    code, out, _ = run_cli(capsys, "stats", folder)
    assert code == 0 and "untrained " not in out and "none an image's first" not in out


def test_train_names_a_class_only_on_second_boxes_predefined_or_not(tmp_path, capsys, monkeypatch):
    from petloc_gui.model import training

    def trained(data_dir, config, on_event, should_stop, folder=None):  # no TensorFlow
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", trained)
    folder = _folder(tmp_path)
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "m")
    assert code == 0, stderr
    assert [line for line in stderr.splitlines() if "none an image's first" in line or "on no box" in line] == [
        f"petloc: class dog of predefined_classes.txt is {after_first_text(3)}, so the new model will not know it "
        f"({AFTER_FIRST_REMEDY})",
        "petloc: class owl of predefined_classes.txt is on no box this run trains on: the new model will not know "
        "it (box images of it to train it)",
        f"petloc: class cow is {after_first_text(4)}, so the new model will not know it ({AFTER_FIRST_REMEDY})",
    ]
    parent = tmp_path / "parent"  # a model that knows cow: a fine-tune keeps it, so it is not named
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"class_names": ["cat", "cow"]}), encoding="utf-8")
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "m2",
                              "--init-from", parent)
    assert code == 0, stderr
    assert "class cow" not in stderr and "class dog of predefined_classes.txt is on 3 boxes" in stderr
