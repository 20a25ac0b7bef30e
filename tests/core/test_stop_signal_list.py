"""The stop signals a command handles and the multi-worker wait puts back: one list (`core.stop_signal_list`).
Linux has no SIGBREAK (Windows' Ctrl+Break): SIGUSR1 stands in for it."""

from __future__ import annotations

import signal

from petloc_gui.core.stop_signal_list import stop_signal_numbers


def test_ctrl_break_is_a_stop_signal_where_there_is_one_and_it_is_not_ignored(monkeypatch):
    monkeypatch.setattr(signal, "SIGBREAK", signal.SIGUSR1, raising=False)
    assert signal.SIGUSR1 in stop_signal_numbers()
    previous = signal.signal(signal.SIGUSR1, signal.SIG_IGN)  # a process started to ignore it
    try:
        assert signal.SIGUSR1 not in stop_signal_numbers()
    finally:
        signal.signal(signal.SIGUSR1, previous)


def test_without_sigbreak_they_are_ctrl_c_sigterm_and_sighup_unless_nohup(monkeypatch):
    monkeypatch.delattr(signal, "SIGBREAK", raising=False)
    previous = signal.signal(signal.SIGHUP, signal.SIG_DFL)
    try:
        assert stop_signal_numbers() == (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
        signal.signal(signal.SIGHUP, signal.SIG_IGN)  # `nohup`: a hang-up must not end the run
        assert stop_signal_numbers() == (signal.SIGINT, signal.SIGTERM)
    finally:
        signal.signal(signal.SIGHUP, previous)
