"""The training child process: JSON lines on stdout, cancel on stdin, exit codes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from petloc_gui.model.train_worker import EXIT_CANCELLED, EXIT_ERROR, EXIT_OK, EXIT_USAGE, describe_error
from petloc_gui.model.worker_lifecycle import CANCEL_GRACE_SECONDS

WORKER = [sys.executable, "-m", "petloc_gui.model.train_worker"]
STANDIN = [sys.executable, "-m", "tests.standin_worker"]
REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}


def _args(tmp_path, *extra, program=STANDIN):
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    return [*program, "--data", str(data), "--preset", "digits", "--out", str(tmp_path / "out"), *extra]


def _events(stdout: str):
    # Every stdout line must be a JSON object: that is the protocol.
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def _popen(cmd, **kwargs):
    kwargs.setdefault("stdin", subprocess.PIPE)
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.Popen(cmd, text=True, env=ENV, cwd=REPO, **kwargs)


def _finish(proc, timeout: float) -> tuple[str, str]:
    """(stdout, stderr) of a run whose stdin stays open to the end (closing it would cancel)."""
    import threading

    err: list[str] = []
    reader = threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True)
    reader.start()
    out = proc.stdout.read()
    proc.wait(timeout=timeout)
    reader.join(timeout)
    return out, "".join(err)


def _gone(pid: int) -> bool:
    """No such process, or a zombie nobody has reaped yet (it runs nothing)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return True
    return state in ("Z", "X")


def _wait_gone(pid: int, seconds: float) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if _gone(pid):
            return time.monotonic() - start
        time.sleep(0.1)
    return None


def test_a_run_emits_the_training_events_in_order(tmp_path):
    proc = _popen(_args(tmp_path, "--epochs", "2", "--steps", "3", "--delay", "0", "--compare-with", "digits"))
    out, err = _finish(proc, 60)
    assert proc.returncode == EXIT_OK, err
    events = _events(out)
    kinds = [e["event"] for e in events]
    assert kinds == ["start"] + ["batch"] * 3 + ["epoch"] + ["batch"] * 3 + ["epoch", "done", "comparison"]
    assert [e["epoch"] for e in events if e["event"] == "epoch"] == [1, 2]
    record = json.loads((tmp_path / "out" / "train_record.json").read_text())
    assert record["parent"] is None and record["epochs"] == 2


def _cancel_after_first_batch(proc) -> float:
    for line in proc.stdout:
        if json.loads(line)["event"] == "batch":
            break
    proc.stdin.write("cancel\n")
    proc.stdin.flush()
    return time.monotonic()


def test_cancel_on_stdin_stops_the_run_with_the_cancelled_code(tmp_path):
    proc = _popen(_args(tmp_path, "--epochs", "50", "--delay", "0.05"))
    asked = _cancel_after_first_batch(proc)
    out, _ = proc.communicate(timeout=20)
    assert time.monotonic() - asked < 5
    assert proc.returncode == EXIT_CANCELLED == 4
    events = _events(out)
    assert events[-1] == {"event": "cancelled", "reason": "cancel"}
    assert not any(e["event"] == "done" for e in events)
    assert not (tmp_path / "out" / "meta.json").exists()


def test_a_main_thread_that_ignores_the_stop_is_ended_by_the_reaper(tmp_path):
    # Stand-in for a main thread stuck inside TensorFlow: it never polls the stop.
    proc = _popen(_args(tmp_path, "--epochs", "500", "--delay", "0.05", "--ignore-stop"))
    asked = _cancel_after_first_batch(proc)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == EXIT_CANCELLED, err
    assert time.monotonic() - asked < CANCEL_GRACE_SECONDS + 3
    assert _events(out)[-1]["event"] == "cancelled"
    assert "leaving now" in err


def test_closing_stdin_stops_the_worker(tmp_path):
    # The parent closed its end (or died): the worker must not train on as an orphan.
    proc = _popen(_args(tmp_path, "--epochs", "500", "--delay", "0.05"), stderr=subprocess.DEVNULL)
    proc.stdout.readline()
    proc.stdin.close()
    start = time.monotonic()
    proc.wait(timeout=20)
    assert proc.returncode == EXIT_CANCELLED
    assert time.monotonic() - start < 5
    assert _events(proc.stdout.read())[-1] == {"event": "cancelled", "reason": "stdin closed"}


