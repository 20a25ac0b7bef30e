"""The no-model bar offered "Train a model for these classes…" for a folder whose class is typed two ways
("Bengal" and "bengal", 3 images each), as two classes with enough boxes each; the run is refused (the
Retrain dialog, `petloc train`), so the bar says why in their words and offers nothing until the class
has one name (Edit → Classes…, Ctrl+L)."""

from __future__ import annotations


def _bar(qtbot, counts):
    from petloc_gui.ui.models.new_classes_bar import NewClassesBar

    bar = NewClassesBar(None, lambda: dict(counts))
    qtbot.addWidget(bar)
    bar.show_for(frozenset(counts), frozenset())
    return bar


def test_a_class_typed_two_ways_is_not_offered_for_training(qtbot):
    bar = _bar(qtbot, {"bengal": 4, "Bengal": 3, "dog": 3})
    text = bar.message.text()
    assert ('Labels that differ only in case would train as separate classes: "bengal" (4 images) and '
            '"Bengal" (3 images). Give each class one name: the window\'s Edit → Classes… (Ctrl+L) renames a class '
            "on every box of the folder, and renaming one spelling to the other merges them, then train.") in text
    assert "Every class has enough boxes" not in text
    assert not bar.button.isEnabled()


def test_one_name_each_is_offered(qtbot):
    bar = _bar(qtbot, {"bengal": 3, "dog": 3})
    assert "differ only in case" not in bar.message.text() and bar.button.isEnabled()
