"""`petloc-gui [FOLDER] [--model MODEL] [--screenshot OUT.png] [Qt's options]`: start the window.

The window is shown before anything slow happens: the folder is opened from
the event loop, the first run's demo folder is written in a worker
(`demo_preparer`), and the model loads in the prediction worker thread, its
TensorFlow import once the first image is drawn (`first_image`).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from petloc_gui.core.paths import APP_NAME

STATUS_MS = 15000  # how long a line about the start stays on the status line


def given(what: str):
    """argparse type: a non-empty value. An empty --model meant "choose one for me" and an empty folder
    the current one (a script's unset variable), where the CLI's commands refuse both."""

    def check(text: str) -> str:
        if not text:
            raise argparse.ArgumentTypeError(f"empty {what}")
        return text

    return check


SCREENSHOT_EPILOG = """\
--screenshot exit status:
  0  saved (a folder no model knows is saved as the window shows it, without
     predictions; stderr says so)
  1  the folder could not be opened, Qt's X11 libraries are missing, or there is
     no display to connect to (QT_QPA_PLATFORM=offscreen needs none)
  2  timed out waiting for the first prediction (--timeout), or a bad command line
  3  the PNG could not be written
  4  the model failed to load (nothing written)

Qt's own options are passed on to Qt: -reverse, -style NAME, -stylesheet FILE,
-platform NAME, -qwindowgeometry WxH+X+Y, -qwindowtitle TITLE, ..."""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """petloc's arguments of ``argv`` (default: the command line's), and Qt's own options as ``qt_args``
    (`qt_options`: taken out first, for QApplication; argparse refused "-reverse" as unrecognized)."""
    from petloc_gui.ui.qt_options import QtOptionError, split_qt_options

    parser = build_parser()
    try:
        qt_args, own = split_qt_options(sys.argv[1:] if argv is None else argv)
    except QtOptionError as exc:
        parser.error(str(exc))
    args = parser.parse_args(own)
    args.qt_args = qt_args
    return args


def build_parser() -> argparse.ArgumentParser:
    """`petloc-gui`'s arguments (tests/test_docs_cli.py checks the README names each)."""
    parser = argparse.ArgumentParser(prog="petloc-gui", description="Review and correct box + label annotations "
                                     "with a model in the loop.", epilog=SCREENSHOT_EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=given("folder name: give a folder, or none for the last one"),
                        help="image folder (default: the folder open last time; the bundled "
                        "demo digits on the first run, and always with --screenshot)")
    parser.add_argument("--model", type=given("model: give a bundled model's name or a bundle folder"),
                        help='"digits", "pets", a stored version (digits/<id>, as petloc models lists) or a model '
                             'folder (default: matched to the folder)')
    parser.add_argument("--screenshot", metavar="OUT.png", type=given("screenshot file name"),
                        help="save a PNG of the window once the first prediction is shown, then exit")
    parser.add_argument("--timeout", type=float, default=180.0, metavar="SECONDS",
                        help="--screenshot: give up (exit 2) after this many seconds without a prediction "
                        "(default: 180)")
    return parser


def install_retraining(window) -> None:
    """Add Model → Retrain… and Versions. A failure to set them up is said in the status bar; a
    module that does not import is a broken installation, and raises (it hid both menus, unsaid)."""
    from petloc_gui.ui.training.retrain_controller import install_retraining as install

    try:
        install(window)
    except Exception as exc:  # noqa: BLE001 - retraining must never stop the window from opening
        window.statusBar().showMessage(f"Retraining unavailable: {exc}", 10000)


def sweep_model_store() -> list[Path]:
    """Remove what killed training runs left in the version store: at once where their process has ended (a
    window's staging folder, a bundle half written into it: `bundle_write.remove_aborted_writes`), else a day old.
    A window killed during a run left them for a day, on the disk a failed run had often filled."""
    try:
        from petloc_gui.model.bundle_write import remove_aborted_writes
        from petloc_gui.model.versions import VersionStore

        return VersionStore().sweep_stale(also=remove_aborted_writes)
    except Exception:  # noqa: BLE001 - housekeeping must never stop the window from opening
        return []


