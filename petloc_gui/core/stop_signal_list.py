"""Which signals stop petloc: one list for a command's handlers (`cli.stop_signals`) and the multi-worker wait's
(`model.distributed`), two layers that cannot import each other, so that a signal added to one (SIGBREAK
was) is not missed by the other."""

from __future__ import annotations

import signal


def stop_signal_numbers() -> tuple[int, ...]:
    """SIGINT and SIGTERM; and SIGHUP (the terminal closed, an ssh connection dropped) and SIGBREAK (Windows'
    Ctrl+Break): left to the system they ended a command on the spot, with none of the clean-up SIGTERM gets
    (a half-written export stayed). Each where the system has it (SIGHUP: POSIX; SIGBREAK: Windows) and the
    process was not started to ignore it (`nohup`: a run meant to outlive its terminal goes on when the
    terminal closes)."""
    kept = (getattr(signal, name, None) for name in ("SIGHUP", "SIGBREAK"))
    return (signal.SIGINT, signal.SIGTERM,
            *(signum for signum in kept if signum is not None and signal.getsignal(signum) != signal.SIG_IGN))
