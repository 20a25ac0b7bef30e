"""`petloc predict --write-voc` said "the model does not know the class chat_été" of a model that knows chat_été in
the other Unicode form (its meta.json's "chat_e" + U+0301 "te" + U+0301, the folder's boxes composed), and the
new-classes bar's first sentence too: the names were told apart (`core.label_variants.form_notes`) only among those
listed. `describe_labels` now marks the names it lists against the model's classes (``known``) as well, listing only
the names given; with more than its limit, the marks are worked out over the names listed and the known ones."""

from __future__ import annotations

from petloc_gui.app.model_choice import describe_labels

COMPOSED = "chat_\u00e9t\u00e9"
DECOMPOSED = "chat_e\u0301te\u0301"
MORE = ["chat_f1", "chat_f2", "chat_f3", "chat_f4", "chat_f5"]


def test_a_name_the_model_knows_in_the_other_form_is_marked():
    assert describe_labels({COMPOSED}, known=[DECOMPOSED, "dog"]) == f"the class {COMPOSED} (composed)"
    assert describe_labels({DECOMPOSED, "bird"}, known=[COMPOSED]) == (
        f"the classes bird, {DECOMPOSED} (decomposed)")  # the known name itself not listed


def test_names_without_a_twin_are_as_they_were():
    assert describe_labels({"bird", "cat"}, known=["dog"]) == "the classes bird, cat"
    assert describe_labels({COMPOSED, DECOMPOSED}) == (
        f"the classes {DECOMPOSED} (decomposed), {COMPOSED} (composed)")


def test_past_the_limit_a_twin_left_out_marks_nothing_and_a_known_one_does():
    # sorted: the decomposed name, chat_f1..chat_f5, then the composed one, left out ("and 1 more")
    said = describe_labels({COMPOSED, DECOMPOSED, *MORE})
    assert said == f"the classes {DECOMPOSED}, {', '.join(MORE)} and 1 more"
    said = describe_labels({DECOMPOSED, *MORE, "zebra"}, known=[COMPOSED])
    assert said == f"the classes {DECOMPOSED} (decomposed), {', '.join(MORE)} and 1 more"
