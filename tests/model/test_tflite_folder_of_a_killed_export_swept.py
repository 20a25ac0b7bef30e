"""A `petloc export --format tflite` (or any TFLite conversion) killed outright (SIGKILL, a power cut) left its
temporary SavedModel folder in the temporary folder for ever: ``petloc-tflite-<16 hex>`` named no writer, so
nothing could tell a running conversion's from a dead one's. The folder now carries its writer
(``.petloc-tflite-<writer_tag>.<16 hex>``, `core.abandoned_folders`), and the next conversion removes those
whose writer has ended; a live writer's, and one of the earlier form, stay."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from petloc_gui.core.abandoned_folders import writer_tag


class _StoppedBeforeWritingError(Exception):
    """Raised where the conversion would write its SavedModel: this test needs only what comes before."""


class _Archive:
    def write_out(self, folder, verbose=False):
        raise _StoppedBeforeWritingError(folder)


@pytest.fixture
def temporary(tmp_path, monkeypatch):
    """The temporary folder the conversion uses, tmp_path's (as $TMPDIR gives it)."""
    import tensorflow  # noqa: F401 - imported before gettempdir is patched (its import makes folders)

    from petloc_gui.model import export

    monkeypatch.setattr(export.tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr(export.tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(export, "_archive", lambda *_args, **_kw: _Archive())
    return tmp_path


@pytest.fixture
def live_pid():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    yield child.pid
    child.kill()
    child.wait(timeout=60)


def _ended_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(timeout=60)
    return child.pid


def _left(folder, tag: str):
    """A conversion folder as a writer ``tag`` killed with its SavedModel half written leaves it."""
    path = folder / f".petloc-tflite-{tag}.0123456789abcdef"
    (path / "variables").mkdir(parents=True)
    (path / "variables" / "variables.index").write_bytes(b"half")
    return path


def _converted(stopped_where: list[str]) -> None:
    from petloc_gui.model import export

    with pytest.raises(_StoppedBeforeWritingError) as stop:
        export.tflite_bytes(object())
    stopped_where.append(str(stop.value))


def test_the_next_conversion_removes_the_folders_of_ended_writers(temporary, live_pid):
    host = writer_tag().rpartition("-")[0]
    ended = _left(temporary, f"{host}-{_ended_pid()}")
    empty = temporary / f".petloc-tflite-{host}-{_ended_pid()}.fedcba9876543210"  # killed before it wrote
    empty.mkdir()
    live = _left(temporary, f"{host}-{live_pid}")
    mine = _left(temporary, writer_tag())  # this process's: a conversion of another thread may be at work
    earlier = temporary / "petloc-tflite-0123456789abcdef"  # earlier versions': no writer to prove ended
    earlier.mkdir()
    where: list[str] = []
    _converted(where)
    assert not ended.exists() and not empty.exists()
    assert (live / "variables").is_dir() and (mine / "variables").is_dir() and earlier.is_dir()
    # its own folder carries its writer, and is gone once it stopped
    assert re.fullmatch(rf"\.petloc-tflite-{re.escape(writer_tag())}\.[0-9a-f]{{16}}", os.path.basename(where[0]))
    assert not os.path.exists(where[0])
    assert sorted(path.name for path in temporary.iterdir()) == sorted([live.name, mine.name, earlier.name])
