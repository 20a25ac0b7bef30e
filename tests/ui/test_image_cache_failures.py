"""The image cache keeps a failed decode only while the file is the one that failed (app/file_key.may_cache)."""

from __future__ import annotations


def _decode_failing_while(qtbot, monkeypatch, path, before=lambda: None, after=lambda: None):
    """An image cache whose one decode of ``path`` fails because another program changes the file as
    it is read: ``before()`` and ``after()`` run around `image_cache.decode`, after the cache took
    the file's key; the cache is returned, that decode done."""
    from petloc_gui.ui.canvas import image_cache
    from petloc_gui.ui.canvas.image_cache import ImageCache

    decode = image_cache.decode

    def decode_then_change(p):
        before()
        value = decode(p)
        after()
        return value

    monkeypatch.setattr(image_cache, "decode", decode_then_change)
    cache = ImageCache()
    with qtbot.waitSignal(cache.decoded, timeout=10_000) as signal:
        cache.request(path)
    assert signal.args[1].error
    return cache


def test_a_decode_that_failed_because_its_file_was_taken_is_not_kept_for_the_file_moved_back(
        qtbot, tmp_path, monkeypatch):
    import shutil

    from .conftest import write_image

    path, away = tmp_path / "a.png", tmp_path / "away.png"
    write_image(path, size=(40, 30))
    cache = _decode_failing_while(qtbot, monkeypatch, path, before=lambda: shutil.move(path, away))
    shutil.move(away, path)  # back, with its old time
    try:
        assert cache.cached(path) is None  # decoded again when asked, not its error
    finally:
        cache.shutdown()


def test_a_decode_of_a_half_copied_image_is_not_kept_for_the_complete_one(qtbot, tmp_path, monkeypatch):
    import os

    from .conftest import write_image

    path = tmp_path / "a.png"
    write_image(path, size=(40, 30))
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 3])

    def copy_ends():
        path.write_bytes(whole)
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))

    cache = _decode_failing_while(qtbot, monkeypatch, path, after=copy_ends)
    try:
        assert cache.cached(path) is None  # decoded again when asked
    finally:
        cache.shutdown()
