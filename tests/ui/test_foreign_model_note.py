"""A model picked by hand that knows none of the folder's classes disagrees with every box: the window says
so (it showed "labels DISAGREE" on every row and nothing said why)."""

from __future__ import annotations

from petloc_gui.core.boxes import Box

from .conftest import open_and_wait, wait_predictions, write_annotation, write_image


def _folder(tmp_path, label):
    folder = tmp_path / "own"
    folder.mkdir()
    for i in range(3):
        write_image(folder / f"p{i}.png", seed=i)
        write_annotation(folder / f"p{i}.png", [(label, Box(10, 10, 50, 50))])
    return folder


def test_a_picked_model_knowing_none_of_the_classes_says_so(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, _folder(tmp_path, "abyssinian"))  # the fake model knows cat, dog
    window.models.choose("pets")
    wait_predictions(qtbot, window)
    qtbot.waitUntil(lambda: "none of this folder's" in window.statusBar().currentMessage())
    message = window.statusBar().currentMessage()
    assert message.startswith("fake-pets knows 2 classes (cat, dog), none of this folder's (abyssinian)")


def test_not_when_it_knows_one_of_them(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, _folder(tmp_path, "cat"))
    window.models.choose("pets")
    wait_predictions(qtbot, window)
    qtbot.wait(100)
    assert "none of this folder's" not in window.statusBar().currentMessage()


def test_a_long_class_list_says_how_many_are_not_shown():
    from petloc_gui.core.text import first_of  # the status line's lists, as the no-model reason's

    assert first_of(["a", "b"]) == "a, b"
    assert first_of([str(i) for i in range(10)]) == "0, 1, 2, 3, 4, 5 and 4 more"
