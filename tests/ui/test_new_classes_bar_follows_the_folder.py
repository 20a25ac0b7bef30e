"""In the window, the no-model bar follows the open folder's list and its edits: `ModelController` named
no list, so the bar looked at every row's boxes each second while shown (its poll), and a change came
up to a second late. It counts again when the list says its class counts changed (`counts_changed`, rows
its filter hides too) and on each edit."""

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


def test_a_file_another_program_writes_for_a_row_the_filter_hides_is_counted(qtbot, window, folder):
    """No edit, and no row the list shows changes: the list's tally says it (`counts_changed`); the bar
    kept "owl (2 more)" until some unrelated change."""
    import os

    bar = _no_model_for_owl(qtbot, window, folder)
    model = window.session.model
    model.set_text("e.png")  # only e.png listed: b.png is hidden
    assert model.view_row(1) == -1
    qtbot.wait(THROTTLE_MS * 2)  # (the count after the filter's change)
    xml = folder / "b.xml"
    written = folder / "b.xml.new"
    written.write_text(xml.read_text(encoding="utf-8").replace("<name>dog</name>", "<name>owl</name>"),
                       encoding="utf-8")
    os.replace(written, xml)  # as a program that saves atomically: a folder event
    qtbot.waitUntil(lambda: model.labels_of(1) == {"owl"}, timeout=5000)
    qtbot.waitUntil(lambda: "owl (1 more)" in bar.message.text(), timeout=5000)
    assert model.view_row(1) == -1  # still hidden: no row shown changed


def test_a_hidden_row_that_completes_a_class_enables_the_button(qtbot):
    """The list's background facts (``emit=False``, as a scan or a file another program wrote sets them) on rows
    its filter hides: the bar counts them, and its button follows."""
    from petloc_gui.ui.models.new_classes_bar import NewClassesBar
    from petloc_gui.ui.review.file_list import FileListModel

    rows = FileListModel([f"img_{i}.png" for i in range(5)], [False] * 5)
    for row in range(2):
        rows.set_ground_truth(row, "owl", Box(10, 10, 50, 50), False)
    bar = NewClassesBar(None, rows.box_counts)
    qtbot.addWidget(bar)
    bar.show_for(frozenset({"owl"}), frozenset(), rows=rows)
    assert "owl (1 more)" in bar.message.text() and not bar.button.isEnabled()
    rows.set_text("img_0")  # img_3 hidden
    qtbot.wait(THROTTLE_MS * 2)
    rows.set_ground_truth(3, "owl", Box(10, 10, 50, 50), False, emit=False)
    qtbot.waitUntil(bar.button.isEnabled, timeout=THROTTLE_MS * 4)
    assert "enough boxes" in bar.message.text()
