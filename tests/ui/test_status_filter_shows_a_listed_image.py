"""A status filter chosen that hides the image shown left it on screen and current, and the next keys acted
on it: A accepted the prediction on an image the list no longer showed, D autosaved it (the counter said
"hidden by the filter"). As Enter in the search box does, the list's first image is shown then; an image
the filter still lists stays, and with nothing listed the image stays (nothing else to show)."""

from __future__ import annotations

from .conftest import open_and_wait, wait_image_shown

D = 3  # d.png: no annotation (the model says cat)


def _choose(qtbot, window, key: str | None) -> None:
    combo = window.file_dock.status_filter
    combo.setCurrentIndex(combo.findData(key))
    wait_image_shown(qtbot, window)


def test_a_filter_that_hides_the_image_shown_shows_the_lists_first(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(D)
    _choose(qtbot, window, "annotated")  # "annotated (any)": d has no annotation
    model = window.file_dock.model
    assert window.session.current == model.item_at(0) != D
    assert window.edits.index == window.session.current  # the keys act on the image shown
    assert window.position_label.text().startswith("1 / 4")
    window.act["accept"].trigger()  # A: on the image shown, never on d
    assert window.session.store.document(D).objects == []


def test_a_filter_that_still_lists_the_image_keeps_it(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(2)  # c.png: annotated
    _choose(qtbot, window, "annotated")
    assert window.session.current == 2


def test_a_filter_that_lists_nothing_keeps_the_image(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(D)
    _choose(qtbot, window, "error")  # no image has an error
    assert window.file_dock.model.rowCount() == 0
    assert window.session.current == D
