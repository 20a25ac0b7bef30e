"""A failure between building the window and its event loop ends petloc-gui, saying why.

It hung instead: the exception left main() without window.shutdown(), and the prediction worker,
waiting for work, kept the thread pool's teardown waiting for ever (no window, no exit; under
pythonw no traceback either). Seen on Windows, where the retraining menu's import failed.
"""

from __future__ import annotations

import subprocess
import sys

FAIL_AT_START = '''
import sys
from PySide6.QtWidgets import QMessageBox
from petloc_gui.ui import app

def broken(window):
    raise RuntimeError("simulated broken installation")

app.install_retraining = broken
boxes = []

def exec_box(box):
    boxes.append((box.objectName(), box.text(), box.detailedText()))
    return QMessageBox.Ok

QMessageBox.exec = exec_box
code = app.main(sys.argv[1:])
print("EXIT", code)
for name, text, details in boxes:
    print("BOX", name, "|", text.replace("\\n", " "), "|", ", in broken" in details)
'''


def _start(tmp_path, *args):
    return subprocess.run([sys.executable, "-c", FAIL_AT_START, str(tmp_path), *args], capture_output=True,
                          text=True, timeout=60)


def test_a_failed_start_ends_with_a_box_and_the_traceback(tmp_path):
    out = _start(tmp_path)
    assert "EXIT 1" in out.stdout, out.stdout + out.stderr[-2000:]
    box = [line for line in out.stdout.splitlines() if line.startswith("BOX")]
    assert len(box) == 1 and box[0].startswith("BOX start_failed |"), out.stdout
    assert "RuntimeError: simulated broken installation" in box[0] and box[0].endswith("| True")
    assert "petloc-gui: could not start: RuntimeError: simulated broken installation" in out.stderr
    assert "Traceback" in out.stderr


def test_a_failed_start_in_screenshot_mode_exits_1_without_a_box(tmp_path):
    out = _start(tmp_path, "--screenshot", str(tmp_path / "shot.png"))
    assert "EXIT 1" in out.stdout, out.stdout + out.stderr[-2000:]
    assert "BOX" not in out.stdout
    assert "petloc-gui: could not start: RuntimeError" in out.stderr
