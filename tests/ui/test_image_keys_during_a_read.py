"""What happens to the images' file keys (`ui.review.image_keys`) while a worker reads them: an ask made
meanwhile is answered even if that read fails, and a key forgotten meanwhile is not the worker's old one.

Before: a failed read dropped the latest ask, though a later one had replaced the ask it was reading for (the
folder's rows were never filled from the cache, nor walked by the prediction worker); and a file rewritten
and forgotten while the worker read it kept the key the worker had read before (its old file's cached
prediction was looked up by it).
"""

from __future__ import annotations

import os
import threading

from petloc_gui.app.file_key import file_key
from petloc_gui.ui.review import image_keys
from petloc_gui.ui.review.image_keys import ImageKeys

from .conftest import write_image


def _images(tmp_path, n=3):
    paths = []
    for i in range(n):
        path = tmp_path / f"img{i}.png"
        write_image(path, size=(8, 8), seed=i)
        paths.append(path)
    return paths


def _held_reads(monkeypatch, first):
    """The keys' reads: the first one runs ``first(paths, stopped)`` once the returned event is set."""
    gate, calls = threading.Event(), []
    real = image_keys.read_keys

    def read(paths, stopped):
        calls.append([p.name for p in paths])
        if len(calls) > 1:
            return real(paths, stopped)
        return first(paths, stopped, gate)

    monkeypatch.setattr(image_keys, "read_keys", read)
    return gate, calls


def test_an_ask_made_while_a_read_fails_is_answered(qtbot, tmp_path, monkeypatch, caplog):
    paths, got = _images(tmp_path), []

    def fails(paths, stopped, gate):
        gate.wait(10)
        raise RuntimeError("a bug in the read")

    gate, calls = _held_reads(monkeypatch, fails)
    keys = ImageKeys()
    keys.when_known(paths[:1], lambda found: got.append(("first", found)))
    keys.when_known(paths, lambda found: got.append(("second", found)))  # the folder's images changed meanwhile
    gate.set()
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [("second", [file_key(path) for path in paths])]
    assert "reading the images' file keys failed" in caplog.text  # the failure is still logged
    assert len(calls) == 2


def test_a_failed_read_with_no_later_ask_is_not_read_again(qtbot, tmp_path, monkeypatch):
    paths, got = _images(tmp_path), []

    def fails(paths, stopped, gate):
        raise RuntimeError("a bug in the read")

    _held_reads(monkeypatch, fails)
    keys = ImageKeys()
    keys.when_known(paths, got.append)
    qtbot.wait(300)
    assert got == [] and not keys._reading  # (no loop of reads failing again and again)


def test_a_key_forgotten_while_the_worker_reads_it_is_read_again(qtbot, tmp_path, monkeypatch):
    paths, got = _images(tmp_path), []
    read_then_held = threading.Event()

    def reads_then_waits(paths, stopped, gate):
        keys = {str(path): file_key(path) for path in paths}
        read_then_held.set()
        gate.wait(10)
        return keys

    gate, calls = _held_reads(monkeypatch, reads_then_waits)
    keys = ImageKeys()
    keys.when_known(paths, got.append)
    assert read_then_held.wait(5)  # the worker has read img1's key, and not answered yet
    stat = paths[1].stat()
    os.utime(paths[1], ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # rewritten: another file
    keys.forget([paths[1]])  # (the window's: `ReviewSession`, the shown image's file changed)
    gate.set()
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got[0] == [file_key(path) for path in paths]  # img1's key of now, not the one read before
    assert calls[1:] == [[paths[1].name]]  # it alone read again
