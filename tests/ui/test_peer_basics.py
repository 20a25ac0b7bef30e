"""What annotators expect from peers (labelImg, CVAT): help, unsaved names, docks, long names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox


from .conftest import open_and_wait


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
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.shortcut().toString():
                assert any(action.text().replace("&", "").rstrip("…") == text for text in rows.values()), action.text()
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
    assert "2 image(s)" in asked[0] and "a.png" in asked[0] and "c.png" in asked[0]


def test_unsaved_text_lists_ten_names_then_counts_the_rest():
    from petloc_gui.ui.review.save_guard import unsaved_text

    text = unsaved_text([f"img{i}.jpg" for i in range(13)])
    assert "img9.jpg" in text and "img10.jpg" not in text and "… and 3 more" in text


def test_the_dataset_panel_does_not_squeeze_the_image_panes(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    qtbot.wait(50)
    width = window.panel.width()
    window.dataset_panel.toggleViewAction().trigger()
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
    assert view.textElideMode() == Qt.ElideMiddle  # "a_very_lo…ing_0042.png": start and number stay
    index = window.session.model.index(0, 0)
    assert index.data(Qt.ToolTipRole).startswith(name)
