"""The no-model bar's rule (`app.model_choice.MIN_BOXES_PER_CLASS` boxed images per class before it offers
to train) counts a person's images only, as `petloc train`'s warning of thin classes does: it counted the
unreviewed pre-labels too, so 3 stars pre-labelled by a model and none a person saved were "enough", and
the run then warned that the class is never measured."""

from __future__ import annotations


def _bar(qtbot, counts, reviewed, kept=False):
    from petloc_gui.ui.models.new_classes_bar import NewClassesBar

    bar = NewClassesBar(None, lambda: dict(counts), reviewed=lambda: dict(reviewed))
    qtbot.addWidget(bar)
    if kept:
        bar.show_unknown("shapes", frozenset({"star"}))
    else:
        bar.show_for(frozenset(counts), frozenset())
    return bar


def test_pre_labels_do_not_make_a_class_trainable(qtbot):
    bar = _bar(qtbot, {"star": 3, "circle": 3}, {"star": 1, "circle": 3})
    text = bar.message.text()
    assert "still needed: star (2 more)" in text and "circle (" not in text
    assert "Unreviewed pre-labels count once a person saves them" in text
    assert not bar.button.isEnabled()


def test_a_person_s_images_make_it_trainable(qtbot):
    bar = _bar(qtbot, {"star": 4, "circle": 3}, {"star": 3, "circle": 3})
    assert "Every class has enough boxes" in bar.message.text() and bar.button.isEnabled()


def test_a_fine_tune_of_a_new_class_counts_a_person_s_images_too(qtbot):
    bar = _bar(qtbot, {"star": 3, "circle": 9}, {"star": 0, "circle": 9}, kept=True)
    assert "still needed: star (3 more)" in bar.message.text() and not bar.button.isEnabled()


def test_no_pre_labels_no_word_of_them(qtbot):
    bar = _bar(qtbot, {"star": 1}, {"star": 1})
    assert "pre-label" not in bar.message.text()


def test_the_list_counts_a_person_s_images_apart_and_the_window_gives_them_to_the_bar(qtbot, window, folder):
    """The bar's rule was given no ``reviewed`` counts in the window, so pre-labels still made a class
    trainable there: the Images list counts them apart and the model controller hands them over."""
    from petloc_gui.core.boxes import Box
    from petloc_gui.ui.review.file_list import STATUS_PRELABEL, FileListModel

    model = FileListModel(["a.png", "b.png", "c.png"], [True, True, True])
    for row in range(3):
        model.set_ground_truth(row, "star", Box(0, 0, 10, 10), False)
    model.set_status(1, STATUS_PRELABEL)
    assert model.box_counts() == {"star": 3}
    assert model.box_counts(reviewed_only=True) == {"star": 2}

    from .conftest import open_and_wait

    open_and_wait(qtbot, window, folder)
    window.session.model.set_status(0, STATUS_PRELABEL)
    bar = window.models.new_classes
    assert bar._reviewed is not None
    assert bar._reviewed() == window.session.model.box_counts(reviewed_only=True) != window.session.model.box_counts()
