"""A folder whose remembered model version was deleted from disk hears that it is gone, by the name
`petloc models` gives it, and which model is used instead (the window's status line, the CLI).

Before: it was reported as "model.keras is missing", with no word of the deletion nor of the model used.
"""

from __future__ import annotations

import shutil

from petloc_gui.app.model_choice import FolderMemory, choose_model
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model.versions import VersionStore

from .test_broken_model_versions import digit_folder, digit_version


def test_the_choice_says_the_remembered_version_is_gone_and_what_is_used(tmp_path, _isolated_user_data):
    store, memory = VersionStore(), FolderMemory()
    folder = digit_folder(tmp_path / "f")
    gone = digit_version(store, "v1", "ok")
    memory.remember(folder, str(gone))
    shutil.rmtree(gone)
    choice = choose_model(open_dataset(folder), store, memory)
    assert choice.spec == "digits"
    assert choice.note == (f"the model this folder last used, digits/v1, is gone (deleted: {gone}); "
                           "the bundled model digits is used instead")
    assert "model.keras is missing" not in choice.note


def test_the_cli_says_so(tmp_path, capsys, _isolated_user_data):
    from petloc_gui.cli.model_loading import model_for

    folder = digit_folder(tmp_path / "f")
    gone = digit_version(VersionStore(), "v1", "ok")
    FolderMemory().remember(folder, str(gone))
    shutil.rmtree(gone)
    assert model_for(None, [folder]) == "digits"
    err = capsys.readouterr().err
    assert "the model this folder last used, digits/v1, is gone (deleted:" in err and "model.keras" not in err


def test_the_window_says_so_and_a_pick_deleted_since_is_not_loaded(qtbot, window, tmp_path):
    from .conftest import open_and_wait

    folder = digit_folder(tmp_path / "digits")
    gone = digit_version(VersionStore(), "v1", "ok")
    FolderMemory().remember(folder, str(gone))
    shutil.rmtree(gone)
    assert window.open_folder(folder)
    assert window.current_model_spec() == "digits"
    message = window.statusBar().currentMessage()
    assert "digits/v1, is gone" in message and "the bundled model digits is used instead" in message

    picked = digit_version(VersionStore(), "v2", "ok")  # picked on this folder, then deleted, then F5
    open_and_wait(qtbot, window, folder, model=None)
    window.models.choose(str(picked))
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert FolderMemory().get(folder) == str(picked)
    shutil.rmtree(picked)
    assert window.open_folder(folder)
    assert window.current_model_spec() == "digits" and window.models.error_box is None
