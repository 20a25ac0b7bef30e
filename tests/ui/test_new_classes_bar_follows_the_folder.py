"""In the window, the no-model bar follows the open folder's list and its edits: `ModelController` named
no list, so the bar looked at every row's boxes each second while shown (its poll), and a change came
up to a second late. It counts again on the list's change signals and on each edit, which also covers
the rows a filter hides (the list says nothing of them)."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from petloc_gui.core.boxes import Box
from petloc_gui.ui.models.new_classes_bar import THROTTLE_MS

from .conftest import open_and_wait


def _no_model_for_owl(qtbot, window, folder):
    """The folder (cats and dogs, chosen model pets) with an owl boxed on d.png: no model knows owls."""
    open_and_wait(qtbot, window, folder, model=None)
    qtbot.waitUntil(window.session.watchers.scan_finished, timeout=10_000)
    window.show_row(3)  # d.png, no box yet
    qtbot.waitUntil(lambda: window.edits.doc is not None, timeout=10_000)
    assert window.edits.add_box(Box(10, 10, 50, 50), "owl")
    bar = window.models.new_classes
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    assert "owl (2 more)" in bar.message.text()
    return bar


def _running_repeats(bar) -> list[QTimer]:
    return [timer for timer in bar.findChildren(QTimer) if timer.isActive() and not timer.isSingleShot()]


def test_the_bar_counts_an_edit_again_without_a_poll(qtbot, window, folder):
    bar = _no_model_for_owl(qtbot, window, folder)
    assert _running_repeats(bar) == []  # nothing looks each second
    window.show_row(2)  # c.png: its cat is an owl now
    qtbot.waitUntil(lambda: window.edits.doc is not None and window.session.current == 2, timeout=10_000)
    assert window.edits.set_label("owl")
    qtbot.waitUntil(lambda: "owl (1 more)" in bar.message.text(), timeout=THROTTLE_MS * 4)


def test_an_edit_on_a_row_the_filter_hides_is_counted(qtbot, window, folder):
    bar = _no_model_for_owl(qtbot, window, folder)
    model, store = window.session.model, window.session.store
    model.set_text("e.png")  # only e.png listed: c.png is hidden
    assert model.view_row(2) == -1
    qtbot.wait(THROTTLE_MS * 2)  # (the count after the filter's change)
    # a rename of one image's class (as Edit → Classes… does on each image), a.png keeps its cat: the
    # folder's classes are the same, so the model choice does not show the bar again
    assert window.edits.rename_in(2, store.document(2), "cat", "owl")
    qtbot.waitUntil(lambda: "owl (1 more)" in bar.message.text(), timeout=THROTTLE_MS * 4)


def test_a_file_another_program_writes_is_counted(qtbot, window, folder):
    """No edit: the list's own change says it (b.png's dog is an owl now; e.png keeps a dog)."""
    import os

    bar = _no_model_for_owl(qtbot, window, folder)
    xml = folder / "b.xml"
    written = folder / "b.xml.new"
    written.write_text(xml.read_text(encoding="utf-8").replace("<name>dog</name>", "<name>owl</name>"),
                       encoding="utf-8")
    os.replace(written, xml)  # as a program that saves atomically: a folder event
    qtbot.waitUntil(lambda: "owl (1 more)" in bar.message.text(), timeout=5000)
    assert window.session.model.labels_of(1) == {"owl"}
