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


def test_workers_wait_leaves_ctrl_break_to_the_system_and_puts_its_handler_back(windows_break):
    """The multi-worker wait (`distributed._stop_handlers_kept`) takes the same stop signals as every command."""
    def callers_handler(signum, frame):
        pass

    before = signal.signal(windows_break, callers_handler)
    try:
        with distributed._stop_handlers_kept(default_meanwhile=True):
            assert signal.getsignal(windows_break) == signal.SIG_DFL  # ends the process while TensorFlow waits
        assert signal.getsignal(windows_break) is callers_handler
    finally:
        signal.signal(windows_break, before)


def test_workers_wait_leaves_an_ignored_ctrl_break_ignored(windows_break):
    previous = signal.signal(windows_break, signal.SIG_IGN)  # started ignoring it, as `petloc`'s own stop signals
    try:
        with distributed._stop_handlers_kept(default_meanwhile=True):
            assert signal.getsignal(windows_break) == signal.SIG_IGN
    finally:
        signal.signal(windows_break, previous)