PARENT = """
import subprocess, sys, time
cmd, events, hold_stdin = sys.argv[1:-2], sys.argv[-2], sys.argv[-1] == "hold"
stdin = None if hold_stdin else subprocess.PIPE  # "hold": the worker shares our stdin (no EOF when we die)
child = subprocess.Popen(cmd, stdin=stdin, stdout=open(events, "w"), stderr=subprocess.DEVNULL)
print(child.pid, flush=True)
time.sleep(600)
"""


def _kill_parent_of_a_running_worker(tmp_path, cmd, hold_stdin: bool, started_timeout: float) -> int:
    """Start ``cmd`` under an intermediate python parent, SIGKILL that parent once training runs."""
    events = tmp_path / "events.jsonl"
    parent = _popen([sys.executable, "-c", PARENT, *cmd, str(events), "hold" if hold_stdin else "pipe"],
                    stderr=subprocess.DEVNULL)
    worker_pid = int(parent.stdout.readline())
    deadline = time.monotonic() + started_timeout
    while '"batch"' not in (events.read_text() if events.exists() else ""):
        assert time.monotonic() < deadline, "the worker never started training"
        assert not _gone(worker_pid), "the worker died before training"
        time.sleep(0.2)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait(timeout=10)
    try:
        return _wait_gone(worker_pid, 10)
    finally:
        if not _gone(worker_pid):
            os.kill(worker_pid, signal.SIGKILL)


@pytest.mark.parametrize("hold_stdin", [False, True], ids=["stdin-pipe", "stdin-shared"])
def test_the_worker_dies_with_its_parent(tmp_path, hold_stdin):
    # stdin-shared: our stdin stays open when the parent dies, so only the
    # parent-death signal and the pid watchdog can notice.
    cmd = _args(tmp_path, "--epochs", "5000", "--delay", "0.05")
    took = _kill_parent_of_a_running_worker(tmp_path, cmd, hold_stdin, started_timeout=30)
    assert took is not None and took < 10


def test_the_pid_watchdog_alone_notices_a_dead_parent(monkeypatch):
    from petloc_gui.model import worker_lifecycle as lifecycle

    exits = []
    monkeypatch.setattr(lifecycle, "PARENT_POLL_SECONDS", 0.01)
    monkeypatch.setattr(lifecycle.os, "_exit", exits.append)
    monkeypatch.setattr(lifecycle.os, "getppid", lambda: 1)  # re-parented: our parent is gone
    life = lifecycle.Lifecycle(lambda event: None)
    life._watch_parent(4242)
    assert exits == [EXIT_CANCELLED]


@pytest.mark.slow
def test_a_real_worker_dies_with_its_parent(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    data = tmp_path / "digits"
    write_digits_dataset(data, "train", count=24, seed=2)
    cmd = [*WORKER, "--data", str(data), "--preset", "digits", "--out", str(tmp_path / "out"),
           "--epochs", "500", "--batch-size", "4", "--no-compare"]
    took = _kill_parent_of_a_running_worker(tmp_path, cmd, hold_stdin=True, started_timeout=240)
    assert took is not None and took < 10


def test_missing_data_folder_is_an_error_event_not_a_traceback_on_stdout(tmp_path):
    cmd = [*WORKER, "--data", str(tmp_path / "nope"), "--preset", "digits", "--out", str(tmp_path / "o")]
    proc = _popen(cmd)
    out, _ = _finish(proc, 60)
    assert proc.returncode == EXIT_ERROR
    (event,) = _events(out)
    assert event["event"] == "error" and "nope" in event["message"]


@pytest.mark.parametrize("bad", [["--epochs", "0"], ["--val-fraction", "1.5"]])
def test_bad_arguments_exit_with_the_usage_code(tmp_path, bad):
    proc = _popen(_args(tmp_path, *bad, program=WORKER))
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == EXIT_USAGE
    assert out == ""


def test_the_worker_has_no_fake_training_loop(tmp_path):
    proc = _popen(_args(tmp_path, "--fake", program=WORKER))
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == EXIT_USAGE and "--fake" in err


def test_disk_full_reads_as_such():
    import errno

    full = OSError(errno.ENOSPC, "No space left on device", "/x/model.keras")
    assert describe_error(full) == "the disk is full: /x/model.keras could not be written"
    try:
        raise RuntimeError("cannot save the model bundle") from full
    except RuntimeError as wrapped:
        assert "disk is full" in describe_error(wrapped)
    assert describe_error(ValueError("bad label")) == "bad label"


def test_a_full_disk_while_saving_names_the_store_folder_not_a_temporary_file(tmp_path):
    """It said "the disk is full: the new model could not be written" (or named a hidden temporary
    file) and "failed in epoch 1", though training had finished: which disk to free was not said."""
    import errno

    from petloc_gui.model.bundle import BundleError

    try:
        raise BundleError("cannot save the model bundle: No space left on device", tmp_path / "models" / "new") \
            from OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "models" / ".new.x.tmp"))
    except BundleError as failed:
        text = describe_error(failed)
    assert text == f"the disk holding {tmp_path / 'models'} is full; free some space there and train again", text
    assert ".tmp" not in text


