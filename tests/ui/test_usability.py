"""Keyboard and mouse reach every action; settings persist; edits survive moving around; 10,000 images.

Timings (next image, opening 10,000 images) are measured by benchmarks/gui_latency.py, not asserted here.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from petloc_gui.core.boxes import Box

from .conftest import PRED, FakeFactory, open_and_wait, write_image


def _menu_actions(menu: QMenu) -> list:
    out = []
    for action in menu.actions():
        out.append(action)
        if action.menu() is not None:
            out += _menu_actions(action.menu())
    return out


def test_every_action_is_in_a_menu_and_has_a_key(qtbot, window):
    in_menus = set()
    for top in window.menuBar().actions():
        in_menus.update(id(a) for a in _menu_actions(top.menu()))
    for name, action in window.act.items():
        assert id(action) in in_menus, f"{name} cannot be reached with the mouse"
        # Keyboard: a shortcut, or a mnemonic (Alt+menu letter, then the item's letter).
        assert action.shortcuts() or "&" in action.text(), f"{name} has no key"
    undo_keys = {s.toString() for s in window.act["undo"].shortcuts()}
    redo_keys = {s.toString() for s in window.act["redo"].shortcuts()}
    assert "Ctrl+Z" in undo_keys and {"Ctrl+Shift+Z", "Ctrl+Y"} <= redo_keys
    # Relabelling by mouse: the label list sits in the toolbar next to the buttons.
    assert window.label_combo.isVisible()


def test_relabel_with_the_mouse_from_the_label_list(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    combo = window.label_combo
    combo.activated.emit(combo.findText("dog"))
    assert window.session.store.document(0).primary.name == "dog"


def test_settings_persist_autosave_last_folder_and_layout(qtbot, folder, tmp_path):
    from petloc_gui.ui.main_window import MainWindow
    from petloc_gui.ui.settings import Settings

    ini = str(tmp_path / "petloc.ini")
    first = MainWindow(model_factory=FakeFactory(dict(PRED)), settings=Settings(ini))
    first.resize(900, 700)
    first.show()
    open_and_wait(qtbot, first, folder)
    first.act["autosave"].trigger()
    first.dataset_panel.show()
    first.dock_share.wish = 333  # as if the user had dragged the list to 333 px
    first.close()
    first.shutdown()

    stored = Settings(ini)
    assert stored.autosave is True
    assert stored.last_folder == str(folder)
    assert stored.geometry() is not None and stored.state() is not None
    assert stored.list_width() == 333
    second = MainWindow(model_factory=FakeFactory(dict(PRED)), settings=Settings(ini))
    qtbot.addWidget(second)
    second.show()
    assert second.act["autosave"].isChecked()
    assert second.dataset_panel.isVisible()  # the dock layout came back
    assert second.dock_share.wish == 333  # the list's chosen width, whatever the window's size at closing
    # Not the default 1400: the size came back (within the screen: offscreen's is 800 wide).
    expected = min(900, second.available_screen().width() - 16)
    assert abs(second.width() - expected) < 50
    second.shutdown()


def test_edits_stay_in_memory_when_moving_between_images(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.act["nudge_right_fast"].trigger()
    assert window.act["undo"].iconText() == "Undo"  # the toolbar button does not grow to "Undo Nudge box"
    window.show_row(2)
    window.show_row(4)
    window.show_row(0)
    doc = window.session.store.document(0)
    assert doc.primary.box == Box(20, 10, 60, 50)
    assert window.session.model.status[0] == "edited" and window.has_unsaved()
    assert window.isWindowModified()
    view = window.file_dock.view
    assert view.horizontalHeader().sectionSize(1) >= view.fontMetrics().horizontalAdvance("edited (unsaved)")
    window.act["undo"].trigger()
    assert doc.primary.box == Box(10, 10, 50, 50) and not window.has_unsaved()


def test_ten_thousand_images_open_and_decode_lazily(qtbot, window, tmp_path):
    # How fast: benchmarks/gui_latency.py (--many 10000); here only what must hold at any speed.
    root = tmp_path / "many"
    root.mkdir()
    write_image(root / "img_00000.png", size=(64, 48))
    source = root / "img_00000.png"
    for i in range(1, 10_000):
        os.link(source, root / f"img_{i:05d}.png")  # same bytes, no time spent encoding
    assert window.open_folder(root, model="fake")
    assert window.session.model.rowCount() == 10_000
    for _ in range(30):
        window.step_image(1)
    assert window.session.current == 30
    # Only the images looked at and a few neighbours were decoded, within the cache's bound.
    assert len(window.images._items) <= window.images.max_items
    window.file_dock.search.setText("img_0999")
    assert window.session.model.rowCount() == 10  # img_09990 … img_09999


def test_images_verified_on_disk_show_as_verified_in_the_list(qtbot, window, folder):
    from petloc_gui.core.voc import read_voc, write_voc

    annotation = read_voc(folder / "c.xml")
    annotation.verified = True
    write_voc(annotation, folder / "c.xml")
    open_and_wait(qtbot, window, folder)
    assert window.session.model.status[2] == "verified"
    dock = window.file_dock
    dock.status_filter.setCurrentIndex(dock.status_filter.findData("verified"))
    assert [window.session.model.index(r, 0).data() for r in range(window.session.model.rowCount())] == ["c.png"]


def test_model_menu_switches_to_a_bundled_model_with_the_mouse(qtbot, window, folder, factory):
    open_and_wait(qtbot, window, folder)
    entries = {a.text().replace("&", ""): a for a in window.model_menu.actions()}
    assert "Bundled: pets" in entries and "Bundled: digits" in entries
    entries["Bundled: pets"].trigger()
    assert window.current_model_spec() == "pets" and entries["Bundled: pets"].isChecked()
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert factory.handles[-1].info.spec == "pets"
    assert "pets" in window.model_status.text()


def test_screenshot_mode_saves_the_window_once_predicted_and_exits_0(qtbot, folder, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage

    from petloc_gui.ui import app, main_window

    monkeypatch.setattr(main_window, "load_model_handle", FakeFactory(dict(PRED)))
    out = tmp_path / "shot.png"
    assert app.main([str(folder), "--model", "fake", "--screenshot", str(out), "--timeout", "30"]) == 0
    image = QImage(str(out))
    assert not image.isNull() and image.width() > 400 and image.height() > 300


def test_screenshot_mode_takes_a_failed_prediction_the_cache_did_not_keep(qtbot, folder, tmp_path, monkeypatch):
    from petloc_gui.ui import app, main_window
    from petloc_gui.ui.models.prediction_service import PredictionService

    monkeypatch.setattr(main_window, "load_model_handle", FakeFactory(dict(PRED)))
    (folder / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n cut short")  # the first image: its prediction fails
    monkeypatch.setattr(PredictionService, "cached", lambda self, path: None)  # as for a file changed meanwhile
    out = tmp_path / "shot.png"
    assert app.main([str(folder), "--model", "fake", "--screenshot", str(out), "--timeout", "10"]) == 0
    assert out.exists()


def test_screenshot_mode_takes_an_image_deleted_before_its_prediction_came(qtbot, window, folder, tmp_path,
                                                                           monkeypatch):
    from petloc_gui.ui.screenshot import ScreenshotTaker

    open_and_wait(qtbot, window, folder)
    session = window.session
    monkeypatch.setattr(window, "cached_prediction", lambda path: None)  # none came, no failure either
    session.model.pred_errors[session.current] = None
    taker = ScreenshotTaker(window, tmp_path / "shot.png")
    assert not taker._ready()  # still waiting for it
    session.model.set_gone({session.current})
    assert taker._ready()  # its pane says it was deleted: nothing more will come


def test_screenshot_mode_exits_non_zero_when_the_model_fails(qtbot, folder, tmp_path, monkeypatch, capsys):
    from petloc_gui.ui import app, main_window

    monkeypatch.setattr(main_window, "load_model_handle", FakeFactory(dict(PRED), fail={"broken"}))
    out = tmp_path / "shot.png"
    code = app.main([str(folder), "--model", "broken", "--screenshot", str(out), "--timeout", "30"])
    assert code != 0 and not out.exists()
    assert "cannot load broken" in capsys.readouterr().err


def test_shortcuts_dialog_fits_a_small_screen(qtbot, window, monkeypatch):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    from petloc_gui.ui.help_dialog import HelpDialog

    # 1066 x 666 logical pixels: a 1600 x 1000 screen at 150% scale, where it was 1019 px tall
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: QRect(0, 0, 1066, 666))
    dialog = HelpDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.height() < 666 and dialog.width() < 1066  # its table scrolls
    assert not dialog.testAttribute(Qt.WA_Moved)  # resized only: Qt still centres it on the window


def test_dataset_panel_does_not_make_the_window_taller_than_its_charts_need(qtbot, window, folder):
    # At 150% scale its charts and figures made the window taller than a 1000 px screen.
    open_and_wait(qtbot, window, folder)
    window.dataset_panel.show()
    assert window.dataset_panel.minimumSizeHint().height() < 200
