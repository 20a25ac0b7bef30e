"""A new class typed on a Turkish keyboard that is the model's class in the other case ("\u0131ş\u0131k" beside the
model's "IŞIK") is refused as a case variant, and the bar now names the model's spelling as it does for
"cat" and "Cat" (it compared `label_key` alone, which keys "IŞIK" as "işik", and said nothing)."""

from __future__ import annotations

DOTLESS = "\u0131ş\u0131k"  # Turkish lower case of "IŞIK", dotless i written as an escape (reads as "i")


def _kept_bar(qtbot, counts, unknown):
    from petloc_gui.ui.models.new_classes_bar import NewClassesBar

    bar = NewClassesBar(None, lambda: dict(counts))
    qtbot.addWidget(bar)
    bar.show_unknown("digits", frozenset(unknown))
    return bar


def test_a_turkish_lower_case_class_is_the_models_spelled_otherwise(qtbot):
    bar = _kept_bar(qtbot, {"IŞIK": 4, DOTLESS: 3, "a": 10}, {DOTLESS})
    text = bar.message.text()
    assert f'"{DOTLESS}" is the model\'s class "IŞIK" spelled another way. ' in text
    assert "differ only in case" in text
    assert not bar.button.isEnabled()


def test_a_dotted_capital_and_its_plain_i_still_pair(qtbot):
    bar = _kept_bar(qtbot, {"İstanbul": 4, "istanbul": 3}, {"istanbul"})
    assert '"istanbul" is the model\'s class "İstanbul" spelled another way. ' in bar.message.text()


def test_two_words_that_differ_in_their_i_are_two_classes(qtbot):
    bar = _kept_bar(qtbot, {"k\u0131r": 4, "kir": 3, "a": 3}, {"kir"})
    text = bar.message.text()
    assert "spelled another way" not in text and "differ only in case" not in text
