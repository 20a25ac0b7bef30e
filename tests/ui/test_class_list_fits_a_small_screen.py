"""Edit → Classes… at QT_SCALE_FACTOR=2 on a 1366 x 768 screen (683 x 384 logical px): the dialog opened 420 px
tall, its result line and Close button below the screen's edge. It is no taller than the screen's room now, as
Help and About (`shrink_to_screen`), the class list giving way (each screen in a process of its own: the screen
is read once per process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from petloc_gui.ui.editing.class_list_dialog import ClassListDialog
from petloc_gui.ui.window_geometry import TITLE_ALLOWANCE_PX

from .class_list_standins import Classes

SCREEN_VARIABLE = "PETLOC_TEST_SCREEN"


class ClassesDescribedByName(Classes):
    """The stand-in classes, each described (its tooltip line) by its own name."""

    def describe(self, name: str) -> str:
        return name


@pytest.mark.skipif(SCREEN_VARIABLE not in os.environ, reason="run by the test below, one screen a process")
def test_on_this_screen_close_is_on_the_screen(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    dialog = ClassListDialog(ClassesDescribedByName(["cat", "dog", "rabbit"]), owner)
    qtbot.addWidget(dialog)
    area = dialog.screen().availableGeometry()
    assert f"{area.width()}x{area.height()}" == os.environ[SCREEN_VARIABLE]
    assert dialog.height() <= area.height() - TITLE_ALLOWANCE_PX
    dialog.show()
    qtbot.waitExposed(dialog)
    inside = QRect(dialog.mapToGlobal(QPoint(0, 0)), dialog.size())
    close = QRect(dialog.close_button.mapToGlobal(QPoint(0, 0)), dialog.close_button.size())
    assert area.contains(inside) and inside.contains(close), (inside, close, area)


def test_close_is_on_a_683_x_384_screen(tmp_path):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [{"name": "small", "x": 0, "y": 0, "width": 683, "height": 384,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", **{SCREEN_VARIABLE: "683x384"})
    root = Path(__file__).resolve().parents[2]
    inner = f"{__file__}::{test_on_this_screen_close_is_on_the_screen.__name__}"
    done = subprocess.run([sys.executable, "-m", "pytest", inner, "-q", "-p", "no:cacheprovider"],
                          capture_output=True, text=True, cwd=root, env=env, timeout=300)
    assert done.returncode == 0 and " passed" in done.stdout, done.stdout[-3000:] + done.stderr[-2000:]
