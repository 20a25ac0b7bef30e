"""The label a new box gets. It was the last label typed or picked, which A never updated: after a
bulldog labelled "dog" and six cats accepted with A, a box drawn on a cat the model called "cat 1.00"
became a dog. Now: a label given on this image first (picked before drawing), else the model's label
for this image, else the last label given anywhere, A included (labelImg's rule)."""

from __future__ import annotations

from petloc_gui.core.boxes import Box

from .conftest import open_and_wait


def _row(window, name: str) -> int:
    return window.session.model.names.index(name)


def _draw(window, name: str) -> str:
    """Draw a box on image ``name`` as the mouse does; the label it got."""
    window.show_row(_row(window, name))
    window.panel.gt_pane.box_drawn.emit(Box(5, 5, 40, 40))
    return window.session.store.document(_row(window, name)).objects[-1].name


def test_a_new_box_takes_the_models_label_for_the_image_not_an_older_label(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(_row(window, "b.png"))
    window.edits.set_label("dog")  # 2 on a bulldog
    window.show_row(_row(window, "a.png"))
    window.accept_prediction()  # a cat, with A
    assert _draw(window, "d.png") == "cat"  # the model: cat 0.60 (it was "dog")


def test_a_accepts_a_label_the_next_box_takes_where_no_prediction_is_shown(qtbot, window, folder, monkeypatch):
    open_and_wait(qtbot, window, folder)
    window.show_row(_row(window, "b.png"))
    window.edits.set_label("dog")
    window.show_row(_row(window, "a.png"))
    window.accept_prediction()  # cat
    monkeypatch.setattr(window.predictions, "cached", lambda path: None)  # d's prediction not there yet
    assert _draw(window, "d.png") == "cat"  # the last label given, as labelImg (it was "dog")


def test_a_label_picked_on_the_image_before_drawing_wins_over_the_prediction(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(_row(window, "d.png"))  # no box; the model says cat
    window.labels.pick(window.labels.names().index("dog") + 1)  # the key of "dog", for the next box
    assert _draw(window, "d.png") == "dog"
    window.show_row(_row(window, "a.png"))
    window.show_row(_row(window, "d.png"))
    window.edits.delete_selected()
    assert _draw(window, "d.png") == "dog"  # drawn again: still what was picked there


def test_a_label_given_on_another_image_gives_way_to_the_prediction(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(_row(window, "e.png"))
    window.edits.set_label("cat")  # e relabelled: its model says dog, d's says cat
    window.show_row(_row(window, "b.png"))  # the model: dog 0.90
    assert window._label_for_new_box() == "dog"
