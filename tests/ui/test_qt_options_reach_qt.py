"""`petloc-gui -reverse FOLDER` exited 2 ("unrecognized arguments: -reverse"), and `-style fusion` too: every
argument went to argparse, and Qt got the program's name only. Qt's own options now reach Qt; petloc's and
the folder are parsed as before; an option neither knows is still refused; --help needs no display."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from petloc_gui.ui.app import parse_args

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("argv", "qt", "folder"), [
    (["-reverse", "pets"], ["-reverse"], "pets"),
    (["-style", "fusion", "pets"], ["-style", "fusion"], "pets"),
    (["pets", "-style=fusion", "--reverse"], ["-style", "fusion", "-reverse"], "pets"),
    (["-qwindowgeometry", "800x600+0+0", "-platform", "offscreen"],
     ["-qwindowgeometry", "800x600+0+0", "-platform", "offscreen"], None),
    (["--", "-reverse"], [], "-reverse"),  # after "--" a folder named so
])
def test_qts_options_are_taken_out_for_qt(argv, qt, folder):
    args = parse_args(["--model", "digits", *argv])
    assert args.qt_args == qt
    assert args.folder == folder and args.model == "digits"


@pytest.mark.parametrize(("argv", "said"), [
    (["-frobnicate", "pets"], "unrecognized arguments: -frobnicate"),
    (["pets", "-style"], "Qt's option -style needs a value"),
    # a value missing before petloc's own option: --model was taken as -display's value, and lost
    (["-display", "--model", "pets", "photos"], "Qt's option -display needs a value (-display VALUE), not --model"),
])
def test_an_option_neither_knows_is_a_bad_command_line(argv, said, capsys):
    with pytest.raises(SystemExit) as exit_:
        parse_args(argv)
    assert exit_.value.code == 2
    assert said in capsys.readouterr().err


def _run(code: str) -> subprocess.CompletedProcess:
    """``code`` in a fresh Python without a display: no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          env=env, timeout=120)


def test_help_needs_no_display_and_names_qts_options():
    done = _run("""
        import sys
        from petloc_gui.ui.app import main
        sys.exit(main(["-reverse", "--help"]))
    """)
    assert done.returncode == 0, done.stderr
    assert "usage: petloc-gui" in done.stdout and "-reverse" in done.stdout


def test_the_window_starts_with_qts_options_applied():
    # -platform offscreen is what lets it start with no display at all: Qt was given it
    done = _run("""
        from PySide6.QtWidgets import QApplication
        import petloc_gui.ui.main_window as main_window

        class Seen(Exception):
            pass

        def window_made(**_made_with):  # the window's place in the start: what Qt was told is in force by then
            app = QApplication.instance()
            print(app.layoutDirection().name, app.style().name(), app.arguments()[1:], flush=True)
            raise Seen

        main_window.MainWindow = window_made
        from petloc_gui.ui.app import main
        try:
            main(["-reverse", "-style", "windows", "-platform", "offscreen", "folder"])
        except Seen:
            pass
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "RightToLeft windows []", done.stdout  # Qt took them all
