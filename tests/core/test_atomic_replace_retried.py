"""Windows: a save's os.replace fails with "Access is denied" while a virus scanner or the search indexer holds
the file just written; an annotation save, predefined_classes.txt or folder_models.json failed now and then.
There (`REPLACE_RETRIED`) the replace is tried again for about a second, as a folder rename is
(core.folder_rename); one refused every time still reaches the user as a SaveError, the temporary file
removed and the old file kept. Elsewhere a PermissionError lasts, and is said at once."""

from __future__ import annotations

import os

import pytest

from petloc_gui.core import atomic, folder_rename
from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.errors import SaveError


class Held:
    """os.replace refused ``fails`` times ("Access is denied"), then done."""

    def __init__(self, fails: int) -> None:
        self.real, self.left, self.calls = os.replace, fails, 0

    def __call__(self, source, target):
        self.calls += 1
        if self.left > 0:
            self.left -= 1
            raise PermissionError(13, "Access is denied", str(target))
        return self.real(source, target)


@pytest.fixture
def pauses(monkeypatch):
    waited: list[float] = []
    monkeypatch.setattr(folder_rename.time, "sleep", waited.append)
    return waited


def _saved(tmp_path, monkeypatch, fails: int) -> tuple[Held, os.PathLike]:
    target = tmp_path / "a.xml"
    target.write_bytes(b"old")
    held = Held(fails)
    monkeypatch.setattr(os, "replace", held)
    return held, target


def test_on_windows_a_replace_refused_twice_is_saved_on_the_third_try(tmp_path, monkeypatch, pauses):
    monkeypatch.setattr(atomic, "REPLACE_RETRIED", True)
    held, target = _saved(tmp_path, monkeypatch, fails=2)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert held.calls == 3 and pauses == list(folder_rename.PAUSES[:2])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xml"]  # no temporary left


def test_on_windows_a_replace_refused_every_time_is_said_and_leaves_nothing(tmp_path, monkeypatch, pauses):
    monkeypatch.setattr(atomic, "REPLACE_RETRIED", True)
    held, target = _saved(tmp_path, monkeypatch, fails=100)
    with pytest.raises(SaveError, match="cannot save: Access is denied"):
        atomic_write_bytes(target, b"new")
    assert held.calls == len(folder_rename.PAUSES) + 1  # bounded: about a second in all
    assert sum(pauses) < 1.5
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xml"]


def test_elsewhere_a_refused_replace_is_said_at_once(tmp_path, monkeypatch, pauses):
    monkeypatch.setattr(atomic, "REPLACE_RETRIED", False)
    held, target = _saved(tmp_path, monkeypatch, fails=1)
    with pytest.raises(SaveError, match="Access is denied"):
        atomic_write_bytes(target, b"new")
    assert held.calls == 1 and pauses == []
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["a.xml"]
