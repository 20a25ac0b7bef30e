"""A hang-up (SIGHUP: the terminal closed, an ssh connection dropped) stops `petloc train` as SIGTERM
does (exit 129), but its lines said "stopping: ... (Ctrl+C again to abort)" as if Ctrl+C had been
pressed, and while a multi-worker run waited for the others (TensorFlow's C++ code holding the GIL)
a hang-up took effect only when the wait ended: Ctrl+C and SIGTERM get the system's default there."""

from __future__ import annotations

import signal

import pytest

from petloc_gui.cli import train_stop

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP on this platform")


def test_the_stop_lines_name_the_hangup():
    line = train_stop.stop_line(train_stop.STOPPING, signal.SIGHUP)
    assert "stopping (SIGHUP)" in line and "another SIGHUP or Ctrl+C" in line
    assert train_stop.by_signal(signal.SIGTERM) == " (SIGTERM)"
    assert train_stop.by_signal(signal.SIGINT) == train_stop.by_signal(None) == ""


def test_a_hangup_gets_the_systems_default_during_the_wait_and_its_handler_back_after():
    from petloc_gui.model.distributed import _stop_handlers_kept

    def mine(signum, frame):  # pragma: no cover - never delivered
        pass

    before = signal.signal(signal.SIGHUP, mine)
    try:
        with _stop_handlers_kept(default_meanwhile=True):
            assert signal.getsignal(signal.SIGHUP) == signal.SIG_DFL
        assert signal.getsignal(signal.SIGHUP) is mine
    finally:
        signal.signal(signal.SIGHUP, before)


def test_a_run_started_under_nohup_keeps_ignoring_the_hangup():
    from petloc_gui.model.distributed import _stop_handlers_kept

    before = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        with _stop_handlers_kept(default_meanwhile=True):
            assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN  # the default would end the run
    finally:
        signal.signal(signal.SIGHUP, before)
