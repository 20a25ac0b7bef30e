"""`petloc-gui`'s start read Qt's -platform twice (`qt_options.qt_platform`, and `app._qt_environ` by a parse of its
own) and checked the xcb libraries and the display against two environments: the libraries' without -display.
And `xcb_check`'s two checks each said on their own when xcb is the platform, differently: the libraries' check
stopped a start Qt could make without xcb ("xcb;offscreen" falls back along the list; a Wayland display is there
to choose). Now the environment as Qt reads it is built once (`qt_options.qt_option`), both checks are given it,
and one rule says where xcb is the platform (`xcb_check.xcb_is_the_platform`)."""

from __future__ import annotations

import pytest

from petloc_gui.ui import xcb_check
from petloc_gui.ui.qt_options import qt_option


def _nothing_loads(_library: str) -> bool:
    return False


def test_the_last_value_of_an_option_is_the_one_qt_takes():
    qt_args = ["-display", ":2", "-platform", "offscreen", "-reverse", "-display", ":3"]
    assert (qt_option(qt_args, "display"), qt_option(qt_args, "platform")) == (":3", "offscreen")
    assert qt_option(qt_args, "style") is None and qt_option([], "platform") is None


def test_both_checks_are_given_the_environment_qt_reads(monkeypatch, capsys):
    from petloc_gui.ui import app

    monkeypatch.setenv("QT_QPA_PLATFORM", "wayland")
    monkeypatch.setenv("DISPLAY", ":1")
    asked: list[tuple[str, dict[str, str]]] = []
    monkeypatch.setattr(xcb_check, "xcb_problem", lambda environ: asked.append(("libraries", dict(environ))))
    monkeypatch.setattr(xcb_check, "display_problem",
                        lambda environ: asked.append(("display", dict(environ))) or "petloc-gui: no display")
    assert app.main(["-platform", "xcb", "-display", ":7", "--timeout", "1"]) == 1  # stopped before Qt starts
    assert [what for what, _ in asked] == ["libraries", "display"]
    for _what, environ in asked:
        assert (environ["QT_QPA_PLATFORM"], environ["DISPLAY"]) == ("xcb", ":7")
    assert "no display" in capsys.readouterr().err


@pytest.mark.parametrize("environ", [
    {"QT_QPA_PLATFORM": "xcb;offscreen"},  # Qt falls back along the list
    {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"},  # Qt may choose Wayland
], ids=["a list", "Wayland beside X"])
def test_missing_libraries_stop_no_start_qt_could_make_without_xcb(environ):
    assert xcb_check.xcb_problem(environ, "linux", _nothing_loads) is None
    assert xcb_check.display_problem({**environ, "DISPLAY": ""}, "linux", lambda _display: False) is None


@pytest.mark.parametrize("environ", [{"DISPLAY": ":0"}, {"QT_QPA_PLATFORM": "xcb"},
                                     {"QT_QPA_PLATFORM": "xcb:nograb", "WAYLAND_DISPLAY": "wayland-0"}])
def test_where_xcb_is_the_one_platform_both_checks_look(environ):
    assert xcb_check.xcb_is_the_platform(environ, "linux")
    assert xcb_check.xcb_problem(environ, "linux", _nothing_loads) is not None
    assert xcb_check.display_problem({**environ, "DISPLAY": ":5"}, "linux", lambda _display: False) is not None
