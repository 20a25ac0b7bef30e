"""The "Unsaved changes" question shows Save All, Discard and Cancel, inside the box, at scale 2 too.

An accessibility hunt once saw the box at scale 2 with a dark theme showing only Save All and Cancel,
and the next Enter saved edits meant to be discarded (not reproduced since: `confirm_leave` always
asks for the three). Enter is Save All, as labelme's Save (an Enter never loses edits), and Esc is
Cancel. The box is the one `SaveGuard.confirm_leave` shows, in a process of its own at
QT_SCALE_FACTOR=2 (the scale is read when the application starts).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

SCRIPT = r"""
import json, sys
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

app = QApplication([])
if len(sys.argv) > 2:
    from PySide6.QtGui import QColor, QPalette
    app.setStyle("Fusion")
    dark = QPalette(QColor(53, 53, 53))  # a dark palette, as the hunt had
    app.setPalette(dark)
from petloc_gui.ui.review.save_guard import SaveGuard

names = [f"{'a_long_camera_name_' * int(sys.argv[1])}{i}.jpg" for i in range(12)]
store = SimpleNamespace(has_unsaved=lambda: True, dirty_indices=lambda: list(range(len(names))))
session = SimpleNamespace(store=store, model=SimpleNamespace(names=names), image_path=lambda row: Path("/"))
host = SimpleNamespace(session=session, autosave=lambda: False)
parent = QWidget()
parent.resize(700, 500)
parent.show()
seen = {}

def look():
    box = app.activeModalWidget()
    seen["scale"] = box.devicePixelRatio()
    inside = box.rect()
    seen["buttons"] = {
        button.text().replace("&", ""): button.isVisible()
        and inside.contains(button.geometry().translated(button.parentWidget().mapTo(box, QPoint(0, 0))))
        for button in box.buttons()
    }
    seen["default"] = box.defaultButton().text().replace("&", "")
    QTest.keyClick(box, Qt.Key_Escape)  # Cancel: confirm_leave says False

QTimer.singleShot(300, look)
seen["left"] = SaveGuard(host, parent).confirm_leave()
print(json.dumps(seen))
"""


@pytest.mark.parametrize(("name_length", "dark"), [(1, False), (1, True), (4, True)],
                         ids=["short names", "dark palette", "long names, dark"])
def test_all_three_buttons_are_in_the_box_at_scale_2(name_length, dark):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    args = [sys.executable, "-c", SCRIPT, str(name_length)] + (["dark"] if dark else [])
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["scale"] == 2
    assert seen["buttons"] == {"Save All": True, "Discard": True, "Cancel": True}
    assert seen["default"] == "Save All"  # Enter keeps the edits (labelme's Save)
    assert seen["left"] is False  # Esc is Cancel: the folder stays open with its edits
