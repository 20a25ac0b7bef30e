"""A `save_bundle` whose process was ended while it wrote model.keras (`petloc train` aborted by a second
Ctrl+C or a SIGTERM: os._exit), made by the real `save_bundle` in a child process that has ended since."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_ABORTED_WRITE = """\
import os, sys
from pathlib import Path
from petloc_gui.model.bundle_write import save_bundle

class AbortedWhileSaving:
    optimizer = None

    def save(self, path):
        Path(path).write_bytes(b"PK half of a model.keras")
        os._exit(143)  # as train_stop.abort ends the process: no clean-up runs

save_bundle(AbortedWhileSaving(), {"preset": "digits"}, Path(sys.argv[1]))
"""


def aborted_write(out_dir: Path) -> Path:
    """The temporary folder left beside ``out_dir`` by a write into it whose process was ended (it has
    exited when this returns)."""
    before = set(os.listdir(out_dir.parent)) if out_dir.parent.is_dir() else set()
    path = os.environ.get("PYTHONPATH")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), *([path] if path else [])]))
    done = subprocess.run([sys.executable, "-c", _ABORTED_WRITE, str(out_dir)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 143, done.stderr
    (left,) = set(os.listdir(out_dir.parent)) - before
    assert left.startswith(f".{out_dir.name}.") and left.endswith(".tmp"), left
    assert (out_dir.parent / left / "model.keras").is_file()
    return out_dir.parent / left