def undecided_versions_said() -> str:
    """The start's line naming the store's versions not kept or discarded yet (`Version.undecided`), or "" when
    there are none. One whose asking window (`Version.asked_by`) still runs is left out: that window asks. Said
    closed before Use or Discard only when every window named has ended (killed, crashed); a record naming none
    (older) or a window of another machine may still be asked about, and the line says so."""
    try:
        from petloc_gui.core.abandoned_folders import writer_has_ended, writer_runs
        from petloc_gui.core.text import counted, first_of, visible
        from petloc_gui.model.versions import VersionStore

        left = [version for version in VersionStore().list()
                if version.undecided and not (version.asked_by and writer_runs(version.asked_by))]
        closed = all(version.asked_by and writer_has_ended(version.asked_by) for version in left)
    except Exception:  # noqa: BLE001 - a look at the store must never stop the window from opening
        return ""
    if not left:
        return ""
    names = first_of([visible(f"{version.path.parent.name}/{version.id}") for version in left], 3)
    why = ("the training window closed before Use or Discard" if closed
           else f"{'its' if len(left) == 1 else 'their'} training window closed first, or still asks")
    return (f"{counted(len(left), 'trained model version')} not kept or discarded yet ({why}): {names}. "
            f"Model → Versions marks {'it' if len(left) == 1 else 'them'}; picking one there keeps it.")


def _give_up(window, message: str, screenshot_mode: bool, warn: bool = True) -> None:
    """The folder cannot be opened: exit 1 in screenshot mode, else say why (unless already said)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    if screenshot_mode:
        print(f"petloc-gui: {message}", file=sys.stderr)
        window.shutdown()
        QApplication.exit(1)
    elif warn:
        from petloc_gui.ui.plain_text import literal

        QMessageBox.warning(window, "petloc", literal(message))  # a folder "<b>pets" named as it is, not as markup


def _say_settings_damaged(window, screenshot_mode: bool) -> None:
    """A damaged settings file kept aside (`Settings.damaged_note`), said once, in a box that stays
    until read: on the status line the kept file's name was cut off and gone after 30 s. Non-modal:
    the window and the folder's own messages go on."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    note = window.settings.damaged_note
    if not note:
        return
    if screenshot_mode:
        print(f"petloc-gui: {note}", file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, "Settings kept aside", note, QMessageBox.StandardButton.Ok, window)
    box.setObjectName("settings_damaged")
    box.setTextFormat(Qt.TextFormat.PlainText)  # a settings file under "<b>conf" named as it is, not as markup
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()


def _startup(window, args, screenshot_mode: bool) -> None:
    # First: the file is already kept aside, so a start that returns early below (the folder cannot
    # be opened) would leave it unsaid for good.
    _say_settings_damaged(window, screenshot_mode)
    sweep_model_store()

    from petloc_gui.app.demo_folder import demo_folder

    last = window.settings.last_folder
    reopen = not args.folder and not screenshot_mode and bool(last) and Path(last).is_dir()
    if args.folder or reopen:
        _open_first(window, Path(args.folder) if args.folder else Path(last), args, screenshot_mode)
    elif demo_folder().is_dir():  # made once: later starts only check it
        _open_first(window, demo_folder(), args, screenshot_mode)
    else:
        _prepare_demo(window, args, screenshot_mode)
    undecided = "" if screenshot_mode else undecided_versions_said()
    if undecided:  # once, after the folder's own first lines (Help → Recent messages keeps it)
        window.statusBar().showMessage(undecided, STATUS_MS)


def _prepare_demo(window, args, screenshot_mode: bool) -> None:
    """The first run: the demo folder is written in a worker (`DemoPreparer`: on the UI thread it froze the
    window for seconds), the window live and saying so meanwhile; it opens when written."""
    from petloc_gui.ui.demo_preparer import DemoPreparer

    preparer = DemoPreparer(window)
    preparer.ready.connect(lambda folder: _open_demo_written(window, folder, args, screenshot_mode))
    preparer.failed.connect(lambda message: _give_up(window, message, screenshot_mode))
    preparer.start()


def _open_demo_written(window, folder: Path, args, screenshot_mode: bool) -> None:
    if window.current_folder() is not None:  # the user opened a folder meanwhile: it stays open
        window.statusBar().showMessage("The demo folder is ready: File → Open the demo folder opens it.", STATUS_MS)
        return
    _open_first(window, folder, args, screenshot_mode)


def _open_first(window, folder: Path, args, screenshot_mode: bool) -> None:
    """Open the start's folder, or say why not (`_give_up`)."""
    if not folder.is_dir():
        _give_up(window, f"{folder} is not a folder", screenshot_mode)
        return
    if not window.open_folder(folder, model=args.model, start_queue=not screenshot_mode):
        _give_up(window, f"cannot open {folder}", screenshot_mode, warn=False)  # open_folder said why


