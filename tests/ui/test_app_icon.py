"""petloc has an application icon (the window showed the window manager's default) and a desktop entry.

`ui.app_icon.app_icon()` reads the packaged icon files (resources/icons/); the wheel ships them
(tests/cli/test_wheel.py), and resources/petloc-gui.desktop starts the installed GUI script.
"""

from __future__ import annotations

import configparser
import tomllib
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from petloc_gui.ui.app_icon import app_icon

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4).astype(int)


def test_the_icon_is_found_in_the_package_resources(qapp):
    icon = app_icon()
    assert not icon.isNull()
    assert QSize(256, 256) in icon.availableSizes()
    pixmap = icon.pixmap(64, 64)
    assert not pixmap.isNull() and pixmap.width() == 64
    corner, centre = _pixels(pixmap.toImage())[0, 0], _pixels(pixmap.toImage())[32, 32]
    assert corner[3] == 0 and centre[3] == 255  # a rounded tile on a transparent background


def test_without_the_files_the_icon_is_null_not_an_error(qapp, monkeypatch, tmp_path):
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(tmp_path))
    assert app_icon().isNull()


def test_the_png_is_the_svg_rendered_at_256(qapp):
    renderer = QSvgRenderer(str(ICONS / "petloc.svg"))
    assert renderer.isValid() and renderer.defaultSize() == QSize(256, 256)
    drawn = QImage(256, 256, QImage.Format.Format_ARGB32)
    drawn.fill(Qt.GlobalColor.transparent)
    painter = QPainter(drawn)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    shipped = QImage(str(ICONS / "petloc-256.png"))
    assert shipped.size() == QSize(256, 256)
    assert np.abs(_pixels(shipped) - _pixels(drawn)).mean() < 1.0  # redraw the PNG after editing the SVG


def test_the_desktop_entry_starts_the_installed_gui():
    entry = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ROOT / "resources" / "petloc-gui.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    gui_script = next(iter(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["gui-scripts"]))
    assert desktop["Type"] == "Application" and desktop["Name"] == "petloc"
    assert desktop["Exec"] == f"{gui_script} %f"  # one folder: petloc-gui takes at most one
    assert desktop["TryExec"] == gui_script and desktop["Terminal"] == "false"
    assert desktop["Icon"] == "petloc" and desktop["Categories"].endswith(";")
    # inode/directory registered petloc for every folder: some desktops then opened folders in it
    assert "MimeType" not in desktop
