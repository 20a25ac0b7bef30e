"""A folder's remembered model is found by any spelling the disk holds as that folder (`app.folder_memory`,
`core.disk_same`). Keyed by `os.path.realpath`, which keeps the case and Unicode form typed on macOS, the model
the window remembered for ``~/Pets`` was not found for ``petloc predict ~/pets`` (nor for a Terminal-typed
composed ``Café`` of a folder Finder names decomposed), which fell back to the default model. On a case-sensitive
disk ``Pets`` and ``pets`` are two folders, each with its own."""

from __future__ import annotations

import json
import unicodedata

from petloc_gui.app.folder_memory import FolderMemory
from tests.core.caseless import alias, caseless_dir  # noqa: F401 - a fixture


def test_another_spelling_of_a_remembered_folder(tmp_path, realpath_keeps_the_spelling):
    memory = FolderMemory(tmp_path / "folder_models.json")
    pets = tmp_path / "Pets"
    pets.mkdir()
    memory.remember(pets, "digits")
    assert memory.get(alias(pets, "pets")) == "digits"
    cafe = tmp_path / unicodedata.normalize("NFD", "Café")  # as Finder names it
    cafe.mkdir()
    memory.remember(cafe, "cats")
    assert memory.get(alias(cafe, unicodedata.normalize("NFC", "Café"))) == "cats"  # as Terminal types it
    assert memory.get(tmp_path / "Dogs") is None


def test_remembered_again_by_another_spelling_one_entry(tmp_path, realpath_keeps_the_spelling):
    """The spelling remembered last is the folder's one entry: an older one kept beside it would be found first by
    its own spelling, with the model the folder no longer uses."""
    path = tmp_path / "folder_models.json"
    memory = FolderMemory(path)
    pets = tmp_path / "Pets"
    pets.mkdir()
    lower = alias(pets, "pets")
    memory.remember(pets, "digits")
    memory.remember(lower, "fine-tuned")
    assert (memory.get(pets), memory.get(lower)) == ("fine-tuned", "fine-tuned")
    assert json.loads(path.read_text(encoding="utf-8")) == {str(lower): "fine-tuned"}


def test_a_settings_file_written_before_is_read(tmp_path, realpath_keeps_the_spelling):
    (tmp_path / "Pets").mkdir()
    path = tmp_path / "folder_models.json"
    path.write_text(json.dumps({str(tmp_path / "Pets"): "digits", str(tmp_path / "Gone"): "cats"}), encoding="utf-8")
    assert FolderMemory(path).get(alias(tmp_path / "Pets", "PETS")) == "digits"
    assert FolderMemory(path).get(tmp_path / "GONE") is None  # a folder no longer there is no folder's


def test_two_folders_of_a_case_sensitive_disk_keep_their_own(tmp_path):
    memory = FolderMemory(tmp_path / "folder_models.json")
    (tmp_path / "Pets").mkdir()
    (tmp_path / "pets").mkdir()
    memory.remember(tmp_path / "Pets", "digits")
    assert memory.get(tmp_path / "pets") is None
    memory.remember(tmp_path / "pets", "cats")
    assert (memory.get(tmp_path / "Pets"), memory.get(tmp_path / "pets")) == ("digits", "cats")


def test_on_a_case_insensitive_disk(caseless_dir, tmp_path):  # noqa: F811 - the fixture
    """On a disk that ignores case itself; Linux' realpath keeps the spelling typed there, as macOS' does."""
    memory = FolderMemory(tmp_path / "folder_models.json")
    (caseless_dir / "voc").mkdir()
    memory.remember(caseless_dir / "voc", "digits")
    assert memory.get(caseless_dir / "VOC") == "digits"
