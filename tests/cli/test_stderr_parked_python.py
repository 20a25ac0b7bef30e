"""While TensorFlow's C++ notices on fd 2 are parked, Python's own stderr still reaches the user: in the
window a model loads in a thread while the main thread goes on, and `petloc-gui --screenshot --timeout 1`
exited 2 with its "timed out" line thrown away with the parked notices."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import os, sys, threading
from petloc_gui.cli.output import native_stderr_parked

with native_stderr_parked():
    os.write(2, b"native notice\\n")
    print("python line", file=sys.stderr)
    thread = threading.Thread(target=lambda: print("from a thread", file=sys.stderr))
    thread.start(); thread.join()
print("after", file=sys.stderr)
"""


def test_python_writes_reach_stderr_while_native_ones_are_parked():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": "."})
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == ["python line", "from a thread", "after"]


def test_a_failure_shows_the_parked_notices_too():
    script = SCRIPT.replace('print("after", file=sys.stderr)', "").replace(
        "thread.start(); thread.join()", "thread.start(); thread.join(); raise SystemExit(3)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": "."})
    assert done.returncode == 3
    assert done.stderr.splitlines() == ["python line", "from a thread", "native notice"]


def test_a_stream_taken_while_parked_still_writes_after():
    # TensorFlow makes its logging handler on sys.stderr at import, inside the park: that stream was
    # closed at its end, and every later TensorFlow error printed "--- Logging error --- ... closed file".
    script = """
import logging, sys
from petloc_gui.cli.output import native_stderr_parked

with native_stderr_parked():
    handler = logging.StreamHandler(sys.stderr)
logger = logging.getLogger("tf-like")
logger.addHandler(handler)
logger.error("after the park")
with native_stderr_parked():
    pass
logger.error("after another")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": "."})
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == ["after the park", "after another"]
