"""Another petloc window, as far as the model store goes: a process of its own that has a model loaded (its
version marked, `app.version_marks`) until it closes or is killed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# It loads the model (marks its version), says so, and keeps it until its standard input closes: then it closes
# (its mark removed), unless it is to be killed.
_WINDOW = """
import sys
from petloc_gui.app.version_marks import LoadedVersionMark
mark = LoadedVersionMark()
mark.loaded(sys.argv[1])
print("loaded", flush=True)
sys.stdin.read()
if sys.argv[2] == "closes":
    mark.release()
"""


def other_window(spec: str, ending: str = "closes") -> subprocess.Popen:
    """The other window with the model ``spec`` loaded (the data folder of this process's environment); its
    ``communicate("")`` closes it, or ``kill()`` with ``ending="killed"`` (it would close the same way)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen([sys.executable, "-c", _WINDOW, spec, ending], env=env,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline() == "loaded\n"
    return process
