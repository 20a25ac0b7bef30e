"""A damaged settings file or folder_models.json, kept aside by Settings and FolderMemory, is said to the
user: the window's status line names it at start, when a model is remembered, and in the folder's model
choice note (they only held the sentence, and nobody showed it: the user saw the last folder or the
folder's model forgotten with no word)."""

from __future__ import annotations

import json

from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.app.model_choice import choose_for_labels
from petloc_gui.core.paths import user_data_dir


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
    message = window.statusBar().currentMessage()
    assert str(path) in message and "folder_models.json.damaged-" in message


def test_a_damaged_settings_file_is_said_at_start(qtbot, factory, tmp_path, folder):
    from petloc_gui.ui.app import _startup, parse_args
    from petloc_gui.ui.main_window import MainWindow
    from petloc_gui.ui.settings import Settings

    ini = tmp_path / "petloc.conf"
    ini.write_bytes(bytes(range(256)) * 2)
    window = MainWindow(model_factory=factory, settings=Settings(str(ini)))
    qtbot.addWidget(window)
    window.show()
    _startup(window, parse_args([str(folder)]), screenshot_mode=False)
    message = window.statusBar().currentMessage()
    assert str(ini) in message and "damaged" in message
