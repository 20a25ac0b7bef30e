"""With no display (SSH without X forwarding, CI without Xvfb) or a DISPLAY no X server answers,
`petloc-gui --screenshot x.png` aborted inside Qt (exit 134) with "could not connect to display" and a hint
naming xcb-cursor0. It now says one line and exits 1 (its documented status for a start that fails) before
Qt starts; an offscreen start is untouched."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from petloc_gui.ui import xcb_check
from petloc_gui.ui.app import _qt_environ

ROOT = Path(__file__).resolve().parents[2]
HINT = "(run it inside a desktop session, or with QT_QPA_PLATFORM=offscreen for --screenshot)"
NO_SERVER = ":987"

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="Qt's xcb platform is Linux's")


def _env(tmp_path: Path, **set_: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"}}
    env.update(PYTHONPATH=str(ROOT), HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_DATA_HOME=str(tmp_path / "data"), **set_)
    return env


def _gui(tmp_path: Path, *args: str, **set_: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "petloc_gui.ui.app", *args], capture_output=True, text=True,
                          env=_env(tmp_path, **set_), cwd=tmp_path, timeout=120)


@linux_only
def test_no_display_is_said_in_one_line_with_exit_1(tmp_path):
    done = _gui(tmp_path, "--screenshot", str(tmp_path / "x.png"))
    assert done.returncode == 1, done.stderr
    assert done.stderr == f"petloc-gui: no display: DISPLAY is not set {HINT}\n"
    assert not (tmp_path / "x.png").exists()


@linux_only
def test_a_display_no_server_answers_is_said_in_one_line_with_exit_1(tmp_path):
    if Path(f"/tmp/.X11-unix/X{NO_SERVER[1:]}").exists():
        pytest.skip(f"an X server listens at {NO_SERVER} here")
    done = _gui(tmp_path, "--screenshot", str(tmp_path / "x.png"), DISPLAY=NO_SERVER)
    assert done.returncode == 1, done.stderr
    assert done.stderr == f"petloc-gui: no display: cannot connect to the display {NO_SERVER} {HINT}\n"
    # Qt's -display wins over DISPLAY, for Qt and for the check
    done = _gui(tmp_path, "-display", NO_SERVER, "--screenshot", str(tmp_path / "x.png"))
    assert done.returncode == 1, done.stderr
    assert f"cannot connect to the display {NO_SERVER} " in done.stderr


def test_help_needs_no_display(tmp_path):
    done = _gui(tmp_path, "--help")
    assert done.returncode == 0, done.stderr
    assert "usage: petloc-gui" in done.stdout and "no display" in done.stdout  # the epilog's exit status 1


@pytest.mark.parametrize("how", [{"QT_QPA_PLATFORM": "offscreen"}, {"args": "-platform offscreen"}],
                         ids=["QT_QPA_PLATFORM", "-platform"])
def test_offscreen_starts_with_no_display_as_before(tmp_path, how):
    args = how.get("args", "").split()
    code = f"""
        import sys
        import petloc_gui.ui.main_window as main_window

        class Seen(Exception):
            pass

        def window_made(**_made_with):  # the start got past the checks and QApplication to the window
            print("window", flush=True)
            raise Seen

        main_window.MainWindow = window_made
        from petloc_gui.ui.app import main
        try:
            main({[*args, "--screenshot", str(tmp_path / "x.png")]!r})
        except Seen:
            sys.exit(0)
        sys.exit(9)
    """
    env = _env(tmp_path, **{k: v for k, v in how.items() if k != "args"})
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["window"], done.stdout
    assert "no display" not in done.stderr


def _never_asked(display: str) -> bool:
    raise AssertionError(f"connected to {display}")


def test_where_the_display_is_checked():
    refused = lambda display: False  # noqa: E731
    assert xcb_check.display_problem({"DISPLAY": ":0"}, "linux", lambda display: True) is None
    assert xcb_check.display_problem({"DISPLAY": ":5"}, "linux", refused) == (
        f"petloc-gui: no display: cannot connect to the display :5 {HINT}")
    assert xcb_check.display_problem({"DISPLAY": ":0"}, "linux", lambda display: None) is None  # no libxcb: Qt says
    assert xcb_check.display_problem({}, "linux", _never_asked) == f"petloc-gui: no display: DISPLAY is not set {HINT}"
    assert xcb_check.display_problem({"QT_QPA_PLATFORM": "xcb"}, "linux", _never_asked) is not None
    assert xcb_check.display_problem({"DISPLAY": ":5", "QT_QPA_PLATFORM": "xcb:nograb"}, "linux", refused) is not None
    # Qt is told xcb alone, so Wayland's socket does not help it
    assert xcb_check.display_problem({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux",
                                     _never_asked) is not None
    # not blocked: Qt may choose Wayland, another platform, or fall back along a list
    for environ in ({"WAYLAND_DISPLAY": "wayland-0"}, {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":5"},
                    {"QT_QPA_PLATFORM": "offscreen"}, {"QT_QPA_PLATFORM": "wayland"},
                    {"QT_QPA_PLATFORM": "xcb;offscreen"}):
        assert xcb_check.display_problem(environ, "linux", _never_asked) is None, environ
    assert xcb_check.display_problem({}, "darwin", _never_asked) is None
    assert xcb_check.display_problem({}, "win32", _never_asked) is None


def test_qts_options_are_read_as_qt_reads_them(monkeypatch):
    monkeypatch.setenv("DISPLAY", ":1")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    environ = _qt_environ(["-display", ":2", "-platform", "offscreen", "-display", ":3"])
    assert (environ["DISPLAY"], environ["QT_QPA_PLATFORM"]) == (":3", "offscreen")
    assert (_qt_environ(["-reverse"])["DISPLAY"], _qt_environ([])["QT_QPA_PLATFORM"]) == (":1", "xcb")


@linux_only
def test_libxcb_is_asked_as_qt_asks_it(tmp_path):
    """The real connection: an X server that answers passes, none at :987 does not."""
    import shutil

    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("no Xvfb here")
    read, write = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "64x64x24"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              cwd=tmp_path)
    os.close(write)
    try:
        with os.fdopen(read) as said:
            number = said.readline().strip()
        assert number, "Xvfb did not start"
        assert xcb_check._connects(f":{number}") is True
        if not Path(f"/tmp/.X11-unix/X{NO_SERVER[1:]}").exists():
            assert xcb_check._connects(NO_SERVER) is False
    finally:
        server.terminate()
        server.wait(timeout=30)
