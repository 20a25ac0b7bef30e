"""The window and a folder with no boxes yet: it opens with the model the folder last used (app.model_choice's
``choose_without_boxes``), and comes back to it when the folder has no boxed class again."""

from __future__ import annotations

from petloc_gui.app.model_choice import FolderMemory
from petloc_gui.core.boxes import Box

from .conftest import open_and_wait, write_image


def _canvases(tmp_path, remembers: str):
    """A folder of two unboxed 75x75 canvases (the size rule's digits) that remembers ``remembers``."""
    folder = tmp_path / "fresh"
    folder.mkdir()
    for i in range(2):
        write_image(folder / f"p{i}.png", size=(75, 75), seed=i)
    FolderMemory().remember(folder, remembers)
    return folder


def test_a_folder_without_boxes_opens_with_the_model_it_remembers(qtbot, window, tmp_path):
    """Picked for a folder of unboxed canvases in an earlier run (folder_models.json), a model is the one the
    window opens the folder with, and the one it comes back to when the only box of a class it does not know
    is undone; before, the window went by image size (digits) without a word."""
    open_and_wait(qtbot, window, _canvases(tmp_path, "pets"), model=None)
    assert window.current_model_spec() == "pets"  # the folder's own, not digits by image size
    assert window.session.model_choice.reason == "the model this folder last used; no boxes yet"
    window.show_row(0)
    window.edits.add_box(Box(10, 10, 50, 40), "bird")  # pets knows none of the boxes: passed over
    qtbot.waitUntil(lambda: window.current_model_spec() == "", timeout=5000)
    window.act["undo"].trigger()
    qtbot.waitUntil(lambda: window.current_model_spec() == "pets", timeout=5000)  # no boxes again: its own


def test_undoing_the_only_box_of_a_class_another_model_knows_brings_the_folders_own_back(qtbot, window, tmp_path):
    """The first box, of a class the folder's own model (pets) does not know and digits does, switches to
    digits; undone, the folder has no boxes again and its own model is back, as reopening it or `petloc
    predict` would use. Before, the window stayed on digits: with no classes left, digits "knew them all"."""
    open_and_wait(qtbot, window, _canvases(tmp_path, "pets"), model=None)
    assert window.current_model_spec() == "pets"
    window.show_row(0)
    window.edits.add_box(Box(10, 10, 50, 40), "7")  # pets knows none of the boxes; digits knows 7
    qtbot.waitUntil(lambda: window.current_model_spec() == "digits", timeout=5000)
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=5000)  # loaded: knows "7"
    window.act["undo"].trigger()
    qtbot.waitUntil(lambda: window.current_model_spec() == "pets", timeout=5000)
    choice = window.session.model_choice  # the choice made for "7" is over
    assert (choice.spec, choice.remembered, choice.labels) == ("pets", True, frozenset())


def test_a_pick_that_stays_is_the_model_the_status_line_names(qtbot, window, tmp_path):
    """pets picked on one folder, then a folder of canvases whose remembered version is gone: pets stays (no
    classes to turn it away), and the status line names it; before, it said digits was used instead."""
    from petloc_gui.model.versions import VersionStore

    other = tmp_path / "other"
    other.mkdir()
    write_image(other / "a.png", size=(75, 75))
    open_and_wait(qtbot, window, other, model=None)
    window.models.choose("pets")
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=5000)
    open_and_wait(qtbot, window, _canvases(tmp_path, str(VersionStore().root / "digits" / "gone")), model=None)
    qtbot.waitUntil(lambda: window.models.choosing is None, timeout=10_000)
    assert window.current_model_spec() == "pets"
    said = window.statusBar().currentMessage()
    assert "is no longer at" in said and said.endswith("; the bundled model pets, your pick, stays in use.")


def test_a_remembered_model_of_the_other_kind_is_said_with_how_to_change_it(qtbot, window, tmp_path):
    """Photos remembering digits open with digits, and the status line says so; before, nothing was said."""
    folder = tmp_path / "photos"
    folder.mkdir()
    write_image(folder / "a.png", size=(320, 240))
    FolderMemory().remember(folder, "digits")
    open_and_wait(qtbot, window, folder, model=None)
    assert window.current_model_spec() == "digits"
    assert window.statusBar().currentMessage() == (
        "The model this folder last used (digits) is for 75x75 digit canvases; these images are photos: "
        "Model → Bundled or Versions to change it.")
