"""A folder boxed only in the decomposed "chat_été" while a model knows the composed one: no model is used (none
knows the folder's form), and the reason read "no available model knows the class chat_été", the name the model
knows as it looks. `ModelChoice.reason_for` passes the classes some model knows (``known``) to `no_model_reason`,
as 7be7c3f2 did for the kept-model and fallback sentences: "the class chat_été (decomposed)"."""

from __future__ import annotations

from petloc_gui.app.model_choice import ModelChoice, no_model_reason

COMPOSED = "chat_\u00e9t\u00e9"
DECOMPOSED = "chat_e\u0301te\u0301"


def test_the_reason_marks_a_class_known_in_the_other_form():
    choice = ModelChoice(None, "", frozenset({DECOMPOSED}), known=frozenset({COMPOSED, "dog"}))
    assert choice.reason_for({DECOMPOSED}) == f"no available model knows the class {DECOMPOSED} (decomposed)"
    assert no_model_reason(frozenset({COMPOSED}), frozenset({COMPOSED}), known=[DECOMPOSED]) == (
        f"no available model knows the class {COMPOSED} (composed)")


def test_without_a_twin_the_reason_is_as_it_was():
    choice = ModelChoice(None, "", frozenset({"bird"}), known=frozenset({"dog"}))
    assert choice.reason_for({"bird"}, " of this folder") == "no available model knows the class bird of this folder"
    assert no_model_reason(frozenset({"bird", "dog"}), frozenset()) == (
        "no one available model knows all of the classes bird, dog")
