"""What annotators expect from peers (labelImg, CVAT): help, unsaved names, docks, long names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from petloc_gui.core.boxes import Box

from .conftest import edit_b, open_and_wait


def test_f1_lists_every_menu_shortcut_including_ctrl_i_and_ctrl_t(qtbot, window):
    from petloc_gui.ui.app import install_retraining
    from petloc_gui.ui.help_dialog import HelpDialog

    install_retraining(window)
    dialog = HelpDialog(window)
    qtbot.addWidget(dialog)
    rows = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    keys = " | ".join(rows)
    for shortcut in ("Ctrl+I", "Ctrl+T", "Ctrl+L", "Ctrl+Z", "F1", "N"):
        assert shortcut in keys, shortcut
    listed = [key for r in range(dialog.table.rowCount()) for key in dialog.table.item(r, 0).text().split(", ")]
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.shortcut().toString():  # listed by its text, or its keys under the table's own words
                text = action.text().replace("&", "").rstrip("…")
                assert text in rows.values() or action.shortcut().toString() in listed, action.text()
    assert len(listed) == len(set(listed)), "a key listed twice"  # Undo was, as "Undo (this image)" and "Undo"
    window.retrain_controller.shutdown()


def test_the_unsaved_changes_question_names_the_images(qtbot, window, folder, monkeypatch):
    open_and_wait(qtbot, window, folder)
    for row in (0, 2):
        window.show_row(row)
        window.act["nudge_right"].trigger()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a, **k: asked.append(text)
                        or QMessageBox.Cancel)
    assert not window.guard.confirm_leave()
    assert "2 images have" in asked[0] and "a.png" in asked[0] and "c.png" in asked[0]
    assert not window.reload_folder()  # F5: the same question, for reading the folder again
    assert asked[1].endswith("before the folder is read again?")
    assert "gone from the folder" not in asked[0]


def test_unsaved_text_lists_ten_names_then_counts_the_rest():
    from petloc_gui.ui.review.save_guard import unsaved_text

    text = unsaved_text([f"img{i}.jpg" for i in range(13)])
    assert "img9.jpg" in text and "img10.jpg" not in text and "… and 3 more" in text
    assert unsaved_text(["a.jpg"]).startswith("1 image has unsaved changes")
    assert unsaved_text(["a.jpg"]).endswith("before the folder is closed?")
    assert unsaved_text(["a.jpg"], reload=True).endswith("before the folder is read again?")  # F5 closes nothing
    lines = unsaved_text(["a.jpg", "b.jpg"], gone={"b.jpg"}).splitlines()
    assert "  • a.jpg" in lines
    assert "  • b.jpg (image gone from the folder: cannot be saved; put it back under its name, or Discard)" in lines


def test_the_dataset_panel_does_not_squeeze_the_image_panes(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    qtbot.wait(50)
    width = window.panel.width()
    window.act["dataset_panel"].trigger()
    qtbot.waitUntil(window.dataset_panel.isVisible, timeout=3000)
    qtbot.wait(50)
    assert abs(window.panel.width() - width) <= 2
    assert window.dockWidgetArea(window.dataset_panel) == window.dockWidgetArea(window.file_dock)


def test_long_file_names_stay_readable_in_the_list(qtbot, window, tmp_path):
    from .conftest import write_image

    root = tmp_path / "long"
    root.mkdir()
    name = "a_very_long_photo_name_from_a_camera_that_never_stops_talking_0042.png"
    write_image(root / name)
    open_and_wait(qtbot, window, root)
    view = window.file_dock.view
    # "…talking_0042.png": the end stays, where names of one folder differ (a shared start told 10k rows apart
    # by nothing: tests/ui/test_list_names_told_apart.py)
    assert view.textElideMode() == Qt.ElideLeft
    index = window.session.model.index(0, 0)
    assert index.data(Qt.ToolTipRole).startswith(name)


def test_crosshair_and_cursor_position_and_box_size_while_drawing(qtbot, window, folder):
    from PySide6.QtCore import QEvent

    from .test_canvas_mouse import _send

    open_and_wait(qtbot, window, folder)
    window.show_row(3)
    view = window.panel.gt_pane
    _send(view, QEvent.MouseMove, (30, 40))
    assert window.cursor_label.text() == "x 30  y 40"
    assert not view.crosshair_shown()  # only in draw mode or while drawing
    window.act["draw_mode"].setChecked(True)
    _send(view, QEvent.MouseMove, (31, 40))
    assert view.crosshair_shown()
    _send(view, QEvent.MouseButtonPress, (20, 20))
    _send(view, QEvent.MouseMove, (80, 50))
    text = window.cursor_label.text()  # view <-> scene mapping may round a pixel
    assert text.startswith("x 80  y 50 · box ") and text.split("box ")[1] in ("59 × 30", "60 × 30", "61 × 30")
    _send(view, QEvent.MouseButtonRelease, (80, 50))
    assert window.cursor_label.text() == "x 80  y 50"


def test_draw_mode_ends_after_one_box_unless_asked_to_stay(qtbot, window, folder):
    from .test_canvas_mouse import drag

    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    view = window.panel.gt_pane
    doc = window.session.store.document(0)
    window.act["draw_mode"].trigger()
    drag(view, (20, 20), (45, 45))  # over the existing box: draw mode draws
    assert len(doc.objects) == 2 and not window.act["draw_mode"].isChecked() and not view.draw_mode
    window.act["stay_in_draw_mode"].setChecked(True)
    assert window.settings.stay_in_draw_mode
    window.act["draw_mode"].trigger()
    drag(view, (20, 20), (40, 40))
    drag(view, (25, 25), (45, 45))
    assert len(doc.objects) == 4 and window.act["draw_mode"].isChecked()


def test_each_of_the_four_edges_moves_from_the_keyboard(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: cat at (10, 10, 50, 50)
    doc = window.session.store.document(0)
    for name in ("left_edge_left", "top_edge_up", "grow_width", "grow_height"):
        window.act[name].trigger()
    assert doc.objects[0].box == Box(9, 9, 51, 51)
    for name in ("left_edge_right", "left_edge_right", "top_edge_down", "top_edge_down", "shrink_width",
                 "shrink_height"):
        window.act[name].trigger()
    assert doc.objects[0].box == Box(11, 11, 50, 50)
    assert window.edits.stack().count() == 1  # consecutive keyboard resizes are one undo step
    keys = {window.act[n].shortcut().toString() for n in ("left_edge_left", "top_edge_up")}
    assert keys == {"Alt+Shift+Left", "Alt+Shift+Up"}


def test_brightness_and_contrast_change_the_display_only(qtbot, window, tmp_path):
    import numpy as np
    from PIL import Image

    from petloc_gui.ui.canvas.image_adjust import Adjustment, adjusted

    root = tmp_path / "dark"
    root.mkdir()
    Image.fromarray(np.full((60, 80, 3), 30, np.uint8)).save(root / "night.png")
    before = (root / "night.png").read_bytes()
    open_and_wait(qtbot, window, root)
    pane = window.panel.gt_pane

    def shown_mean():
        image = pane._pixmap_item.pixmap().toImage()  # what is on screen
        return sum(image.pixelColor(x, y).red() for x in range(0, 80, 8) for y in range(0, 60, 6)) / 100

    assert shown_mean() == 30
    window.act["brighter"].trigger()
    window.act["brighter"].trigger()
    assert shown_mean() == 62
    window.act["more_contrast"].trigger()  # (30 - 128) * 1.2 + 128 + 32
    assert abs(shown_mean() - 42.4) <= 1
    assert window.panel.pred_pane.adjustment == window.panel.adjustment  # both panes alike
    window.act["reset_adjustment"].trigger()
    assert shown_mean() == 30
    assert (root / "night.png").read_bytes() == before
    assert adjusted(pane._source_image, Adjustment()) is pane._source_image


def test_a_long_name_in_the_unsaved_question_keeps_its_start_and_end():
    from petloc_gui.ui.review.save_guard import unsaved_text

    name = "IMG_20261201_a_very_long_file_name_from_a_phone_camera_that_never_stops_0042.jpg"
    line = next(ln for ln in unsaved_text([name]).splitlines() if "•" in ln)
    assert line.strip().startswith("• IMG_2026") and line.endswith("stops_0042.jpg") and len(line) < 70


def test_the_status_bar_counts_saved_images_in_words(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    assert window.save_all()
    assert window.statusBar().currentMessage() == "Saved 1 image."


def test_closing_asks_about_unsaved_edits_before_a_running_training(qtbot, window):
    # Saving edits is harmless if the quit is then cancelled; stopping a run is not undone.
    from types import SimpleNamespace

    asked, answers = [], [False, True, True]  # the last for the fixture's own close
    window.retrain_controller = SimpleNamespace(confirm_quit=lambda: asked.append("training") or answers.pop(0))
    window.guard.confirm_leave = lambda reload=False: asked.append("edits") or True
    window.close()  # "Cancel" to "stop the training?": the window stays
    assert asked == ["edits", "training"] and window.isVisible()
    window.close()
    assert asked == ["edits", "training", "edits", "training"] and not window.isVisible()
