"""The demo reopened as the folder open last time (a second `petloc-gui` with no folder) opened like any
folder: sorted by name, on test_00000 (no mistake there), without the demo's hint, though the README
says the demo opens on the top of the review queue. It opens as the demo does now, however reached."""

from __future__ import annotations

from .conftest import wait_predictions


def _started(qtbot, window, argv):
    from petloc_gui.ui.app import _startup, parse_args

    _startup(window, parse_args(argv), screenshot_mode=False)
    wait_predictions(qtbot, window)


def _as_the_demo(window) -> bool:
    return (window.act["review_order"].isChecked()
            and window.statusBar().currentMessage().startswith("Demo with planted mistakes"))


def test_the_demo_reopened_as_the_last_folder_opens_on_the_review_queue(qtbot, window):
    from petloc_gui.app.demo_folder import ensure_demo_folder

    demo = ensure_demo_folder(count=12)
    window.settings.last_folder = str(demo)
    _started(qtbot, window, [])
    assert window.current_folder() == demo
    assert _as_the_demo(window)


def test_the_demo_named_on_the_command_line_too(qtbot, window):
    from petloc_gui.app.demo_folder import ensure_demo_folder

    demo = ensure_demo_folder(count=12)
    _started(qtbot, window, [str(demo)])
    assert _as_the_demo(window)


def test_another_folder_reopened_opens_as_it_is(qtbot, window, folder):
    window.settings.last_folder = str(folder)
    _started(qtbot, window, [])
    assert window.current_folder() == folder
    assert not _as_the_demo(window)


def test_file_open_demo_and_a_recent_demo_open_as_the_demo_too(qtbot, window, folder):
    """File → Open demo (and Open recent, which ends in the same open_folder) opened it sorted by name."""
    from petloc_gui.app.demo_folder import ensure_demo_folder

    ensure_demo_folder(count=12)
    assert window.open_folder(folder)
    assert not _as_the_demo(window)
    window.act["open_demo"].trigger()
    wait_predictions(qtbot, window)
    assert _as_the_demo(window)
    window.file_dock.set_review_order(False)  # as the user may; reloading keeps what they chose
    window.reload_folder()
    assert not window.act["review_order"].isChecked()


def test_the_demos_line_goes_when_another_folder_is_opened(qtbot, window, folder):
    from petloc_gui.app.demo_folder import ensure_demo_folder

    assert window.open_folder(ensure_demo_folder(count=12))
    assert _as_the_demo(window)
    assert window.open_folder(folder)
    assert not window.statusBar().currentMessage().startswith("Demo with planted mistakes")
