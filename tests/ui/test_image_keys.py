"""The images' file keys of an open folder (`ui.review.image_keys`): read once, in a worker; a later ask
replaces an earlier one; a closed folder's answer reaches no one."""

from __future__ import annotations

import threading

from petloc_gui.app.file_key import file_key
from petloc_gui.ui.review import image_keys
from petloc_gui.ui.review.image_keys import ImageKeys

from .conftest import write_image


def _images(tmp_path, n=4):
    paths = []
    for i in range(n):
        path = tmp_path / f"img{i}.png"
        write_image(path, size=(8, 8), seed=i)
        paths.append(path)
    return paths


def _counting(monkeypatch):
    calls = []
    real = image_keys.file_key

    def counted(path):
        calls.append((str(path), threading.current_thread() is threading.main_thread()))
        return real(path)

    monkeypatch.setattr(image_keys, "file_key", counted)
    return calls


def test_keys_are_read_once_in_a_worker_and_given_in_the_order_asked(qtbot, tmp_path, monkeypatch):
    paths, calls, got = _images(tmp_path), _counting(monkeypatch), []
    keys = ImageKeys()
    keys.when_known(paths, got.append)
    assert got == []  # not read on the UI thread
    qtbot.waitUntil(lambda: len(got) == 1, timeout=5000)
    assert got[0] == [file_key(path) for path in paths]
    keys.when_known(list(reversed(paths)), got.append)  # known: at once, none read again
    assert got[1] == [file_key(path) for path in reversed(paths)]
    assert sorted(calls) == sorted((str(path), False) for path in paths)


def test_a_later_ask_replaces_an_earlier_one(qtbot, tmp_path, monkeypatch):
    paths, got = _images(tmp_path), []
    keys = ImageKeys()
    keys.when_known(paths, lambda found: got.append(("first", found)))
    keys.when_known(paths[:2], lambda found: got.append(("second", found)))
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    qtbot.wait(100)
    assert got == [("second", [file_key(path) for path in paths[:2]])]


def test_a_closed_folder_gets_no_answer(qtbot, tmp_path):
    paths, got = _images(tmp_path), []
    keys = ImageKeys()
    keys.when_known(paths, got.append)
    keys.stop()
    qtbot.wait(300)
    assert got == []
    keys.when_known(paths, got.append)  # (nothing is read or said after the close)
    qtbot.wait(100)
    assert got == []


def test_a_forgotten_key_is_read_again_and_it_alone(qtbot, tmp_path, monkeypatch):
    import os

    paths, got = _images(tmp_path), []
    keys = ImageKeys()
    keys.when_known(paths, got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    stat = paths[1].stat()
    os.utime(paths[1], ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # copied back: another file
    calls = _counting(monkeypatch)
    keys.forget([paths[1]])
    keys.when_known(paths, got.append)
    qtbot.waitUntil(lambda: len(got) == 2, timeout=5000)
    assert got[1][1] == file_key(paths[1]) != got[0][1] and got[1][0] == got[0][0]
    assert calls == [(str(paths[1]), False)]
