"""The boxes of petloc-gui's start name files and folders as they are. A start folder "<b>pets" that is not there,
a settings file kept aside in "<b>conf", a start that failed on a file "<b>x": each box began a tag on its first
line, and Qt drew it as markup (the name's tags gone; an "<img src=…>" in a name had it load a local file)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from .conftest import destroy_window
from .shown_text import shown


@pytest.fixture
def start(qtbot, factory, tmp_path):
    """Start a real window on the settings file ``ini`` and the start folder ``folder``, as petloc-gui does."""
    from petloc_gui.ui.app import _startup, parse_args
    from petloc_gui.ui.main_window import MainWindow
    from petloc_gui.ui.settings import Settings

    started = []

    def started_on(folder, ini):
        window = MainWindow(model_factory=factory, settings=Settings(str(ini)))
        started.append(window)
        window.show()
        _startup(window, parse_args([str(folder)]), screenshot_mode=False)
        return window

    yield started_on
    for window in started:
        destroy_window(window)


def test_a_start_folder_that_is_not_there_is_named_as_it_is(start, tmp_path, answers):
    missing = tmp_path / "<b>pets"
    start(missing, tmp_path / "petloc.conf")
    assert shown(answers["warnings"][0]) == f"{missing} is not a folder"


def test_a_settings_file_kept_aside_is_named_as_it_is(start, tmp_path, folder):
    ini = tmp_path / "<b>conf" / "petloc.conf"
    ini.parent.mkdir()
    ini.write_bytes(bytes(range(256)) * 2)
    window = start(folder, ini)
    [box] = [box for box in window.findChildren(QMessageBox) if box.objectName() == "settings_damaged"]
    kept = [p for p in ini.parent.iterdir() if p.name.startswith("petloc.conf.damaged-")]
    assert shown(box.text(), box.textFormat()).startswith(f"Kept as {kept[0]}: the settings file petloc.conf")
    box.close()


def test_a_failed_start_says_its_error_as_it_is(qtbot, monkeypatch):
    from petloc_gui.ui.app import _say_start_failed

    boxes = []

    def exec_box(box):
        boxes.append(shown(box.text(), box.textFormat()))
        return QMessageBox.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    assert _say_start_failed(OSError("cannot read /opt/<b>petloc/resources"), screenshot_mode=False) == 1
    assert boxes[0].startswith("petloc-gui could not start: OSError: cannot read /opt/<b>petloc/resources\n")
