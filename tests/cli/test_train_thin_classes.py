"""`petloc train` warns, before training, of each class with fewer person-reviewed images than the
window asks for before it offers training (`app.model_choice.MIN_BOXES_PER_CLASS`): one with a single
image cannot be held out and is never measured, one only on unreviewed pre-labels rests on a
model's unchecked boxes. It trained them without a word. Warnings, when the run has read the images
(an unreadable one is no image of its class): the run goes on."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.app.model_choice import MIN_BOXES_PER_CLASS
from petloc_gui.cli import cmd_train
from petloc_gui.core.interop.voc_out import IMPORTED_PRELABEL
from tests.cli.helpers import run_cli, write_annotated

ENOUGH = "box at least 3 images of it (the window asks for as many before it offers training)"


def _folder(tmp_path) -> Path:
    from petloc_gui.core.voc import read_voc, write_voc

    folder = tmp_path / "photos"
    folder.mkdir()
    for label, n in (("cat", 3), ("dog", 2), ("cow", 1), ("owl", 2)):
        for i in range(n):
            write_annotated(folder, f"{label}{i}", 40, 30, [(label, (5, 5, 20, 20))])
    write_annotated(folder, "cow_broken", 40, 30, [("cow", (5, 5, 20, 20))])
    (folder / "cow_broken.png").write_bytes(b"not a png")  # skipped by the run: no image of its class
    for i in range(2):  # owl: only a model's boxes (an imported pre-label: its model cannot be named)
        annotation = read_voc(folder / f"owl{i}.xml")
        annotation.prelabel = IMPORTED_PRELABEL
        write_voc(annotation, folder / f"owl{i}.xml")
    return folder


def test_each_class_too_thin_to_measure_is_warned_of_and_the_run_goes_on(tmp_path, capsys, monkeypatch):
    from petloc_gui.model import training

    runs = []

    def trained(data_dir, config, on_event, should_stop, folder=None):  # as far as the start event, without TensorFlow
        from petloc_gui.model.training_data import TrainingData

        runs.append(config)
        data = TrainingData.collect(data_dir)
        on_event({"event": "start", "epochs": 1, "n_train": len(data.train), "n_val": len(data.validation),
                  "skipped": data.skipped, "class_names": data.class_names})
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", trained)
    assert MIN_BOXES_PER_CLASS == 3  # the window's rule, which ENOUGH states
    code, _, stderr = run_cli(capsys, "train", _folder(tmp_path), "--preset", "digits", "--out", tmp_path / "m")
    assert code == 0 and len(runs) == 1
    assert [line for line in stderr.splitlines() if line.startswith("petloc: class ")] == [
        "petloc: class cow has 1 person-reviewed image: it cannot be both trained on and held out, so the run "
        f"never measures it; {ENOUGH}",
        # not "measures it on a single image": that image may only choose the epoch (model.splits.report_members)
        "petloc: class dog has only 2 person-reviewed images: one is held out for validation, so its figures, if "
        f"any, rest on a single image; {ENOUGH}",
        "petloc: class owl is only on 2 unreviewed pre-labels: the run learns it from a model's unchecked boxes and "
        "never measures it (pre-labels are never held out); review them in the window (a save makes a box a "
        f"person's) or {ENOUGH}",
    ]  # cat has 3: nothing said
