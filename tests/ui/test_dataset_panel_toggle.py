"""Ctrl+I brings the dataset panel to the front when it is a tab behind the image list."""

from __future__ import annotations

from .conftest import open_and_wait


def on_screen(dock) -> bool:
    return not dock.isHidden() and not dock.visibleRegion().isEmpty()


def test_ctrl_i_raises_the_panel_tabbed_behind_the_list_instead_of_hiding_it(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    panel, listing, toggle = window.dataset_panel, window.file_dock, window.act["dataset_panel"]
    assert toggle.shortcut().toString() == "Ctrl+I" and not toggle.isChecked()
    toggle.trigger()  # hidden: shown, in front of the list
    qtbot.waitUntil(lambda: on_screen(panel), timeout=3000)
    assert toggle.isChecked()
    listing.raise_()  # the user clicks the list's tab: the panel is behind it, still shown
    qtbot.waitUntil(lambda: not on_screen(panel), timeout=3000)
    assert not panel.isHidden() and toggle.isChecked()
    toggle.trigger()  # Qt's own action hid it here: a second press was needed to see it
    qtbot.waitUntil(lambda: on_screen(panel), timeout=3000)
    assert toggle.isChecked()
    toggle.trigger()  # in front: hidden, the list back in front
    qtbot.waitUntil(lambda: panel.isHidden() and on_screen(listing), timeout=3000)
    assert not toggle.isChecked()


def test_the_image_list_entry_also_raises_a_covered_list_and_follows_the_title_bar_close(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.act["dataset_panel"].trigger()  # the panel in front, the list behind it
    qtbot.waitUntil(lambda: not on_screen(window.file_dock), timeout=3000)
    window.act["image_list"].trigger()
    qtbot.waitUntil(lambda: on_screen(window.file_dock), timeout=3000)
    window.file_dock.close()  # its title bar's ×
    qtbot.waitUntil(window.file_dock.isHidden, timeout=3000)
    assert not window.act["image_list"].isChecked()
