"""A box drawn and resized with the keyboard alone. Drawing needed a mouse drag and A only copies a
prediction, so in a folder no model knows a keyboard-only user could not make a first box; the left
and top edges moved only with Alt+Shift+arrows, which openbox's default bindings take (send the window
to another desktop). Now, in draw mode (W), Enter puts a box in the middle of the view (one undo step),
and C hands Alt+arrows to the top-left corner, said in the status line; Alt+Shift+arrows still work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from petloc_gui.core.boxes import Box
from petloc_gui.ui.editing.resize_corner import CORNER_NOTE

from .conftest import write_annotation, write_image

ALT = Qt.KeyboardModifier.AltModifier


def _folder_no_model_knows(root):
    """bird and car boxed, and an image with no box yet."""
    root.mkdir()
    for i, label in enumerate(["bird", "car"]):
        write_image(root / f"boxed_{i}.png", seed=i)
        write_annotation(root / f"boxed_{i}.png", [(label, Box(10, 10, 50, 40))])
    write_image(root / "zz_empty.png", size=(120, 90), seed=7)
    return root


def _keyboard_on_the_empty_image(qtbot, window, tmp_path):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    assert window.open_folder(_folder_no_model_knows(tmp_path / "mine"))
    qtbot.waitUntil(window.session.watchers.scan_finished, timeout=10_000)
    assert window.current_model_spec() == ""  # no model: nothing for A to accept
    window.show_row(window.session.model.names.index("zz_empty.png"))
    window.focus_canvas()
    canvas = QApplication.focusWidget()
    assert canvas is window.panel.gt_pane
    return canvas


def _corner_said(window) -> bool:
    """The status line says Alt+arrows move the top-left corner."""
    return any(label.isVisible() and label.text() == CORNER_NOTE for label in window.statusBar().findChildren(QLabel))


def _boxes(window):
    return [(o.name, o.box) for o in window.edits.doc.objects]


def test_a_box_is_placed_resized_from_the_top_left_and_undone_by_keys_alone(qtbot, window, tmp_path):
    canvas = _keyboard_on_the_empty_image(qtbot, window, tmp_path)
    qtbot.keyClick(canvas, Qt.Key_Return)
    assert _boxes(window) == []  # Enter outside draw mode: no box by accident
    qtbot.keyClick(canvas, Qt.Key_2)  # car, for the box about to be made (as before a drag)
    qtbot.keyClick(canvas, Qt.Key_W)
    qtbot.keyClick(canvas, Qt.Key_Return)
    # half the view's part of the image (all of it: 120 x 90), in its middle: 22.5..67.5 high, 45 pixels
    # as the half of 90 is (each edge rounded on its own, it was 22..68, 46)
    placed = Box(30, 22, 90, 67)
    assert _boxes(window) == [("car", placed)]
    assert not window.act["draw_mode"].isChecked()  # draw mode ends after the box, as after a drag
    assert window.edits.stack().count() == 1  # one undo step

    qtbot.keyClick(canvas, Qt.Key_C)  # Alt+arrows: the top-left corner
    assert _corner_said(window)
    for _ in range(3):
        qtbot.keyClick(canvas, Qt.Key_Left, ALT)
    qtbot.keyClick(canvas, Qt.Key_Up, ALT)
    assert _boxes(window) == [("car", Box(27, 21, 90, 67))]
    qtbot.keyClick(canvas, Qt.Key_C)  # back: Alt+arrows move the bottom-right corner
    assert not _corner_said(window)
    qtbot.keyClick(canvas, Qt.Key_Right, ALT)
    qtbot.keyClick(canvas, Qt.Key_Up, ALT | Qt.KeyboardModifier.ShiftModifier)  # the top edge, as ever
    assert _boxes(window) == [("car", Box(27, 20, 91, 67))]

    qtbot.keyClick(canvas, Qt.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _boxes(window) == [("car", placed)]  # the resizes, one step
    qtbot.keyClick(canvas, Qt.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _boxes(window) == []  # the box, one step


def test_enter_in_the_search_box_in_draw_mode_ends_the_search_and_places_nothing(qtbot, window, tmp_path):
    canvas = _keyboard_on_the_empty_image(qtbot, window, tmp_path)
    qtbot.keyClick(canvas, Qt.Key_W)
    qtbot.keyClick(canvas, Qt.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    assert QApplication.focusWidget() is canvas and _boxes(window) == []


def test_the_menu_entry_places_a_box_outside_draw_mode_and_says_so_without_an_image(qtbot, window, tmp_path):
    window.act["place_box"].trigger()  # no folder open
    assert "No image to put a box on" in window.statusBar().currentMessage()
    _keyboard_on_the_empty_image(qtbot, window, tmp_path)
    window.act["place_box"].trigger()
    assert len(_boxes(window)) == 1 and "arrows move it" in window.statusBar().currentMessage()
