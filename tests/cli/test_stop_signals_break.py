"""Windows' Ctrl+Break (SIGBREAK) stops a command as Ctrl+C does: left to the system it ended `petloc export`
or `convert` on the spot, a half-written export and a convert's OUT left behind, no word said. Where the
signal module has SIGBREAK it is handled as SIGTERM is: `CtrlBreak` (a KeyboardInterrupt, so every clean-up
runs), its own line, exit 149. Linux has no SIGBREAK: it is stood in for by SIGUSR1 here."""

from __future__ import annotations

import os
import signal

import pytest

from petloc_gui.cli import stop_signals as module
from petloc_gui.cli.stop_signals import CtrlBreak, exit_status, interrupt_for, stoppable
from petloc_gui.core.stop_signal_list import stop_signal_numbers


@pytest.fixture
def windows_break(monkeypatch):
    """SIGUSR1 as the signal module's SIGBREAK, and the stop signals read again with it."""
    monkeypatch.setattr(signal, "SIGBREAK", signal.SIGUSR1, raising=False)
    monkeypatch.setattr(module, "STOP_SIGNALS", stop_signal_numbers())
    return signal.SIGUSR1


def test_sigbreak_is_a_stop_signal_where_there_is_one(windows_break):
    assert windows_break in module.STOP_SIGNALS
    assert isinstance(interrupt_for(windows_break), CtrlBreak)
    assert issubclass(CtrlBreak, KeyboardInterrupt)  # every `except KeyboardInterrupt` clean-up runs for it
    assert exit_status(windows_break) == 149


def test_a_sigbreak_the_process_was_started_to_ignore_is_left_ignored(monkeypatch):
    monkeypatch.setattr(signal, "SIGBREAK", signal.SIGUSR1, raising=False)
    previous = signal.signal(signal.SIGUSR1, signal.SIG_IGN)
    try:
        assert signal.SIGUSR1 not in stop_signal_numbers()
    finally:
        signal.signal(signal.SIGUSR1, previous)


def test_without_sigbreak_the_stop_signals_are_as_before(monkeypatch):
    monkeypatch.delattr(signal, "SIGBREAK", raising=False)
    previous = signal.signal(signal.SIGHUP, signal.SIG_DFL)  # a run under `nohup` starts ignoring it
    try:
        assert stop_signal_numbers() == (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    finally:
        signal.signal(signal.SIGHUP, previous)


def test_ctrl_break_runs_the_clean_up_says_so_and_exits_149(windows_break, capsys):
    steps = []

    def run(args):
        try:
            os.kill(os.getpid(), windows_break)  # handled before os.kill returns to Python code
            steps.append("went on")
        finally:
            steps.append("cleaned up")
        return 0

    def callers_handler(signum, frame):  # SIGUSR1 left to the system would end pytest itself
        steps.append("not handled by the command")

    before = signal.signal(windows_break, callers_handler)
    try:
        code = stoppable(run)(None)
        assert signal.getsignal(windows_break) is callers_handler  # the caller's handler back
    finally:
        signal.signal(windows_break, before)
    assert steps == ["cleaned up"]
    assert code == 149
    assert capsys.readouterr().err.strip() == "petloc: stopped by Ctrl+Break (SIGBREAK)"
