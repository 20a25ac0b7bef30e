"""`core.accepted_boxes.relation`: whose boxes a mark's model gave, seen from the model scored (ADR 0013):
its own, those of the model it was fine-tuned from (meta.json ``parent`` / ``parent_version_id``), or
another model's. Review 1 (finding 6): no test failed with the parent's case disabled."""

from __future__ import annotations

from petloc_gui.core.accepted_boxes import OTHER, OWN, PARENT, accepted_sentences, relation


def test_a_mark_naming_the_parents_version_id_is_the_parents():
    meta = {"version_id": "pets-10", "parent": "/store/pets/pets-9", "parent_version_id": "pets-9"}
    assert relation("model pets (pets-9)", meta, "pets-10") == PARENT
    assert relation("model pets (pets-10)", meta, "pets-10") == OWN
    assert relation("model pets (pets-8)", meta, "pets-10") == OTHER  # its chain not looked up (`ancestry`)


def test_a_mark_naming_the_bundled_parent_by_name_is_the_parents():
    # fine-tuned from the bundled model, whose meta.json records no version id: the window names it "digits"
    meta = {"version_id": "digits-2", "parent": "digits"}
    assert relation("model digits", meta, "/store/digits/digits-2") == PARENT
    assert relation("model pets", meta, "/store/digits/digits-2") == OTHER


def test_a_model_with_no_parent_has_no_parents_boxes():
    assert relation("model pets (pets-9)", {"version_id": "pets-10"}, "pets-10") == OTHER


def test_the_parents_boxes_are_said_to_flatter_the_model_scored():
    model = "model pets (pets-9)"
    assert accepted_sentences([frozenset({model}), frozenset()], 2, {model: PARENT}, "the model evaluated") == [
        "1 of the 2 scored images has boxes accepted unchanged from model pets (pets-9), which the model "
        "evaluated was fine-tuned from: its figures on it flatter it"]
