"""A damaged or unreadable folder_models.json is never written over: its entries are not lost.

A trailing comma (a hand edit, hunt9) read as an empty memory, and the next model picked for one folder
wrote that folder alone over the file: every other folder's remembered model was gone, unsaid.
"""

import json

import pytest

from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.core.errors import SaveError

ENTRIES = {"/data/pets-at-home": "pets", "/data/street-digits": "digits"}


def _damaged(tmp_path):
    path = tmp_path / "folder_models.json"
    text = json.dumps(ENTRIES, indent=2)
    path.write_text(text[:-2] + ",\n}", encoding="utf-8")  # the trailing comma of a hand edit
    return path, path.read_bytes()


def test_a_damaged_memory_is_kept_aside_with_its_entries_and_said_once(tmp_path):
    path, damaged = _damaged(tmp_path)
    memory = FolderMemory(path)
    memory.remember(tmp_path / "new", "digits")
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("folder_models.json.damaged-")]
    assert len(aside) == 1
    assert aside[0].read_bytes() == damaged  # every other folder's model is still there, byte for byte
    assert json.loads(path.read_text(encoding="utf-8")) == {str((tmp_path / "new").resolve()): "digits"}
    assert str(path) in memory.note and aside[0].name in memory.note
    memory.remember(tmp_path / "other", "pets")  # the new file is whole: nothing more is kept aside, nor said
    assert memory.note == ""
    assert len([p for p in tmp_path.iterdir() if ".damaged-" in p.name]) == 1
    assert FolderMemory(path).get(tmp_path / "new") == "digits"


def test_reading_a_damaged_memory_changes_nothing_and_says_why_nothing_is_remembered(tmp_path):
    path, damaged = _damaged(tmp_path)
    memory = FolderMemory(path)
    assert memory.get("/data/pets-at-home") is None
    assert path.read_bytes() == damaged
    assert str(path) in memory.note and "damaged" in memory.note


def test_a_second_damaged_copy_never_replaces_the_first(tmp_path):
    path, first = _damaged(tmp_path)
    FolderMemory(path).remember(tmp_path, "pets")
    path.write_text("[1, 2", encoding="utf-8")
    FolderMemory(path).remember(tmp_path, "pets")
    kept = sorted(p.read_bytes() for p in tmp_path.iterdir() if ".damaged-" in p.name)
    assert kept == sorted([first, b"[1, 2"])


def test_an_unreadable_memory_is_not_replaced(tmp_path, monkeypatch):
    path = tmp_path / "folder_models.json"
    path.write_text(json.dumps(ENTRIES), encoding="utf-8")
    before = path.read_bytes()

    def denied(_path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("petloc_gui.app.folder_memory.read_json_record", denied)
    memory = FolderMemory(path)
    assert memory.get("/data/pets-at-home") is None and "Permission denied" in memory.note
    with pytest.raises(SaveError, match=r"Permission denied.*not replaced"):
        memory.remember(tmp_path, "pets")
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if ".damaged-" in p.name]


def test_entries_that_are_not_a_model_are_kept_when_it_is_written(tmp_path):
    path = tmp_path / "folder_models.json"
    path.write_text(json.dumps({"/a": "pets", "/b": {"future": "format"}}), encoding="utf-8")
    FolderMemory(path).remember(tmp_path, "digits")
    assert json.loads(path.read_text(encoding="utf-8"))["/b"] == {"future": "format"}
