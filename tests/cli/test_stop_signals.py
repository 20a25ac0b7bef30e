"""cli.stop_signals: SIGTERM (CI cancelling a job, `docker stop`, `timeout`) stops a command as Ctrl+C
does, with its own line and exit status 143; a held block is done whole; a command whose work is done
ignores both until it returns, and again while the process exits, but its caller gets its own handlers back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from petloc_gui.cli.stop_signals import (
    Terminated,
    exit_status,
    held,
    interrupt_for,
    stop_signals,
    stoppable,
    stopped,
    work_done,
)

ROOT = Path(__file__).resolve().parents[2]


def _send(signum: int) -> None:
    os.kill(os.getpid(), signum)  # handled before os.kill returns to Python code


def test_sigterm_raises_terminated_a_keyboard_interrupt():
    with pytest.raises(Terminated), stop_signals():
        _send(signal.SIGTERM)
    assert issubclass(Terminated, KeyboardInterrupt)  # every `except KeyboardInterrupt` clean-up runs for it


def test_handlers_are_put_back():
    before = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    with stop_signals(), stop_signals():  # nested: one set of handlers, put back by the outer block
        pass
    assert {signum: signal.getsignal(signum) for signum in before} == before


@pytest.mark.parametrize(("signum", "raised"), [(signal.SIGINT, KeyboardInterrupt), (signal.SIGTERM, Terminated)])
def test_a_held_block_is_done_whole(signum, raised):
    steps = []
    with pytest.raises(raised), stop_signals():
        with held():
            _send(signum)
            steps.append("after the signal")
        steps.append("after the block")
    assert steps == ["after the signal"]


def test_once_the_work_is_done_a_stop_is_ignored_until_the_command_returns():
    before = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    with stop_signals():
        work_done()
        _send(signal.SIGTERM)
        _send(signal.SIGINT)
    # the caller's handlers again: a test, a REPL, the window can still be stopped with Ctrl+C
    assert {signum: signal.getsignal(signum) for signum in before} == before


EXITING = """
import atexit, os, signal, sys
from petloc_gui.cli.stop_signals import stop_signals, work_done

# registered first, so it runs last: as TensorFlow's teardown does at exit
atexit.register(lambda: (os.kill(os.getpid(), signal.SIGINT), os.kill(os.getpid(), signal.SIGTERM),
                         print("exited whole", file=sys.stderr)))
with stop_signals():
    {work}
assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
"""


@pytest.mark.parametrize("done", [True, False])
def test_a_stop_while_the_process_exits_is_ignored_once_the_work_is_done(done):
    script = EXITING.format(work="work_done()" if done else "pass")
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT,
                         env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})
    if done:  # the exit status is the work's
        assert (ran.returncode, ran.stderr) == (0, "exited whole\n")
    else:  # a command whose work is not done leaves the exit as it is: the stop is Python's to handle
        assert "KeyboardInterrupt" in ran.stderr


@pytest.mark.parametrize(("signum", "status", "line"), [(signal.SIGINT, 130, "petloc: interrupted"),
                                                         (signal.SIGTERM, 143, "petloc: terminated (SIGTERM)")])
def test_a_stoppable_command_says_what_stopped_it(signum, status, line, capsys):
    cleaned = []

    @stoppable
    def run(args):
        try:
            _send(signum)
        finally:
            cleaned.append(True)
        return 0

    assert run(None) == status
    assert cleaned == [True]
    assert capsys.readouterr().err == line + "\n"


def test_a_stop_that_comes_out_as_another_error_still_says_it_stopped(capsys):
    @stoppable
    def run(args):
        try:
            _send(signal.SIGTERM)
        except Terminated:  # as TensorFlow's C code, called back, turns it into an error of its own
            raise SystemError("Objects/listobject.c:338: bad argument to internal function") from None
        return 0

    assert run(None) == 143
    assert capsys.readouterr().err == "petloc: terminated (SIGTERM)\n"


def test_an_error_once_the_work_is_done_is_an_error_even_after_a_held_stop():
    @stoppable
    def run(args):
        with held():
            _send(signal.SIGTERM)
            work_done()
        raise OSError(28, "No space left on device")  # writing the results, after the outputs are complete

    with pytest.raises(OSError):
        run(None)


def test_other_errors_are_left_to_the_caller():
    @stoppable
    def run(args):
        raise ValueError("a bug")

    with pytest.raises(ValueError, match="a bug"):
        run(None)


def test_stopped_gives_the_status_a_shell_gives(capsys):
    assert (stopped(KeyboardInterrupt()), stopped(Terminated())) == (130, 143)
    assert (exit_status(signal.SIGINT), exit_status(signal.SIGTERM)) == (130, 143)
    assert type(interrupt_for(signal.SIGINT)) is KeyboardInterrupt
    assert type(interrupt_for(signal.SIGTERM)) is Terminated
