"""The Label box shows a long class from its start (it showed "ffordshire_terrier" of
"american_staffordshire_terrier"), with the whole name in its tooltip (a GUI hunt under Xvfb)."""

from __future__ import annotations

from petloc_gui.core.boxes import Box

from .conftest import open_and_wait, write_annotation

LONG = "american_staffordshire_terrier_with_a_long_name"


def test_a_long_label_is_shown_from_its_start(qtbot, window, folder):
    write_annotation(folder / "a.png", [(LONG, Box(10, 10, 50, 50))])
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    line = window.label_combo.lineEdit()
    assert line.text() == LONG and line.cursorPosition() == 0
    assert window.label_combo.toolTip().startswith(f"<p style='white-space:pre-wrap'>{LONG}<br>")


def test_the_class_list_changing_keeps_the_start_in_view(qtbot, window, folder):
    write_annotation(folder / "a.png", [(LONG, Box(10, 10, 50, 50))])
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.labels.set_names([*window.labels.names(), "zebra"])  # a class added: the list is filled again
    line = window.label_combo.lineEdit()
    assert line.text() == LONG and line.cursorPosition() == 0
