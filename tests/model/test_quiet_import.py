"""model.quiet_import holds the one parking of TensorFlow's native stderr: `python -m petloc_gui.model.runtime`
had a copy of its own without the lock, the Python-stderr redirect or the Ctrl+C rule of the commands' one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from petloc_gui.cli import output
from petloc_gui.model import quiet_import

ROOT = Path(__file__).resolve().parents[2]


def test_the_commands_and_the_model_layer_share_one_parking():
    assert output.native_stderr_parked is quiet_import.native_stderr_parked
    assert output.quiet_tensorflow is quiet_import.quiet_tensorflow


def test_python_writes_reach_stderr_while_the_model_layer_parks_native_ones():
    script = """
import os, sys
from petloc_gui.model.quiet_import import native_stderr_parked

with native_stderr_parked():
    os.write(2, b"native notice\\n")
    print("python line", file=sys.stderr)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})
    assert (done.returncode, done.stderr) == (0, "python line\n")


@pytest.mark.parametrize(("raised", "shown"), [(RuntimeError, True), (KeyboardInterrupt, False)])
def test_parked_chatter_explains_a_failure_not_a_ctrl_c(capfd, monkeypatch, raised, shown):
    monkeypatch.delenv("PETLOC_DEBUG", raising=False)
    with pytest.raises(raised), quiet_import.native_stderr_parked():
        os.write(2, b"Could not find cuda drivers\n")
        raise raised("stop")
    assert ("Could not find cuda drivers" in capfd.readouterr().err) == shown


def test_the_log_level_is_3_unless_the_user_set_one(monkeypatch):
    monkeypatch.delenv("TF_CPP_MIN_LOG_LEVEL", raising=False)
    quiet_import.quiet_tensorflow()
    assert os.environ["TF_CPP_MIN_LOG_LEVEL"] == "3"  # 2 lets "failed call to cuInit" (ERROR) through
    monkeypatch.setenv("TF_CPP_MIN_LOG_LEVEL", "0")
    quiet_import.quiet_tensorflow()
    assert os.environ["TF_CPP_MIN_LOG_LEVEL"] == "0"
