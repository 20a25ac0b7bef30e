"""A non-chief worker's last line names the chief it trained with and where that chief wrote the bundle: a
leftover worker 0 of an earlier run took a new worker 1, which said only "the chief worker writes the
bundle" while the bundle went into the earlier run's --out."""

from __future__ import annotations

from petloc_gui.cli.train_report import TrainReporter
from petloc_gui.model.worker_end import Chief


def test_the_non_chief_names_the_chief_and_its_bundle_folder(capsys):
    chief = {"task": "worker 0", "address": "127.0.0.1:23456", "pid": 4321, "bundle": "/abs/runs/o0/digits-1"}
    TrainReporter()({"event": "done", "bundle": None, "chief": chief, "metrics": {}})
    lines = capsys.readouterr().err.splitlines()
    assert lines[-1] == ("this worker is done; the chief, worker 0 (127.0.0.1:23456, pid 4321), wrote the bundle "
                         "to /abs/runs/o0/digits-1")


def test_a_folder_name_with_a_newline_stays_on_its_line(capsys):
    chief = {"task": "worker 0", "address": "", "pid": 7, "bundle": "/abs/o\n0"}
    TrainReporter()({"event": "done", "bundle": None, "chief": chief, "metrics": {}})
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.startswith("this worker is done; the chief, worker 0 (pid 7), wrote the bundle to /abs/o")
    assert last.endswith("0")



def test_the_line_names_the_chief_as_the_worker_s_own_errors_do(capsys):
    """One wording of a chief, `worker_end.Chief.named`, for this line and `ChiefFailedError`'s."""
    chief = Chief("chief 0", "10.0.0.1:2222", 99, "/abs/o")
    TrainReporter()({"event": "done", "bundle": None, "chief": chief.record(), "metrics": {}})
    last = capsys.readouterr().err.splitlines()[-1]
    assert last == f"this worker is done; the chief, {chief.named()}, wrote the bundle to /abs/o"


def test_no_chief_heard_is_said_without_one(capsys):
    TrainReporter()({"event": "done", "bundle": None, "chief": None, "metrics": {}})
    assert capsys.readouterr().err.splitlines()[-1] == "this worker is done; the chief worker writes the bundle"
