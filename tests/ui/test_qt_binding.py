"""Regression guard for the Qt binding itself.

PySide6 6.12.0 on Python 3.11 returns True from `Signal.emit` without a
reference, so every emit lowers True's count and the interpreter aborts
("bool_dealloc") after about a thousand emits. pyproject.toml excludes that
release; this test fails loudly if a broken binding is installed again.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_many_signal_emits_keep_true_and_none_alive():
    code = textwrap.dedent(
        """
        import sys
        from PySide6.QtCore import QCoreApplication, QObject, Signal

        class Emitter(QObject):
            ping = Signal(int)

        app = QCoreApplication([])
        emitter = Emitter()
        emitter.ping.connect(lambda value: None)
        before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
        for i in range(20_000):
            emitter.ping.emit(i)
        print(sys.getrefcount(True) - before_true, sys.getrefcount(None) - before_none)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"the Qt binding crashed the interpreter:\n{result.stderr[-2000:]}"
    true_delta, none_delta = (int(v) for v in result.stdout.split())
    # A few references may come and go; a leak per emit would be ~ -20,000.
    assert true_delta > -100 and none_delta > -100, (true_delta, none_delta)
