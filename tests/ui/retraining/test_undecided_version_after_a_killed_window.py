"""A new model left waiting for Use / Discard by a window that was killed (kill -9, a crash, a power cut) is said to
be undecided at the next start, not listed as an ordinary version.

The version is committed before the user chooses (the comparison needs it on disk), and only the running window
knew that no choice was made: after a kill, Model → Versions and `petloc models` listed it like any kept version,
and nothing asked or said. Its version.json now says ``"decided": false`` until Use, Keep (quitting) or a Discard
that keeps it, or a pick in Model → Versions.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from petloc_gui.model.versions import ASKED_BY_KEY, UNDECIDED_NOTE, VERSION_FILE, VersionStore
from petloc_gui.ui.app import undecided_versions_said
from petloc_gui.ui.models.model_versions_menu import LEFT_UNDECIDED, VersionsMenu
from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from tests.cli.helpers import json_lines, run_cli
from tests.model_files import fake_bundle

pytestmark = pytest.mark.slow  # starts child processes

ROOT = Path(__file__).resolve().parents[3]
# Another window whose run finished: it commits its new model as RetrainController does, says its id, and asks for
# Use / Discard (its comparison open) until its standard input closes, or it is killed.
_TRAINING_WINDOW = """
import sys
from petloc_gui.model.versions import VersionStore
from tests.model_files import fake_bundle
store = VersionStore()
staging = store.new_staging_dir("digits")
fake_bundle(staging, ["0", "1"], preset="digits")
print(store.commit(staging, decided=False).id, flush=True)
sys.stdin.read()
"""
_CLOSED = "(the training window closed before Use or Discard)"


def _training_window() -> tuple[subprocess.Popen, str]:
    """The other window (the data folder of this process's environment) and the id of the version it asks about."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen([sys.executable, "-c", _TRAINING_WINDOW], env=env, cwd=ROOT,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


def _killed(process: subprocess.Popen) -> None:
    process.kill()
    process.wait()
    assert process.stdout is not None and process.stdin is not None
    process.stdout.close()
    process.stdin.close()


def _asked_by_an_ended_window(version) -> None:
    """``version``'s record as a window killed before the choice left it: its asker a process that has ended (this
    test's own window still runs, and asks)."""
    ended = subprocess.run([sys.executable, "-c", "from petloc_gui.core.abandoned_folders import writer_tag; "
                            "print(writer_tag())"], capture_output=True, text=True, check=True, cwd=ROOT,
                           env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout.strip()
    path = version.path / VERSION_FILE
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record[ASKED_BY_KEY] != ended
    path.write_text(json.dumps({**record, ASKED_BY_KEY: ended}), encoding="utf-8")


def _waiting(qtbot, controller):
    """A finished run whose new model waits for Use / Discard."""
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.start(RetrainOptions(epochs=1, save_first=False))
    assert controller.new_version is not None
    return controller.new_version


def _next_start_entry(qtbot, version):
    """The Versions menu entry of ``version`` as a window started afresh lists it (it knows of no run of its own)."""
    menu = VersionsMenu(VersionStore(), lambda: "digits")
    qtbot.addWidget(menu)
    (action,) = [a for a in menu.version_actions() if a.data() == version.id]
    return action


def _recorded_decided(version) -> bool:
    return "decided" not in json.loads((version.path / VERSION_FILE).read_text(encoding="utf-8"))


def test_a_new_model_no_choice_was_made_for_is_said_undecided_after_the_window_dies(qtbot, window, controller,
                                                                                   capsys):
    version = _waiting(qtbot, controller)
    assert undecided_versions_said() == ""  # its window runs, and asks
    _asked_by_an_ended_window(version)  # the window is killed here: what is left is on disk

    assert json.loads((version.path / VERSION_FILE).read_text(encoding="utf-8"))["decided"] is False
    (listed,) = VersionStore().list()
    assert listed.undecided and listed.notes[0] == UNDECIDED_NOTE
    action = _next_start_entry(qtbot, version)
    # the mark right after the date, before the figures (an entry too wide for the screen is cut at its end)
    assert f"·  {LEFT_UNDECIDED}  ·  acc " in action.text() and "note:" not in action.text()
    assert UNDECIDED_NOTE in action.toolTip() and action.isEnabled()
    code, out, _ = run_cli(capsys, "models", "--json")
    (row,) = [row for row in json_lines(out) if row["kind"] == "trained"]
    assert code == 0 and row["path"] == str(version.path) and "not kept or discarded yet" in row["warning"]
    said = undecided_versions_said()
    assert said.startswith("1 trained model version not kept or discarded yet") and version.id in said


def test_use_records_the_choice(qtbot, window, controller):
    version = _waiting(qtbot, controller)
    controller.use_new_model()
    assert _recorded_decided(version) and not VersionStore().get(version.id).undecided
    assert LEFT_UNDECIDED not in _next_start_entry(qtbot, version).text() and undecided_versions_said() == ""


def test_keep_on_quitting_records_the_choice(qtbot, window, controller, monkeypatch):
    from petloc_gui.ui.training import retrain_quit

    version = _waiting(qtbot, controller)
    monkeypatch.setattr(retrain_quit, "ask_undecided", lambda *args: retrain_quit.KEEP)
    assert controller.confirm_quit()
    assert _recorded_decided(version) and not VersionStore().get(version.id).undecided


def test_a_discard_that_keeps_it_records_the_choice(qtbot, window, controller):
    from petloc_gui.app.folder_memory import FolderMemory

    version = _waiting(qtbot, controller)
    FolderMemory().remember(window.current_folder(), str(version.path))  # another window's pick: kept
    assert "kept, not deleted" in controller.discard_new_model()
    assert _recorded_decided(version) and not VersionStore().get(version.id).undecided


def test_this_windows_new_model_is_marked_once_as_its_own(qtbot, window, controller):
    version = _waiting(qtbot, controller)
    controller.versions_menu.rebuild()
    (action,) = [a for a in controller.versions_menu.version_actions() if a.data() == version.id]
    assert "new: not kept yet" in action.text() and LEFT_UNDECIDED not in action.text()
    assert UNDECIDED_NOTE not in action.toolTip() and "Use the new model or Discard" in action.toolTip()


def test_picking_a_version_a_killed_window_left_undecided_keeps_it_once_loaded(qtbot, window, controller):
    from petloc_gui.ui.models.picked_version import keep_picked

    version = _waiting(qtbot, controller)
    controller.new_version = None  # a window started afresh: it knows of no run of its own
    (listed,) = controller.store.list()

    controller.roll_back(listed)  # Model → Versions → that version

    assert window.spec == str(version.path)
    assert not _recorded_decided(version)  # not before it has loaded: a pick that fails to load goes back
    keep_picked(window.spec, window.show_status)  # as the window does once its pick has loaded
    assert _recorded_decided(version)
    assert not VersionStore().get(version.id).undecided and undecided_versions_said() == ""


def test_the_next_start_says_so_once(qtbot, main_window, folder):
    from petloc_gui.ui.app import _startup, parse_args
    trainer, version_id = _training_window()
    _killed(trainer)  # the window that trained it was killed before the choice

    _startup(main_window, parse_args([str(folder)]), screenshot_mode=False)

    said = [message.text for message in main_window.statusBar().message_log.said()]
    assert [text for text in said if "not kept or discarded yet" in text] == [
        f"1 trained model version not kept or discarded yet (the training window closed before Use or Discard): "
        f"digits/{version_id}. Model → Versions marks it; picking one there keeps it."]


def test_a_version_another_window_still_asks_about_is_not_said_closed_at_the_start():
    asking, asking_id = _training_window()
    try:
        killed, killed_id = _training_window()
        _killed(killed)
        said = undecided_versions_said()
    finally:
        _killed(asking)
    assert asking_id not in said  # that window asks: it was said as closed before Use or Discard
    assert said == (f"1 trained model version not kept or discarded yet {_CLOSED}: digits/{killed_id}. "
                    "Model → Versions marks it; picking one there keeps it.")
    both = undecided_versions_said()  # the asking window is gone too now
    assert both.startswith(f"2 trained model versions not kept or discarded yet {_CLOSED}: ")
    assert asking_id in both and killed_id in both


@pytest.mark.parametrize("asked_by", [None, "0123456789ab-1"], ids=["older record", "another machine's window"])
def test_an_undecided_record_of_a_window_not_known_ended_or_running_is_said_neutrally(asked_by):
    store = VersionStore()
    staging = store.new_staging_dir("digits")
    fake_bundle(staging, ["0", "1"], preset="digits")
    version = store.commit(staging, decided=False)
    record = json.loads((version.path / VERSION_FILE).read_text(encoding="utf-8"))
    del record[ASKED_BY_KEY]  # as written before the asking window was recorded
    record.update({} if asked_by is None else {ASKED_BY_KEY: asked_by})  # a tag no window here has
    (version.path / VERSION_FILE).write_text(json.dumps(record), encoding="utf-8")
    assert undecided_versions_said() == (
        f"1 trained model version not kept or discarded yet (its training window closed first, or still asks): "
        f"digits/{version.id}. Model → Versions marks it; picking one there keeps it.")
