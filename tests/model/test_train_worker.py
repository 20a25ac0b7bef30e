"""The training child process: JSON lines on stdout, cancel on stdin, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from petloc_gui.model.train_worker import EXIT_CANCELLED, EXIT_ERROR, EXIT_OK, EXIT_USAGE, describe_error

WORKER = [sys.executable, "-m", "petloc_gui.model.train_worker"]


def _args(tmp_path, *extra):
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    return [*WORKER, "--data", str(data), "--preset", "digits", "--out", str(tmp_path / "out"), *extra]


def _events(stdout: str):
    # Every stdout line must be a JSON object: that is the protocol.
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_fake_run_emits_the_training_events_in_order(tmp_path):
    run = subprocess.run(_args(tmp_path, "--fake", "--epochs", "2", "--fake-steps", "3", "--fake-delay", "0",
                               "--compare-with", "digits"),
                         capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert run.returncode == EXIT_OK, run.stderr
    events = _events(run.stdout)
    kinds = [e["event"] for e in events]
    assert kinds == ["start"] + ["batch"] * 3 + ["epoch"] + ["batch"] * 3 + ["epoch", "done", "comparison"]
    assert [e["epoch"] for e in events if e["event"] == "epoch"] == [1, 2]
    assert events[-1]["new"] == events[-2]["metrics"]
    out = tmp_path / "out"
    assert (out / "meta.json").is_file()
    record = json.loads((out / "train_record.json").read_text())
    assert record["parent"] is None and record["epochs"] == 2


def test_cancel_on_stdin_stops_the_run_with_the_cancelled_code(tmp_path):
    proc = subprocess.Popen(_args(tmp_path, "--fake", "--epochs", "50", "--fake-delay", "0.05"),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = json.loads(proc.stdout.readline())
    assert first["event"] == "start"
    proc.stdin.write("cancel\n")
    proc.stdin.flush()
    out, _ = proc.communicate(timeout=20)
    assert proc.returncode == EXIT_CANCELLED
    events = _events(out)
    assert events[-1] == {"event": "cancelled"}
    assert not any(e["event"] == "done" for e in events)
    assert not (tmp_path / "out" / "meta.json").exists()


def test_closing_stdin_stops_a_watched_worker(tmp_path):
    # The parent died: its end of the pipe closes, the worker must not train on as an orphan.
    proc = subprocess.Popen(_args(tmp_path, "--fake", "--epochs", "50", "--fake-delay", "0.05", "--watch-stdin"),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    proc.stdout.readline()
    proc.stdin.close()
    start = time.monotonic()
    proc.wait(timeout=20)
    assert proc.returncode == EXIT_CANCELLED
    assert time.monotonic() - start < 10


def test_a_dying_worker_exits_abruptly_after_n_events(tmp_path):
    run = subprocess.run(_args(tmp_path, "--fake", "--fake-delay", "0", "--fake-die-after", "3"),
                         capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert run.returncode not in (EXIT_OK, EXIT_CANCELLED, EXIT_ERROR)
    assert len(_events(run.stdout)) == 3
    assert "dying" in run.stderr


def test_missing_data_folder_is_an_error_event_not_a_traceback_on_stdout(tmp_path):
    cmd = [*WORKER, "--data", str(tmp_path / "nope"), "--preset", "digits", "--out", str(tmp_path / "o"), "--fake"]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert run.returncode == EXIT_ERROR
    (event,) = _events(run.stdout)
    assert event["event"] == "error" and "nope" in event["message"]


@pytest.mark.parametrize("bad", [["--epochs", "0"], ["--val-fraction", "1.5"]])
def test_bad_arguments_exit_with_the_usage_code(tmp_path, bad):
    run = subprocess.run(_args(tmp_path, "--fake", *bad), capture_output=True, text=True, timeout=60,
                         stdin=subprocess.DEVNULL)
    assert run.returncode == EXIT_USAGE
    assert run.stdout == ""


def test_disk_full_reads_as_such():
    import errno

    full = OSError(errno.ENOSPC, "No space left on device", "/x/model.keras")
    assert describe_error(full) == "the disk is full: /x/model.keras could not be written"
    try:
        raise RuntimeError("cannot save the model bundle") from full
    except RuntimeError as wrapped:
        assert "disk is full" in describe_error(wrapped)
    assert describe_error(ValueError("bad label")) == "bad label"


@pytest.mark.slow
def test_real_training_on_unusable_data_reports_an_error(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "lonely.xml").write_text("<annotation><object><name>x</name></object>")  # no image, broken
    cmd = [*WORKER, "--data", str(data), "--preset", "digits", "--out", str(tmp_path / "out"), "--epochs", "1"]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=240, stdin=subprocess.DEVNULL)
    assert run.returncode == EXIT_ERROR, run.stderr[-2000:]
    (event,) = _events(run.stdout)
    assert event["event"] == "error" and "annotated images" in event["message"]
    assert not (tmp_path / "out" / "meta.json").exists()


def test_the_label_source_follows_the_model_we_start_from(tmp_path):
    from petloc_gui.model.train_worker import label_source_for

    breeds = tmp_path / "breeds"
    breeds.mkdir()
    (breeds / "meta.json").write_text(json.dumps({"preset": "pets", "label_source": "breed (dataset list.txt)"}))
    assert label_source_for("pets", str(breeds)) == "breed"
    assert label_source_for("digits", str(breeds)) == "default"  # another preset says nothing
    assert label_source_for("pets", str(tmp_path / "missing"), str(breeds)) == "breed"
    assert label_source_for("pets", None) == "default"


def test_events_never_carry_nan_which_json_cannot_hold():
    import io

    import numpy as np

    from petloc_gui.model.train_worker import EventWriter

    stream = io.StringIO()
    EventWriter(stream)({"event": "epoch", "loss": float("nan"), "val": np.float32("inf"), "n": np.int64(3),
                         "per_class": {"a": [float("-inf"), 0.5]}})
    assert json.loads(stream.getvalue()) == {"event": "epoch", "loss": None, "val": None, "n": 3,
                                             "per_class": {"a": [None, 0.5]}}


def test_images_the_current_model_trained_on_are_counted(tmp_path):
    from petloc_gui.model.comparison import count_trained_on

    bundle = tmp_path / "old"
    bundle.mkdir()
    meta = {"preset": "pets", "training_data": {"root": "/elsewhere/pets", "excluded": ["/elsewhere/pets/images/t.jpg"]},
            "validation_split": {"images": ["images/v.jpg"]}}
    (bundle / "meta.json").write_text(json.dumps(meta))
    # v was its validation image, t its test image: only s was trained on
    assert count_trained_on(str(bundle), ["images/v.jpg", "images/t.jpg", "images/s.jpg"]) == 1
    (bundle / "meta.json").write_text(json.dumps({"preset": "pets"}))
    assert count_trained_on(str(bundle), ["images/s.jpg"]) is None  # unknown history


@pytest.mark.slow
def test_cancel_reaches_real_training_and_nothing_is_saved(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    data = tmp_path / "digits"
    write_digits_dataset(data, "train", count=30, seed=2)
    cmd = [*WORKER, "--data", str(data), "--preset", "digits", "--out", str(tmp_path / "out"),
           "--epochs", "50", "--batch-size", "4", "--no-compare"]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        kinds = []
        for line in proc.stdout:
            kinds.append(json.loads(line)["event"])
            if kinds[-1] == "batch":
                break
        assert kinds[0] == "start" and kinds[-1] == "batch"
        proc.stdin.write("cancel\n")
        proc.stdin.flush()
        rest = proc.stdout.read()
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == EXIT_CANCELLED
    assert _events(rest)[-1] == {"event": "cancelled"}
    assert not any(e["event"] == "done" for e in _events(rest))
    assert not (tmp_path / "out" / "model.keras").exists()


def test_comparison_also_scores_both_models_on_images_neither_trained_on(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from petloc_gui.model import comparison

    old = tmp_path / "old"
    old.mkdir()
    # The current model trained on a and b; c was its validation image, d its test image.
    meta = {"preset": "pets", "training_data": {"root": str(tmp_path), "excluded": [str(tmp_path / "images/d.jpg")]},
            "validation_split": {"images": ["images/c.jpg"]}}
    (old / "meta.json").write_text(json.dumps(meta))
    samples = [SimpleNamespace(relpath=f"images/{n}.jpg") for n in "abcd"]
    monkeypatch.setattr(comparison, "collect_samples", lambda data, label: (samples, [], tmp_path))
    scored = []

    def fake_score(spec, chosen, subset=None):
        scored.append((str(spec), [s.relpath for s in chosen], sorted(subset or ())))
        good = str(spec) == str(old)
        figures = {"accuracy": 1.0 if good else 0.5, "mean_iou": 0.9 if good else 0.6, "iou_ge_50": 1.0,
                   "iou_ge_75": 0.5}
        scores = {"n_images": len(chosen), **figures}
        if subset:
            scores["subset"] = {"n_images": len(subset), **figures}
        return scores

    monkeypatch.setattr(comparison, "score_model", fake_score)
    result = comparison.compare_models(tmp_path, "default", tmp_path / "new", [s.relpath for s in samples],
                                       old_model=str(old), fine_tuned=True)
    assert result["old_trained_on"] == 2
    assert result["unseen"]["n_images"] == 2
    everything = [s.relpath for s in samples]
    # Each model is predicted once, and scored on all images and on the two neither trained on.
    assert sorted(scored) == sorted([(str(old), everything, ["images/c.jpg", "images/d.jpg"]),
                                     (str(tmp_path / "new"), everything, ["images/c.jpg", "images/d.jpg"])])
    assert "subset" not in result["old"] and "subset" not in result["new"]
    assert "2 images neither model trained on" in result["note"]
    assert "current model accuracy 1.000, mean IoU 0.900; new model accuracy 0.500, mean IoU 0.600" in result["note"]
