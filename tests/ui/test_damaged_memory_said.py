"""A damaged settings file or folder_models.json, kept aside by Settings and FolderMemory, is said to the
user: the window's status line names it at start, when a model is remembered, and in the folder's model
choice note (they only held the sentence, and nobody showed it: the user saw the last folder or the
folder's model forgotten with no word)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.app.model_choice import choose_for_labels
from petloc_gui.core.paths import user_data_dir

from .conftest import destroy_window


def _damaged_memory():
    path = user_data_dir() / "folder_models.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"/data/pets": "pets"})[:-1] + ",}", encoding="utf-8")
    return path


def test_the_folder_s_model_choice_says_its_memory_is_damaged(tmp_path):
    path = _damaged_memory()
    choice = choose_for_labels({"cat"}, tmp_path, memory=FolderMemory(path))
    assert str(path) in choice.note and "damaged" in choice.note


def test_remembering_a_model_over_a_damaged_memory_says_where_it_went(qtbot, window, folder):
    path = _damaged_memory()
    window.models.remember("digits", folder)
    said = window.models.memory_box.text()
    assert str(path) in said and "folder_models.json.damaged-" in said


def test_the_note_outlives_a_pick_foreign_to_the_folder(qtbot, window, folder, monkeypatch):
    # The real path: a model picked in the menu is remembered once loaded, and a pick that knows none
    # of the folder's classes says so in the same call: that message replaced the note on the status
    # line at once, so where the other folders' models went was never seen.
    from . import conftest

    made = conftest.FakeHandle.__init__

    def knowing_zebras(self, *args, **kwargs):
        made(self, *args, **kwargs)
        self.info = dataclasses.replace(self.info, class_names=("zebra", "yak"))

    monkeypatch.setattr(conftest.FakeHandle, "__init__", knowing_zebras)
    conftest.open_and_wait(qtbot, window, folder)
    path = _damaged_memory()
    window.models.choose("zoo")
    qtbot.waitUntil(lambda: "none of this folder's" in window.statusBar().currentMessage(), timeout=10_000)
    box = window.models.memory_box
    assert box is not None and box.isVisible() and not box.isModal()
    assert str(path) in box.text() and "folder_models.json.damaged-" in box.text()
    assert [p.name for p in path.parent.glob("folder_models.json.damaged-*")] == \
        [box.text().split("kept as ")[1].split(" ")[0]]


@pytest.fixture
def start_on_damaged_settings(qtbot, factory, tmp_path):
    """Start a real window on a damaged settings file; it is shut down as the `window` fixture's is (a
    window left open kept its application-wide Ctrl+Q, which made the next tests' Ctrl+Q ambiguous)."""
    from petloc_gui.ui.app import _startup, parse_args
    from petloc_gui.ui.main_window import MainWindow
    from petloc_gui.ui.settings import Settings

    started = []

    def start(folder):
        ini = tmp_path / "petloc.conf"
        ini.write_bytes(bytes(range(256)) * 2)
        window = MainWindow(model_factory=factory, settings=Settings(str(ini)))
        started.append(window)
        window.show()
        _startup(window, parse_args([str(folder)]), screenshot_mode=False)
        return window

    yield start
    for window in started:
        destroy_window(window)


def _settings_box(window):
    from PySide6.QtWidgets import QMessageBox

    boxes = [box for box in window.findChildren(QMessageBox) if box.objectName() == "settings_damaged"]
    assert len(boxes) == 1
    return boxes[0]


def test_a_damaged_settings_file_is_said_at_start(start_on_damaged_settings, tmp_path, folder):
    # In a box that stays until read: on the status line the part naming the kept copy was cut off.
    window = start_on_damaged_settings(folder)
    box = _settings_box(window)
    assert box.isVisible() and not box.isModal()
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("petloc.conf.damaged-")]
    assert box.text().startswith(f"Kept as {kept[0]}: the settings file petloc.conf, which was damaged")
    assert window.session is not None  # the folder opened all the same


def test_it_is_said_when_the_folder_cannot_be_opened_too(start_on_damaged_settings, tmp_path, answers):
    # _startup returned before saying it, and the file was already kept aside: no later start said it.
    window = start_on_damaged_settings(tmp_path / "no such folder")
    assert answers["warnings"] == [f"{tmp_path / 'no such folder'} is not a folder"]
    assert "petloc.conf.damaged-" in _settings_box(window).text()
