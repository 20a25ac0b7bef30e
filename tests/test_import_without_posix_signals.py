"""Every module imports where the POSIX-only signal names and os functions are missing, as on Windows.

A default argument ``signal.SIGKILL`` (model.worker_lifecycle) was read at import time: on Windows the
worker, the retraining menu and with them the window failed to load. The child Python here deletes
what Windows' CPython lacks before anything of petloc is imported, then imports every module.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import petloc_gui

WINDOWS_LACKS = '''
import os, signal
for name in ("SIGKILL", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGPIPE", "SIGCHLD", "SIGALRM", "SIGBUS",
             "SIGSTOP", "SIGCONT", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGWINCH", "SIGXCPU", "SIGPROF", "SIGTRAP",
             "SIGVTALRM", "SIGIO", "SIGURG", "SIGSYS", "SIGXFSZ", "SIGPOLL", "SIGPWR", "SIGRTMIN", "SIGRTMAX",
             "SIGIOT", "SIGCLD", "SIGSTKFLT", "pthread_kill", "pthread_sigmask", "sigwait", "setitimer",
             "getitimer", "alarm", "pause", "siginterrupt"):
    if hasattr(signal, name):
        delattr(signal, name)
# Not all that Windows lacks: numpy, TensorFlow and Qt choose their Linux paths by sys.platform and
# use os.uname, os.sysconf, os.fork; these are the ones petloc's own code might call.
for name in ("setsid", "nice", "sched_getaffinity", "killpg", "getuid", "geteuid", "getpgid", "setpgrp"):
    if hasattr(os, name):
        delattr(os, name)
'''

IMPORT_ALL = '''
import importlib, pkgutil, signal, sys
assert not hasattr(signal, "SIGKILL")
import petloc_gui
failed = []
for module in pkgutil.walk_packages(petloc_gui.__path__, "petloc_gui."):
    if module.name.endswith("__main__"):
        continue
    try:
        importlib.import_module(module.name)
    except BaseException as exc:
        failed.append(f"{module.name}: {exc!r}")
print("FAILED:", failed)
'''


def test_every_module_imports_without_posix_only_names(tmp_path):
    (tmp_path / "sitecustomize.py").write_text(WINDOWS_LACKS)
    root = Path(petloc_gui.__file__).parent.parent
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), str(root)]), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", IMPORT_ALL], capture_output=True, text=True, env=env, timeout=300)
    assert "FAILED: []" in out.stdout, out.stdout + out.stderr[-3000:]


def test_the_parent_death_signal_defaults_to_sigkill_on_linux(monkeypatch):
    """The default moved inside the Linux branch; it is still SIGKILL there."""
    import ctypes
    import signal

    from petloc_gui.model import worker_lifecycle

    sent = []

    class Libc:
        def prctl(self, option, sig, *rest):
            sent.append((option, sig))
            return 0

    monkeypatch.setattr(worker_lifecycle.sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", lambda *a, **k: Libc())
    assert worker_lifecycle.set_parent_death_signal() is True
    assert sent == [(worker_lifecycle.PR_SET_PDEATHSIG, int(signal.SIGKILL))]
    monkeypatch.setattr(worker_lifecycle.sys, "platform", "win32")
    assert worker_lifecycle.set_parent_death_signal() is False
