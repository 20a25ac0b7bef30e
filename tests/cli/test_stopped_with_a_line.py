"""cli.stop_signals.stopped: an interrupt raised again with a line of its own (code that knows what the stop
interrupted: the multi-worker wait) says that line, with the signal's exit status."""

from __future__ import annotations

from petloc_gui.cli.stop_signals import Terminated, stopped


def test_an_interrupt_with_a_line_says_that_line_with_the_signal_s_status(capsys):
    line = "stopped (SIGTERM) while waiting for worker 1 (127.0.0.1:23457) to start; nothing was trained"
    assert stopped(Terminated(line)) == 143
    assert stopped(KeyboardInterrupt("stopped while waiting")) == 130
    assert capsys.readouterr().err.splitlines() == [f"petloc: {line}", "petloc: stopped while waiting"]
