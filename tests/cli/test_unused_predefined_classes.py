"""The classes of a folder's predefined_classes.txt (labelImg's list, the window's class list) that no
box has were dropped by `petloc train` and left out of `petloc stats` without a mention: each is now
named, one line each."""

from __future__ import annotations

import json
from pathlib import Path

from petloc_gui.cli import cmd_train
from tests.cli.helpers import run_cli, write_annotated


def _folder(tmp_path) -> Path:
    folder = tmp_path / "pets"
    folder.mkdir()
    for label in ("bengal", "bengal", "bulldog", "bulldog"):
        write_annotated(folder, f"{label}{len(list(folder.glob('*.xml')))}", 40, 30, [(label, (5, 5, 20, 20))])
    (folder / "predefined_classes.txt").write_text("bengal\nmaine coon\nbulldog\nsphynx\n", encoding="utf-8")
    return folder


def test_stats_names_each_predefined_class_on_no_box(tmp_path, capsys):
    folder = _folder(tmp_path)
    code, out, _ = run_cli(capsys, "stats", folder)
    assert code == 0
    assert [line for line in out.splitlines() if line.startswith("predefined ")] == [
        "predefined     maine coon: in predefined_classes.txt, on no box (no image to train or measure it)",
        "predefined     sphynx: in predefined_classes.txt, on no box (no image to train or measure it)",
    ]
    code, out, _ = run_cli(capsys, "stats", folder, "--json")
    assert json.loads(out.splitlines()[-1])["unused_predefined_classes"] == ["maine coon", "sphynx"]


def test_train_names_each_predefined_class_it_will_not_know(tmp_path, capsys, monkeypatch):
    from petloc_gui.model import training

    def trained(data_dir, config, on_event, should_stop, folder=None):  # no TensorFlow
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", trained)
    folder = _folder(tmp_path)
    parent = tmp_path / "parent"  # a model that knows sphynx: a fine-tune keeps it
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"class_names": ["bengal", "bulldog", "sphynx"]}), encoding="utf-8")
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "m")
    assert code == 0, stderr
    assert [line for line in stderr.splitlines() if "predefined_classes.txt" in line] == [
        "petloc: class maine coon of predefined_classes.txt is on no box this run trains on: the new model will "
        "not know it (box images of it to train it)",
        "petloc: class sphynx of predefined_classes.txt is on no box this run trains on: the new model will "
        "not know it (box images of it to train it)",
    ]
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "m",
                              "--init-from", parent)
    assert code == 0, stderr
    assert [line.split(" of ")[0] for line in stderr.splitlines() if "predefined_classes.txt" in line] == [
        "petloc: class maine coon"]


def test_a_class_only_on_second_boxes_is_said_so_not_on_no_box(tmp_path, capsys, monkeypatch):
    """Every image had a dog box after its cat box: `petloc train` said "dog ... is on no box this run trains
    on" (it learns each image's first box only) and `petloc stats` counted "dog 0 (3)". The run says what
    is true, in the words `core.stats.after_first_text` gives `petloc stats` too."""
    from petloc_gui.core.stats import after_first_text, predefined_after_first
    from petloc_gui.model import training

    def trained(data_dir, config, on_event, should_stop, folder=None):  # no TensorFlow
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", trained)
    folder = tmp_path / "d4"
    folder.mkdir()
    for n in range(3):
        write_annotated(folder, f"pair{n}", 40, 30, [("cat", (5, 5, 15, 15)), ("dog", (20, 10, 35, 25))])
    (folder / "predefined_classes.txt").write_text("cat\ndog\nowl\n", encoding="utf-8")
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "m")
    assert code == 0, stderr
    assert after_first_text(3) == "on 3 boxes, none an image's first: a run learns one box per image, the first"
    assert [line for line in stderr.splitlines() if "predefined_classes.txt" in line] == [
        f"petloc: class dog of predefined_classes.txt is {after_first_text(3)}, so the new model will not know it "
        "(box images where it is the first object to train it)",
        "petloc: class owl of predefined_classes.txt is on no box this run trains on: the new model will not know "
        "it (box images of it to train it)",
    ]
    assert predefined_after_first(["cat", "dog", "owl"], {"cat": 3}, {"cat": 3, "dog": 3}) == ["dog"]
