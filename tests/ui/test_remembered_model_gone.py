"""A folder whose remembered model version was deleted from disk hears that it is no longer there, by the
name `petloc models` gives it, and which model is used instead (the window's status line, the CLI); one
moved into its preset's folder, as a note tells, is found there.

Before: it was reported as "model.keras is missing", with no word of the deletion nor of the model used;
then a version moved as its note told ("move it to …/digits") was reported deleted and another model used,
and a path outside the store was said twice ("…, /x/m, is gone (deleted: /x/m)").
"""

from __future__ import annotations

import json
import shutil

from petloc_gui.app.model_choice import FolderMemory, choose_model
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model.versions import VersionStore
from tests.model_files import fake_bundle

from .model_chosen import wait_model_chosen
from .test_broken_model_versions import digit_folder, digit_version


def test_the_choice_says_the_remembered_version_is_gone_and_what_is_used(tmp_path, _isolated_user_data):
    store, memory = VersionStore(), FolderMemory()
    folder = digit_folder(tmp_path / "f")
    gone = digit_version(store, "v1", "ok")
    memory.remember(folder, str(gone))
    shutil.rmtree(gone)
    choice = choose_model(open_dataset(folder), store, memory)
    assert choice.spec == "digits"
    assert choice.note == (f"the model this folder last used, digits/v1, is no longer at {gone} (deleted or moved); "
                           "the bundled model digits is used instead")
    assert "model.keras is missing" not in choice.note


def test_a_version_moved_into_its_preset_folder_is_found_there(tmp_path, _isolated_user_data):
    """A digits version filed in pets/ is noted "move it to …/digits"; doing so keeps the folder's model."""
    store, memory = VersionStore(), FolderMemory()
    folder = digit_folder(tmp_path / "f")
    filed = fake_bundle(store.root / "pets" / "d1", ["3", "7"], preset="digits")
    child = fake_bundle(store.root / "digits" / "c1", ["3", "7"])
    (child / "version.json").write_text(json.dumps({"parent": str(filed), "created": "2026-01-01T00:00:00"}))
    assert "move it to" in store.get("d1").notes[0]
    memory.remember(folder, str(filed))
    moved = store.root / "digits" / "d1"
    shutil.move(str(filed), moved)
    choice = choose_model(open_dataset(folder), store, memory)
    assert (choice.spec, choice.remembered, choice.note) == (str(moved), True, "")
    assert memory.get(folder) == str(moved)  # said once: the folder remembers where it is now
    assert store.model_name(str(filed)) == "digits/d1"  # the child's parent, recorded by its old path


def test_a_remembered_model_outside_the_store_is_named_once(tmp_path, _isolated_user_data):
    store, memory = VersionStore(), FolderMemory()
    folder = digit_folder(tmp_path / "f")
    gone = fake_bundle(tmp_path / "elsewhere" / "m", ["3", "7"], preset="digits")
    memory.remember(folder, str(gone))
    shutil.rmtree(gone)
    note = choose_model(open_dataset(folder), store, memory).note
    assert note.startswith(f"the model this folder last used is no longer at {gone} (deleted or moved); ")


def test_the_cli_says_so(tmp_path, capsys, _isolated_user_data):
    from petloc_gui.cli.model_loading import model_for

    folder = digit_folder(tmp_path / "f")
    gone = digit_version(VersionStore(), "v1", "ok")
    FolderMemory().remember(folder, str(gone))
    shutil.rmtree(gone)
    assert model_for(None, [folder]) == "digits"
    err = capsys.readouterr().err
    assert "the model this folder last used, digits/v1, is no longer at" in err and "model.keras" not in err


def test_the_window_says_so_and_a_pick_deleted_since_is_not_loaded(qtbot, window, tmp_path):
    from .conftest import open_and_wait

    folder = digit_folder(tmp_path / "digits")
    gone = digit_version(VersionStore(), "v1", "ok")
    FolderMemory().remember(folder, str(gone))
    shutil.rmtree(gone)
    assert window.open_folder(folder)
    wait_model_chosen(qtbot, window)
    assert window.current_model_spec() == "digits"
    message = window.statusBar().currentMessage()
    assert "digits/v1, is no longer at" in message and "the bundled model digits is used instead" in message

    picked = digit_version(VersionStore(), "v2", "ok")  # picked on this folder, then deleted, then F5
    open_and_wait(qtbot, window, folder, model=None)
    window.models.choose(str(picked))
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert FolderMemory().get(folder) == str(picked)
    shutil.rmtree(picked)
    assert window.open_folder(folder)
    wait_model_chosen(qtbot, window)
    assert window.current_model_spec() == "digits" and window.models.error_box is None