def _qt_environ(qt_args: list[str]) -> dict[str, str]:
    """The environment as Qt reads it with ``qt_args``: -platform over QT_QPA_PLATFORM, and the xcb
    plugin's -display over DISPLAY (the last of each given)."""
    from petloc_gui.ui.qt_options import qt_option

    environ = dict(os.environ)
    for option, variable in (("platform", "QT_QPA_PLATFORM"), ("display", "DISPLAY")):
        value = qt_option(qt_args, option)
        if value is not None:
            environ[variable] = value
    return environ


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from petloc_gui.ui.xcb_check import display_problem, xcb_problem

    environ = _qt_environ(args.qt_args)  # Qt's -platform and -display win, for Qt and for both checks
    problem = xcb_problem(environ) or display_problem(environ)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName("")
    app = QApplication.instance() or QApplication([*sys.argv[:1], *args.qt_args])
    from petloc_gui.ui.app_icon import app_icon

    QApplication.setWindowIcon(app_icon())  # (static: `app` may be typed QCoreApplication, an instance() found)
    QApplication.setDesktopFileName("petloc-gui")  # Wayland matches the window to resources/petloc-gui.desktop by it
    from petloc_gui.ui.main_thread_gc import MainThreadCollector
    from petloc_gui.ui.main_window import MainWindow

    # Parented to the app, it runs to the very end (a worker nobody waits for, an export, may outlive
    # the window): no cyclic collection in worker threads (its docstring: a deadlock).
    MainThreadCollector(app)

    from petloc_gui.ui.settings import Settings

    # A screenshot run leaves the user's settings as they were (kept nowhere, the defaults): it opened the demo and
    # kept it as the last folder, and the user's next start opened the demo instead of their own folder.
    window = MainWindow(settings=Settings(kept=False) if args.screenshot else None)
    try:
        install_retraining(window)
        from petloc_gui.ui.first_image import ImportAfterFirstImage

        ImportAfterFirstImage(window)  # TensorFlow's import waits for the first image to be drawn
        window.show()
        app.processEvents()
        screenshot = None
        if args.screenshot:
            from petloc_gui.ui.screenshot import ScreenshotTaker

            screenshot = ScreenshotTaker(window, Path(args.screenshot), args.timeout)
            screenshot.start()
        QTimer.singleShot(0, lambda: _startup(window, args, bool(args.screenshot)))
        code = _run(app, window, screenshot=bool(args.screenshot))
    except Exception as exc:  # noqa: BLE001 - said, then the process ends: see _say_start_failed
        code = _say_start_failed(exc, bool(args.screenshot))
    finally:
        # Always: the window's worker threads wait for work forever, and the thread pools' teardown
        # waits for them, so a start that failed here without it never ended (no window, no exit).
        window.shutdown()
    if window.predictions.importing():
        _end_during_import(code)
    return code


def _run(app, window, screenshot: bool) -> int:
    """The event loop; SIGTERM and SIGHUP close the window meanwhile as File → Quit does, its questions asked,
    and a second one ends the process at once (`quit_signals`; before, either ended it at once, the unsaved
    edits lost unasked). Not with --screenshot: there is nothing to save, and a script's kill must not exit 0."""
    from petloc_gui.ui.quit_signals import QuitSignals

    signals = QuitSignals(window)
    if not screenshot:
        signals.install()
    try:
        return app.exec()
    finally:
        signals.uninstall()


def _end_during_import(code: int) -> None:
    """End the process now, the model's worker still importing TensorFlow (closed within seconds of the
    start). That import cannot be interrupted, and the interpreter's exit waited for it, 6-14 s in all:
    PySide's exit handler deletes the window, and with it the worker's thread pool, which waits for its
    thread. Nothing is left to save: the window saved the edits and its settings as it closed, the other
    workers (the demo's writing, a scan) are waited for here, the log handlers flushed, and the model's
    worker holds no prediction (it has no model). The other exit handlers are not run: besides PySide's,
    only those of the modules TensorFlow's import has run so far."""
    import logging

    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):  # closed, or none (pythonw)
            stream.flush()
    os._exit(code)


def _say_start_failed(exc: Exception, screenshot_mode: bool) -> int:
    """The window could not start: the traceback to stderr where there is one, and a box saying
    why (petloc-gui.exe is pythonw, which has no stderr: the box is all a Windows user sees).
    Returns the exit status, 1."""
    import traceback

    details = "".join(traceback.format_exception(exc))
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):  # a closed or broken stderr
            sys.stderr.write(f"petloc-gui: could not start: {type(exc).__name__}: {exc}\n{details}")
            sys.stderr.flush()
    if not screenshot_mode:  # a script waits for the exit status, not for someone to press OK
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, "petloc could not start",
                          f"petloc-gui could not start: {type(exc).__name__}: {exc}\n\nThis is a bug or a "
                          "damaged installation: reinstalling petloc may help. Please report the details "
                          "below.", QMessageBox.StandardButton.Ok)
        from PySide6.QtCore import Qt

        box.setObjectName("start_failed")
        box.setTextFormat(Qt.TextFormat.PlainText)  # an error naming a file "<b>x" says it as it is, not as markup
        box.setDetailedText(details)
        box.exec()
    return 1


if __name__ == "__main__":
    sys.exit(main())
