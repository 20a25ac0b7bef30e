"""The folder a pick was made on, opened again under another spelling while the pick loads, is that folder
(`ui.models.folder_model_chooser.same_folder`, `core.disk_same`): its load is the one used, and the pick is
remembered. macOS' `os.path.realpath` keeps the case typed, and the real paths compared as text made ``~/PETS``
another folder than ``~/pets``: the pick was dropped and the folder's model chosen anew. A case-sensitive disk's
``Pets/`` beside ``pets/`` is another folder."""

from __future__ import annotations

import threading
import unicodedata

from petloc_gui.ui.main_window import MainWindow
from petloc_gui.ui.models.folder_model_chooser import same_folder
from tests.core.caseless import alias, caseless_dir  # noqa: F401 - a fixture

from .model_chosen import wait_model_chosen


def _held_loads(window) -> tuple[list[str], threading.Event]:
    """The specs the prediction worker loads, each held until the returned event is set."""
    loads: list[str] = []
    gate = threading.Event()
    load = window.predictions._factory

    def held(spec):
        loads.append(spec)
        gate.wait(10)  # a bundle's load: seconds
        return load(spec)

    window.predictions._factory = held
    return loads, gate


def test_the_folder_typed_in_another_case_or_form_is_the_folder(tmp_path, realpath_keeps_the_spelling):
    pets = tmp_path / "pets"
    pets.mkdir()
    assert same_folder(alias(pets, "PETS"), pets)
    assert same_folder(pets, tmp_path / "PETS")
    cafe = tmp_path / unicodedata.normalize("NFD", "Café")  # as Finder names it
    cafe.mkdir()
    assert same_folder(alias(cafe, unicodedata.normalize("NFC", "CAFÉ")), cafe)  # as Terminal types it
    assert not same_folder(None, pets)
    assert not same_folder(tmp_path / "PETS2", pets)


def test_another_folder_of_a_case_sensitive_disk(tmp_path):
    (tmp_path / "pets").mkdir()
    (tmp_path / "Pets").mkdir()
    assert not same_folder(tmp_path / "Pets", tmp_path / "pets")
    assert not same_folder(tmp_path / "PETS", tmp_path / "pets")  # no such folder here


def test_a_path_that_cannot_be_resolved_is_another_folder(tmp_path):
    assert not same_folder(tmp_path / "a\x00b", tmp_path)  # a NUL: no folder, not a ValueError


def test_a_pick_loading_stays_for_the_folder_opened_in_another_case(qtbot, window, folder,
                                                                    realpath_keeps_the_spelling):
    from petloc_gui.app.folder_memory import FolderMemory

    assert MainWindow.open_folder(window, folder)
    wait_model_chosen(qtbot, window)
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    loads, gate = _held_loads(window)
    window.models.choose("digits")
    qtbot.waitUntil(lambda: loads == ["digits"], timeout=10_000)
    assert MainWindow.open_folder(window, alias(folder, "PETS"))  # before the pick has loaded
    wait_model_chosen(qtbot, window)
    assert window.model_status.text() == "Loading model digits…"
    gate.set()
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert loads == ["digits"] and window.current_model_spec() == "digits"
    assert FolderMemory().get(folder) == "digits"


def test_same_folder_on_a_case_insensitive_disk(caseless_dir):  # noqa: F811 - the fixture
    pets = caseless_dir / "pets"
    pets.mkdir()
    assert same_folder(caseless_dir / "PETS", pets)
