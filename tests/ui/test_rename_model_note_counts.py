"""The note a rename gives when it takes the chosen model away counted the boxes its own way: over the counts'
classes (not the rule's), a class with no counted box as none (the rule counts it as one), and "more than half"
written out whatever `KNOWN_SHARE` is. It said "2 of the folder's 4 boxes" where the rule (app.model_choice)
weighed 2 of 5. It counts with the rule's `boxes_known` now, and says the share the rule uses."""

from __future__ import annotations

from types import SimpleNamespace

from petloc_gui.app import model_choice
from petloc_gui.ui.review import class_editor
from petloc_gui.ui.review.class_editor import ClassEditor

PETS = SimpleNamespace(name="pets", spec="pets", class_names=("cat", "dog"))


def _editor(counts: dict[str, int], used: set[str]) -> SimpleNamespace:
    """What `ClassEditor._dropped_why` reads: the session's box counts and the classes the rule is given."""
    rows = SimpleNamespace(box_counts=lambda every_box=False: dict(counts))
    return SimpleNamespace(session=SimpleNamespace(model=rows, classes=SimpleNamespace(used=used)))


def test_a_class_without_a_counted_box_counts_as_the_rule_counts_it():
    counts, used = {"kitty": 2, "dog": 2}, {"kitty", "dog", "bird"}  # bird: boxed, its box not counted yet
    why = ClassEditor._dropped_why(_editor(counts, used), PETS, "cat", "kitty")
    assert "knows the classes of only 2 of the folder's 5 boxes" in why
    assert not model_choice.knows_enough(PETS.class_names, used, counts)  # the rule gave it up, as the note says


def test_counts_of_classes_outside_the_rules_are_not_weighed():
    counts, used = {"kitty": 2, "dog": 2, "": 3}, {"kitty", "dog"}  # "": boxes of no class the rule is given
    why = ClassEditor._dropped_why(_editor(counts, used), PETS, "cat", "kitty")
    assert "knows the classes of only 2 of the folder's 4 boxes" in why


def test_the_share_said_is_the_rules(monkeypatch):
    monkeypatch.setattr(class_editor, "KNOWN_SHARE", 0.75, raising=False)
    why = ClassEditor._dropped_why(_editor({"kitty": 2, "dog": 2}, {"kitty", "dog"}), PETS, "cat", "kitty")
    assert "while it knows those of more than 75%)" in why
