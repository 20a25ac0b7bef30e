"""Fixtures shared by every test group. Group-specific fixtures live in tests/<group>/conftest.py."""

from __future__ import annotations

import os
import stat
import sys

# Before any Qt import anywhere in the suite.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from pathlib import Path

import pytest

from petloc_gui.core.paths import shared_dir

OXFORD_SUBDIR = Path("data") / "oxford-pets-3breeds"
WEIGHTS_SUBPATH = Path("weights") / "mobilenet_2_5_224_tf_no_top.h5"


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory, monkeypatch):
    """Never touch the real user's data folder or settings from a test."""
    data = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("PETLOC_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data / "config"))
    # The user cache folder too: the window keeps its predictions there (`app.prediction_disk_cache`),
    # training its decoded images: one test's must not reach the next, nor the real user's.
    monkeypatch.setenv("PETLOC_CACHE_DIR", str(data / "cache"))
    return data


@pytest.fixture(autouse=True)
def _fresh_chain_walks(monkeypatch):
    """Each test starts as a process of its own does (a command, the window's training child): knowing no
    bundle given by path and having read no meta.json (`model.parent_chain`'s memory and cache), so that no
    test's walk of a chain of parents is served by what an earlier test found."""
    from petloc_gui.model import parent_chain  # no TensorFlow

    monkeypatch.setattr(parent_chain, "_FOUND_AT", {})
    parent_chain._ANCESTORS.clear()


def let_go_of_held_input() -> tuple[object, object]:
    """Qt's application-wide record of the keyboard modifiers and mouse buttons held, cleared; returns what it
    said before (`Qt.KeyboardModifier`, `Qt.MouseButton`); (None, None) when the process has not loaded Qt.

    Code given no event reads that record (`QAbstractItemView.selectRow` among it), and each synthesised event
    sets it to what the event carries. QTest's click with Shift ends with the Shift's own release, which carries
    Shift: Qt then believes Shift held until the next input event of any test of the process. It made
    `view.selectRow` an extension from no anchor, selecting nothing, in tests/ui/test_list_disagreement_in_words.py
    run after the Ctrl+Shift+D of tests/ui/test_labelimg_edit_label_and_delete_image_keys_pressed.py."""
    if "PySide6.QtGui" not in sys.modules:
        return None, None  # no Qt in this process: nothing recorded (and a Qt-free test stays Qt-free)
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QGuiApplication, QWindow

    if QGuiApplication.instance() is None:
        return Qt.KeyboardModifier.NoModifier, Qt.MouseButton.NoButton
    modifiers, buttons = QGuiApplication.keyboardModifiers(), QGuiApplication.mouseButtons()
    if modifiers == Qt.KeyboardModifier.NoModifier and buttons == Qt.MouseButton.NoButton:
        return modifiers, buttons
    from PySide6.QtTest import QTest

    # Releases that carry nothing held set the record to nothing. Sent to a window of its own, never shown (the
    # test's widgets may be gone, and none of them must take a key), the pointer inside it (else Qt warns).
    window = QWindow()
    window.resize(4, 4)
    if buttons != Qt.MouseButton.NoButton:
        QTest.mouseRelease(window, buttons, Qt.KeyboardModifier.NoModifier, QPoint(1, 1))
    QTest.keyRelease(window, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)
    window.destroy()
    return modifiers, buttons


@pytest.fixture(autouse=True)
def _no_key_or_button_left_held():
    """Each test starts with no modifier and no mouse button held in Qt's eyes, as a process of its own would.

    A modifier left recorded is cleared without a word: QTest's own click with a modifier leaves it (see
    `let_go_of_held_input`), which no test can help. A mouse button left down fails the test that left it:
    QTest's release lets go of its button, so one still down is a press the test never released (QTest's
    double-click leaves one)."""
    yield
    _, buttons = let_go_of_held_input()
    if buttons:  # NoButton (and None, no Qt) is false
        pytest.fail(f"the test left the mouse button(s) {buttons!r} pressed in Qt's eyes (QGuiApplication."
                    "mouseButtons()): release each button it presses (QTest's double-click leaves its button "
                    "down), or a later test's clicks and drags read it", pytrace=False)


@pytest.fixture
def settled_clock(monkeypatch) -> int:
    """`core.file_memo`'s clock, the one every memo of a file's state reads, set ten `SETTLED_NS` ahead: a file
    the test has just written is read as one written long before (as a run reads its parent's meta.json), so
    it is memoised. Without it a file written within `SETTLED_NS` of its read is read again each time.
    Returns the time the clock says."""
    from petloc_gui.core import file_memo

    later = file_memo.now_ns() + 10 * file_memo.SETTLED_NS
    monkeypatch.setattr(file_memo, "now_ns", lambda: later)
    return later


@pytest.fixture
def realpath_keeps_the_spelling(monkeypatch):
    """`os.path.realpath` as macOS' answers for a path that differs from the disk's in case or Unicode form alone:
    as typed (the other spelling is a link here, which Linux' realpath would resolve to the disk's name).
    ``strict`` as `Path.resolve` passes it, and as realpath's own: a path that is not there is an OSError (two
    of the five copies this replaces took no ``strict``, so a `Path.resolve` under them was a TypeError)."""

    def as_typed(path, strict=False):
        if strict:
            os.stat(path)  # realpath(strict=True)'s refusal of a missing path
        return os.path.abspath(path)

    monkeypatch.setattr(os.path, "realpath", as_typed)


@pytest.fixture
def system_locale(request):
    """Qt's default locale set to the test's parameter (a name such as "de_DE"), the one before put back:
    parametrise it with ``indirect=True``, each file with the locales its checks need."""
    from PySide6.QtCore import QLocale

    name = getattr(request, "param", None)
    if name is None:
        pytest.fail("system_locale needs a locale: @pytest.mark.parametrize('system_locale', [...], indirect=True)")
    before = QLocale()
    QLocale.setDefault(QLocale(name))
    yield name
    QLocale.setDefault(before)


@pytest.fixture
def fsyncs_seen(monkeypatch) -> list[tuple[str, str]]:
    """Every os.fsync of the test, in order, as ("file" or "dir", the path synced); each still done."""
    seen: list[tuple[str, str]] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        kind = "dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"
        seen.append((kind, os.readlink(f"/proc/self/fd/{fd}")))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return seen


@pytest.fixture
def as_on_x11(monkeypatch):
    """The window's size grid is X11's (the offscreen platform stands in for it, with a stand-in window manager
    such as tests/ui/size_steps.py's `SizeStepsAsOpenbox`)."""
    from petloc_gui.ui import window_geometry

    monkeypatch.setattr(window_geometry, "platform_name", lambda: "xcb")


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared, or skip with a clear reason when it is absent."""
    path = shared_dir()
    if path is None:
        pytest.skip("../shared is absent: data-dependent test skipped")
    return path


@pytest.fixture(scope="session")
def oxford_dir(shared) -> Path:
    """The real Oxford-IIIT Pet subset (read-only!)."""
    path = shared / OXFORD_SUBDIR
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture(scope="session")
def mobilenet_weights(shared) -> Path:
    path = shared / WEIGHTS_SUBPATH
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


# The session-wide runs that several test files read (tests/model/conftest.py): under pytest-xdist every
# worker builds its own copy of a session fixture, so the files using one of these are kept on one worker.
_SHARED_RUNS = ("two_worker_run", "two_stage_retrain")


def pytest_collection_modifyitems(config, items):
    """Groups the tests for pytest-xdist's ``--dist loadgroup`` (`make test` runs the suite on two workers):
    a file's tests stay together, so its module-scoped fixtures (a trained model, a written folder) are built
    once, and the files sharing one of the session-wide runs above go to one worker together."""
    if not config.pluginmanager.hasplugin("xdist"):
        return  # a plain run (no pytest-xdist): no groups, nor their marker
    group_of_file: dict[str, str] = {}
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        group_of_file.setdefault(path, path)
        for run in _SHARED_RUNS:
            if run in getattr(item, "fixturenames", ()):
                group_of_file[path] = run
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(group_of_file[item.nodeid.split("::", 1)[0]]))
