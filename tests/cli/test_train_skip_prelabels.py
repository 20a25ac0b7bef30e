"""`petloc train --skip-prelabels` trains on the boxes a person saved only: the unreviewed pre-labels
(`petloc predict --write-voc` files nobody has saved since) are left out of every split, counted in meta.json
and on the start line; the worker of the window's Retrain dialog takes the same option."""

from __future__ import annotations

import json

import pytest

from petloc_gui.model.retrain_policy import worker_args
from tests.cli.helpers import run_cli
from tests.model.test_skip_prelabels import mark_prelabels


@pytest.fixture
def digits(tmp_path, capsys):
    folder = tmp_path / "digits"
    code = run_cli(capsys, "digits", folder, "--split", "train", "--count", "12", "--seed", "5")[0]
    assert code == 0
    return folder


@pytest.mark.slow
def test_the_pre_labels_are_left_out_of_the_run(digits, tmp_path, capsys):
    marked = sorted(p.name for p in digits.glob("*.png"))[:4]
    mark_prelabels(digits, marked)
    out = tmp_path / "models"
    code, stdout, stderr = run_cli(capsys, "train", digits, "--preset", "digits", "--out", out, "--epochs", "1",
                                   "--batch-size", "4", "--skip-prelabels")
    assert code == 0, stderr
    bundle = out / stdout.strip().splitlines()[-1].rsplit("/", 1)[-1]
    meta = json.loads((bundle / "meta.json").read_text(encoding="utf-8"))
    splits = meta["splits"]
    assert len(splits["train"]) + len(splits["validation"]) == 8 and splits["test"] == []
    assert not set(marked) & {name for split in splits.values() for name in split}
    assert not set(marked) & set(meta["images"])
    assert meta["training_data"]["n_prelabels_skipped"] == 4 and "n_prelabels" not in meta["training_data"]
    assert meta["config"]["skip_prelabels"] is True
    start = next(line for line in stderr.splitlines() if line.startswith("training on "))
    assert start.startswith("training on 8 images") and start.endswith(
        "; 4 unreviewed pre-labels left out (--skip-prelabels)")


@pytest.mark.slow
def test_too_few_left_says_the_pre_labels_were_left_out(digits, tmp_path, capsys):
    mark_prelabels(digits, sorted(p.name for p in digits.glob("*.png"))[1:])
    code, stdout, stderr = run_cli(capsys, "train", digits, "--preset", "digits", "--out", tmp_path / "models",
                                   "--epochs", "1", "--skip-prelabels")
    assert code == 1 and stdout == ""
    assert stderr.splitlines()[-1].endswith(
        ": need at least 2 usable annotated images, found 1; 11 unreviewed pre-labels were left out as asked "
        "(review and save them, or train on them too)")


def test_the_worker_is_asked_to_leave_them_out():
    args = worker_args("/data", "digits", "/staging", epochs=2, skip_prelabels=True)
    assert args.count("--skip-prelabels") == 1
    assert "--skip-prelabels" not in worker_args("/data", "digits", "/staging", epochs=2)


def test_the_worker_passes_the_option_to_training(tmp_path, monkeypatch):
    from petloc_gui.model import train_worker, training

    seen = {}

    def fake_train_run(data, config, on_event, should_stop, folder=None):
        seen["skip_prelabels"] = config.skip_prelabels
        bundle = tmp_path / "bundle"
        bundle.mkdir(exist_ok=True)
        (bundle / "meta.json").write_text("{}", encoding="utf-8")
        return training.TrainedRun(bundle, ())

    monkeypatch.setattr(training, "train_run", fake_train_run)  # what the worker calls (the run's samples too)
    data = tmp_path / "data"
    data.mkdir()
    for extra, expected in (([], False), (["--skip-prelabels"], True)):
        args = train_worker.parse_args(["--data", str(data), "--preset", "digits", "--out", str(tmp_path / "out"),
                                        "--label", "default", "--no-compare", *extra])
        (tmp_path / "out").mkdir(exist_ok=True)
        train_worker.run_real(args, lambda event: None, lambda: False)
        assert seen["skip_prelabels"] is expected


def test_a_left_out_pre_label_gets_no_size_warning(tmp_path, capsys, monkeypatch):
    from petloc_gui.cli import cmd_train
    from petloc_gui.cli.main import build_parser
    from tests.cli.helpers import voc_xml, write_image

    data = tmp_path / "data"
    data.mkdir()
    for name in ("a", "b"):  # both drawn on another image size; b is a model's unreviewed pre-label
        write_image(data / f"{name}.png", 40, 30)
        (data / f"{name}.xml").write_text(voc_xml(f"{name}.png", 80, 60, [("cat", (10, 10, 30, 25))]),
                                          encoding="utf-8")
    mark_prelabels(data, ["b.png"])

    class StopBeforeTensorFlowError(Exception):
        pass

    def no_tensorflow():
        raise StopBeforeTensorFlowError

    monkeypatch.setattr(cmd_train, "load_tensorflow", no_tensorflow)
    for extra, warned in (([], ["a.xml", "b.xml"]), (["--skip-prelabels"], ["a.xml"])):
        args = build_parser().parse_args(["train", str(data), "--preset", "digits", "--out", str(tmp_path / "out"),
                                          *extra])
        with pytest.raises(StopBeforeTensorFlowError):
            cmd_train.run(args)
        err = capsys.readouterr().err
        assert [line.split(": ")[2].rsplit("/", 1)[-1] for line in err.splitlines() if "differs" in line] == warned
