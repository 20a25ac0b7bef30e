"""Fixtures shared by every test group. Group-specific fixtures live in tests/<group>/conftest.py."""

from __future__ import annotations

import os
import stat

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
