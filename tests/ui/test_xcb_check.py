"""Issue 11 point 13: missing X11 libraries are named, with the packages to install."""

from __future__ import annotations

from petloc_gui.ui import xcb_check


def _without(*names):
    return lambda library: library not in names


def test_the_message_names_the_missing_libraries_and_their_packages():
    message = xcb_check.xcb_problem({"DISPLAY": ":0"}, "linux",
                                    _without("libxcb-icccm.so.4", "libxcb-keysyms.so.1"))
    assert message is not None
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in message
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in message
    assert "cursor" not in message  # Qt's own hint named xcb-cursor0 whatever was missing


def test_nothing_is_said_when_nothing_is_missing_or_x11_is_not_used():
    everything = _without()
    assert xcb_check.xcb_problem({"DISPLAY": ":0"}, "linux", everything) is None
    nothing = lambda library: False  # noqa: E731
    assert xcb_check.xcb_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", nothing) is None
    assert xcb_check.xcb_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", nothing) is None
    assert xcb_check.xcb_problem({"DISPLAY": ":0"}, "darwin", nothing) is None
    assert xcb_check.xcb_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", nothing) is not None


def test_the_table_is_what_the_installed_qt_plugin_links_against():
    import re
    import shutil
    import subprocess
    from pathlib import Path

    import PySide6
    import pytest

    plugin = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6XcbQpa.so.6"
    if not plugin.is_file() or shutil.which("ldd") is None:
        pytest.skip("no libQt6XcbQpa.so.6 or no ldd on this system")
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    linked = {m.group(1) for m in re.finditer(r"^\s*(\S+) =>", out, re.M)}
    xcb = {name for name in linked if re.match(r"lib(xcb|X11-xcb|xkbcommon)", name)}
    assert xcb == {library for library, _ in xcb_check.XCB_LIBRARIES}


def test_petloc_gui_prints_the_message_and_exits_1_before_qt_starts(monkeypatch, capsys):
    from petloc_gui.ui import app

    monkeypatch.setattr(xcb_check, "xcb_problem", lambda _environ: "petloc-gui: missing libxcb-icccm.so.4")
    assert app.main(["--timeout", "1"]) == 1
    assert "libxcb-icccm.so.4" in capsys.readouterr().err
