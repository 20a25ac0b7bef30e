"""With a model in use, the new-classes bar offered "Fine-tune the model with the new classes…" for a folder
whose new class "cat" is the model's "Cat" typed another way ("Cat" 4 images, "cat" 3): the Retrain dialog
then refused the run (labels that differ only in case) with Start greyed. The bar now says why in the
dialog's words, names the model's spelling as `petloc evaluate` does, and offers nothing until the class has
one name (Edit → Classes…), as the no-model bar does."""

from __future__ import annotations

from petloc_gui.core.case_variant_refusal import Wording, case_variant_refusal


def _kept_bar(qtbot, counts, unknown):
    from petloc_gui.ui.models.new_classes_bar import NewClassesBar

    bar = NewClassesBar(None, lambda: dict(counts))
    qtbot.addWidget(bar)
    bar.show_unknown("digits", frozenset(unknown))
    return bar


def test_a_new_class_that_is_the_models_spelled_otherwise_is_not_offered(qtbot):
    counts = {"Cat": 4, "cat": 3, "a": 10}
    bar = _kept_bar(qtbot, counts, {"cat"})
    text = bar.message.text()
    assert '"cat" is the model\'s class "Cat" spelled another way. ' in text
    assert ('Labels that differ only in case would train as separate classes: "Cat" (4 images; the model\'s '
            'class) and "cat" (3 images). Give each class one name: the window\'s Edit → Classes… (Ctrl+L) renames '
            "a class on every box of the folder, and renaming one spelling to the other merges them.") in text
    # the refusal is the dialog's own sentence (`core.case_variant_refusal`), counted in images here
    refusal = case_variant_refusal(counts, ["Cat", "a"], noun=("image", "images"), wording=Wording("x"))
    assert refusal[1:] in text
    assert "enough boxes" not in text
    assert not bar.button.isEnabled()


def test_two_new_spellings_of_one_class_of_the_model(qtbot):
    bar = _kept_bar(qtbot, {"Cat": 4, "cat": 3, "CAT": 3, "dog": 5}, {"cat", "CAT"})
    assert '"CAT" and "cat" are the model\'s class "Cat" spelled other ways. ' in bar.message.text()
    assert not bar.button.isEnabled()


def test_two_new_spellings_of_a_class_the_model_lacks(qtbot):
    bar = _kept_bar(qtbot, {"bird": 4, "Bird": 3, "dog": 3}, {"bird", "Bird"})
    text = bar.message.text()
    assert "the model's class" not in text and "differ only in case" in text
    assert not bar.button.isEnabled()


def test_once_renamed_the_fine_tune_is_offered(qtbot):
    counts = {"Cat": 4, "cat": 3, "bird": 3}
    bar = _kept_bar(qtbot, counts, {"cat", "bird"})
    assert not bar.button.isEnabled()
    counts.pop("cat")
    counts["Cat"] = 7  # Edit → Classes… renamed "cat" to "Cat"
    bar.show_unknown("digits", frozenset({"bird"}))
    assert "differ only in case" not in bar.message.text() and bar.button.isEnabled()
