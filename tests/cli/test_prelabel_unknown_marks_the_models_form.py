"""`petloc predict --write-voc` said "the model does not know the class chat_été" of a folder boxing chat_été in one
Unicode form, its model knowing it in the other: now "the class chat_été (decomposed)" (`describe_labels` marks it
against the model's classes), and a class it knows in neither form is said as it was."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.cli import prelabel_unknown

COMPOSED = "chat_\u00e9t\u00e9"
DECOMPOSED = "chat_e\u0301te\u0301"


def _note(monkeypatch, boxed: set[str], model_classes: list[str]) -> str | None:
    monkeypatch.setattr(prelabel_unknown, "_datasets", lambda paths, folders: [(Path("/pets"), None)])
    monkeypatch.setattr(prelabel_unknown, "_boxed_classes", lambda dataset: set(boxed))
    return prelabel_unknown.unknown_classes_note([Path("/pets")], {}, model_classes, str)


def test_a_class_the_model_knows_in_the_other_form_is_said_with_its_form(monkeypatch):
    note = _note(monkeypatch, {DECOMPOSED, "dog"}, [COMPOSED, "dog"])
    assert note is not None
    assert note.startswith(f"the model does not know the class {DECOMPOSED} (decomposed), boxed in /pets: ")


def test_a_class_it_does_not_know_at_all_is_said_as_before(monkeypatch):
    note = _note(monkeypatch, {"star", "dog"}, [COMPOSED, "dog"])
    assert note is not None and note.startswith("the model does not know the class star, boxed in /pets: ")
