"""Discard keeps the new model when a folder remembers it as its model (picked in another window meanwhile).

Two windows on one folder: the first retrained, the second picked the new version from Model → Versions
(folder_models.json named it), then Discard in the first deleted it with "The new model was discarded": the
second went on predicting from memory, lost it from its Versions menu, and the CLI fell back to the bundled model.
"""

from __future__ import annotations

import pytest

from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from tests.other_window import other_window

pytestmark = pytest.mark.slow  # starts child processes


def _run(qtbot, controller):
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.start(RetrainOptions(epochs=1, save_first=False))
    return controller.new_version


def test_discard_keeps_a_new_model_another_window_picked_and_says_which_folder(qtbot, window, controller):
    version = _run(qtbot, controller)
    FolderMemory().remember(window.current_folder(), str(version.path))  # the second window's pick

    kept = controller.discard_new_model()

    assert version.path.is_dir() and controller.store.get(version.id).path == version.path  # still in Model -> Versions
    said = controller._progress_window().status.text()
    assert said == kept and "kept, not deleted" in said and str(window.current_folder()) in said
    assert "the current model is unchanged" in said and "discarded" not in said
    assert controller.last_message_box is not None and controller.last_message_box.text() == said
    assert controller.new_version is None and window.spec == "digits"  # the choice is made; this window unchanged
    assert window.discarded_seen == 0  # nothing deleted: the window's bar has nothing to look at again


def test_discard_keeps_a_new_model_another_running_window_has_loaded_and_says_so(qtbot, window, controller):
    """The folder's memory moved on (the other window's pick, then Bundled: pets here): the window that has it
    loaded keeps it."""
    version = _run(qtbot, controller)
    FolderMemory().remember(window.current_folder(), "pets")
    other = other_window(str(version.path))  # Model -> Versions -> the new model, in another window
    try:
        kept = controller.discard_new_model()
    finally:
        other.communicate("", timeout=30)

    assert version.path.is_dir() and controller.store.get(version.id).path == version.path
    assert kept == (f"The new model ({version.id}) is kept, not deleted: another petloc window has it loaded as its "
                    f"model (process {other.pid}). It stays in Model → Versions; the current model is unchanged.")
    assert controller.last_message_box is not None and controller.last_message_box.text() == kept
    assert controller.new_version is None and window.discarded_seen == 0


def test_discard_still_deletes_a_new_model_no_folder_uses(qtbot, window, controller, tmp_path):
    version = _run(qtbot, controller)
    FolderMemory().remember(tmp_path / "elsewhere", "pets")

    assert not controller.discard_new_model()

    assert not version.path.exists() and controller.new_version is None
    assert controller._progress_window().status.text() == \
        "The new model was discarded; the current model is unchanged."
    assert window.discarded_seen == 1  # the window's bar looks again for a model that knows every class


def test_discard_on_quit_keeps_the_window_open_to_say_the_model_is_kept(qtbot, window, controller, monkeypatch):
    from petloc_gui.ui.training import retrain_quit

    version = _run(qtbot, controller)
    FolderMemory().remember(window.current_folder(), str(version.path))
    monkeypatch.setattr(retrain_quit, "ask_undecided", lambda *args: retrain_quit.DISCARD)

    assert not controller.confirm_quit()  # the box saying why it is kept is read first
    assert version.path.is_dir() and controller.confirm_quit()  # nothing waits any more: the next quit goes
