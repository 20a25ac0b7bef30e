"""`petloc train` names the signal that asked it to stop, and the multi-worker wait stops on the same
signals as every command: Windows' Ctrl+Break (SIGBREAK) was said as "SIGTERM" ("stopping (SIGTERM)…
another SIGTERM or Ctrl+C") and left out of the workers' stop signals. Linux has no SIGBREAK: SIGUSR1
stands in for it."""

from __future__ import annotations

import signal

import pytest

from petloc_gui.cli.train_stop import by_signal, stop_line
from petloc_gui.model import distributed


@pytest.fixture
def windows_break(monkeypatch):
    monkeypatch.setattr(signal, "SIGBREAK", signal.SIGUSR1, raising=False)
    return signal.SIGUSR1


def test_train_names_ctrl_break(windows_break):
    assert by_signal(windows_break) == " (SIGBREAK)"
    assert stop_line("stopping{by}; {again} aborts", windows_break) == \
        "stopping (SIGBREAK); another SIGBREAK or Ctrl+C aborts"
    assert by_signal(signal.SIGTERM) == " (SIGTERM)"
    assert by_signal(signal.SIGHUP) == " (SIGHUP)"
    assert by_signal(signal.SIGINT) == ""


def test_workers_stop_on_ctrl_break_where_there_is_one(windows_break):
    assert windows_break in distributed._stop_signals()
    previous = signal.signal(windows_break, signal.SIG_IGN)
    try:  # started ignoring it: left ignored, as `petloc`'s own stop signals do
        assert windows_break not in distributed._stop_signals()
    finally:
        signal.signal(windows_break, previous)


def test_workers_stop_signals_without_sigbreak(monkeypatch):
    monkeypatch.delattr(signal, "SIGBREAK", raising=False)
    previous = signal.signal(signal.SIGHUP, signal.SIG_DFL)  # a run under `nohup` starts ignoring it
    try:
        assert distributed._stop_signals() == (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    finally:
        signal.signal(signal.SIGHUP, previous)
