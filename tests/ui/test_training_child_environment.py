"""The window starts its training child as `retrain_policy.worker_command` in `child_python.child_environment`
says, and passes the rest of its environment through byte for byte.

The window's QProcessEnvironment and the benchmark's dict each built the child's PYTHONPATH and command
line; the window now asks the same two functions. A round trip of the whole environment through QString
on the way would turn a non-UTF-8 value (PETLOC_DATA_DIR naming a folder "pets\\xff") into U+FFFD.
"""

from __future__ import annotations

import os

import pytest

from petloc_gui.core.child_python import PACKAGE_ROOT

from .training_child import run_training_child


def _child_report(qtbot, arguments: list[str]) -> dict:
    outcome, events, lines = run_training_child(qtbot, arguments, "tests.child_environment_report")
    assert outcome.exit_code == 0, lines
    [report] = events
    return report


def test_a_non_utf8_value_of_the_window_s_environment_reaches_the_child_unchanged(qtbot, monkeypatch):
    if os.name == "nt":
        pytest.skip("Windows environments hold text, not bytes")
    monkeypatch.setitem(os.environb, b"PETLOC_DATA_DIR", b"/data/pets\xff")
    report = _child_report(qtbot, [])
    assert bytes.fromhex(report["PETLOC_DATA_DIR"]) == b"/data/pets\xff"


@pytest.mark.parametrize("given", [None, "", os.pathsep + "ELSEWHERE", "ELSEWHERE" + os.pathsep])
def test_the_window_s_child_gets_the_package_root_first_and_no_empty_entry(qtbot, monkeypatch, tmp_path, given):
    elsewhere = str(tmp_path / "lib")
    if given is None:
        monkeypatch.delenv("PYTHONPATH", raising=False)
    else:
        monkeypatch.setenv("PYTHONPATH", given.replace("ELSEWHERE", elsewhere))
    report = _child_report(qtbot, [])
    expected = [str(PACKAGE_ROOT)] + ([elsewhere] if given and "ELSEWHERE" in given else [])
    assert bytes.fromhex(report["PYTHONPATH"]).decode() == os.pathsep.join(expected)


def test_the_window_s_child_is_told_the_window_s_pid_and_gets_its_arguments(qtbot):
    report = _child_report(qtbot, ["--data", "/data/pets"])
    assert report["argv"] == ["--parent-pid", str(os.getpid()), "--data", "/data/pets"]