def test_only_a_failure_to_save_the_bundle_counts_as_one_while_saving(tmp_path):
    """The error event's "while" (tests/ui/test_training_failure_stage.py): the save target or its temporary
    sibling, not a parent model in the same store folder that failed to load."""
    from petloc_gui.model.bundle import BundleError
    from petloc_gui.model.train_worker import failed_saving

    out = tmp_path / "models" / "pets" / ".staging-1"
    assert failed_saving(BundleError("cannot save the model bundle: x", out), out)
    assert failed_saving(BundleError("cannot write", out.parent / f".{out.name}.ab12.tmp" / "meta.json"), out)
    assert not failed_saving(BundleError("model.keras is missing", out.parent / "20261201-1"), out)
    assert not failed_saving(OSError("x"), out)


@pytest.mark.slow
def test_real_training_on_unusable_data_reports_an_error(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "lonely.xml").write_text("<annotation><object><name>x</name></object>")  # no image, broken
    cmd = [*WORKER, "--data", str(data), "--preset", "digits", "--out", str(tmp_path / "out"), "--epochs", "1"]
    proc = _popen(cmd)
    out, err = _finish(proc, 240)
    assert proc.returncode == EXIT_ERROR, err[-2000:]
    (event,) = _events(out)
    assert event["event"] == "error" and "annotated images" in event["message"]
    assert "Traceback" not in err and "annotated images" in err  # a data problem, not a bug: the message only
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
    # config.label first (model.bundle.trained_label), as refining and the training record read it
    only_config = tmp_path / "only_config"
    only_config.mkdir()
    (only_config / "meta.json").write_text(json.dumps({"preset": "pets", "config": {"label": "breed"}}))
    assert label_source_for("pets", str(only_config)) == "breed"


def test_events_never_carry_nan_which_json_cannot_hold():
    import io

    import numpy as np

    from petloc_gui.model.train_worker import EventWriter

    stream = io.StringIO()
    EventWriter(stream)({"event": "epoch", "loss": float("nan"), "val": np.float32("inf"), "n": np.int64(3),
                         "per_class": {"a": [float("-inf"), 0.5]}})
    assert json.loads(stream.getvalue()) == {"event": "epoch", "loss": None, "val": None, "n": 3,
                                             "per_class": {"a": [None, 0.5]}}


@pytest.mark.slow
def test_cancel_reaches_real_training_and_nothing_is_saved(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    data = tmp_path / "digits"
    write_digits_dataset(data, "train", count=30, seed=2)
    cmd = [*WORKER, "--data", str(data), "--preset", "digits", "--out", str(tmp_path / "out"),
           "--epochs", "50", "--batch-size", "4", "--no-compare"]
    proc = _popen(cmd, stderr=subprocess.DEVNULL)
    try:
        asked = _cancel_after_first_batch(proc)
        rest = proc.stdout.read()
        proc.wait(timeout=60)
        took = time.monotonic() - asked
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == EXIT_CANCELLED
    assert took < CANCEL_GRACE_SECONDS + 3
    assert _events(rest)[-1]["event"] == "cancelled"
    assert not any(e["event"] == "done" for e in _events(rest))
    assert not (tmp_path / "out" / "model.keras").exists()


def test_a_disk_too_full_for_the_bundles_temporary_folder_reads_as_a_failure_to_save(tmp_path, monkeypatch):
    """tempfile.mkdtemp fails first on a full disk: it was a raw OSError naming the hidden temporary folder."""
    import errno

    from petloc_gui.model import bundle_write
    from petloc_gui.model.bundle import BundleError
    from petloc_gui.model.train_worker import failed_saving

    def full(**_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "models" / ".new.abcd.tmp"))

    monkeypatch.setattr(bundle_write.tempfile, "mkdtemp", full)
    out = tmp_path / "models" / "new"
    with pytest.raises(BundleError) as failed:
        bundle_write.save_bundle(object(), {"preset": "digits"}, out)
    assert failed_saving(failed.value, out)
    assert describe_error(failed.value) == (f"the disk holding {tmp_path / 'models'} is full; free some space "
                                            "there and train again")
