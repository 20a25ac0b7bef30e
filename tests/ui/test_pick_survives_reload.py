"""A model picked (or adopted) for a folder stays its pick when the folder is read again (F5) before the
pick has loaded.

A pick is remembered for the folder only once it has loaded. Before: F5 in that moment, on a folder that
remembered another model, chose that model, which ended the pick before it was remembered: the folder
went back to its old model and the pick was lost.
"""

from __future__ import annotations

from petloc_gui.app.model_choice import FolderMemory

from .conftest import open_and_wait


def _loaded(window, spec):
    info = window.current_model_info()
    return info is not None and info.spec == spec


def test_a_pick_still_loading_survives_a_reload_of_its_folder(qtbot, window, folder):
    FolderMemory().remember(folder, "pets")  # the folder's own model from an earlier visit
    open_and_wait(qtbot, window, folder, model=None)
    assert window.current_model_spec() == "pets"

    window.models.choose("digits")
    assert window.reload_folder()  # F5 before the pick has loaded (no event processed in between)
    qtbot.waitUntil(lambda: _loaded(window, "digits"), timeout=10_000)
    assert window.current_model_spec() == "digits" and window.models.explicit
    assert FolderMemory().get(folder) == "digits"


def test_an_adopted_model_still_loading_survives_a_reload_of_its_folder(qtbot, window, folder):
    FolderMemory().remember(folder, "pets")
    open_and_wait(qtbot, window, folder, model=None)

    window.models.adopt("digits")  # "Use the new model"
    assert window.reload_folder()
    qtbot.waitUntil(lambda: _loaded(window, "digits"), timeout=10_000)
    assert window.current_model_spec() == "digits" and not window.models.explicit
    assert FolderMemory().get(folder) == "digits"


def test_a_pick_made_on_another_folder_still_ends_where_a_folder_has_its_own_model(qtbot, window, folder, tmp_path):
    import shutil

    other = tmp_path / "other"
    shutil.copytree(folder, other)
    FolderMemory().remember(other, "pets")
    open_and_wait(qtbot, window, folder, model=None)
    window.models.choose("digits")
    assert window.open_folder(other)  # before the pick loaded: the other folder keeps its own model
    qtbot.waitUntil(lambda: _loaded(window, "pets"), timeout=10_000)
    assert FolderMemory().get(other) == "pets" and FolderMemory().get(folder) is None
