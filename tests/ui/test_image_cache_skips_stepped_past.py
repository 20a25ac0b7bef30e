"""Stepping quickly past images: the image cache decodes the one stopped on, not each one stepped past."""

from __future__ import annotations

import threading
import time

import pytest


@pytest.fixture
def slow_cache(monkeypatch):
    """An image cache whose decodes are recorded in order and take 0.3 s each (a big photo); the first
    one also waits for `steps_done` (set by a test when its requests are all made): a loaded machine
    can take longer than one decode for ten requests, and a decode ended meanwhile would take a queued
    image the next request had not yet dropped."""
    from petloc_gui.ui.canvas import image_cache
    from petloc_gui.ui.canvas.image_cache import ImageCache

    real_decode = image_cache.decode
    decoded_paths: list[str] = []
    lock = threading.Lock()
    steps_done = threading.Event()

    def slow_decode(path):
        with lock:
            decoded_paths.append(path.name)
            first = len(decoded_paths) == 1
        if first:
            steps_done.wait(10)
        time.sleep(0.3)
        return real_decode(path)

    monkeypatch.setattr(image_cache, "decode", slow_decode)
    cache = ImageCache()
    yield cache, decoded_paths, steps_done
    steps_done.set()
    cache.shutdown()


def _images(tmp_path, count):
    from .conftest import write_image

    paths = []
    for i in range(count):
        path = tmp_path / f"{i:02d}.png"
        write_image(path, size=(40 + i, 30), seed=i)
        paths.append(path)
    return paths


def test_ten_requests_in_a_row_decode_the_running_one_and_the_last(qtbot, tmp_path, slow_cache):
    cache, decoded_paths, steps_done = slow_cache
    paths = _images(tmp_path, 10)
    arrived = []
    cache.decoded.connect(lambda path, _display: arrived.append(path))
    with qtbot.waitSignal(cache.decoded, timeout=10_000,
                          check_params_cb=lambda p, _d: p == str(paths[-1])) as signal:
        for path in paths:
            cache.request(path)
        steps_done.set()
    assert signal.args[1].size == (49, 30) and signal.args[1].image is not None
    qtbot.waitUntil(cache.is_idle, timeout=10_000)
    # One decode may be running as the requests come (00, or one asked for when the pool's thread
    # came to it, on a loaded machine); none of the others between is ever decoded.
    running = set(decoded_paths) - {"09.png"}
    assert decoded_paths[-1] == "09.png" and len(running) <= 1
    assert set(arrived) <= {str(paths[-1])} | {str(tmp_path / name) for name in running}


def test_stepping_decodes_the_image_stopped_on_then_its_neighbour(qtbot, tmp_path, slow_cache):
    # As the window steps (ui.review.review_session.show): the image, then the next one prefetched.
    cache, decoded_paths, steps_done = slow_cache
    paths = _images(tmp_path, 11)
    with qtbot.waitSignal(cache.decoded, timeout=10_000, check_params_cb=lambda p, _d: p == str(paths[10])):
        for step in range(10):
            cache.request(paths[step])
            cache.prefetch([paths[step + 1]])
        steps_done.set()
    qtbot.waitUntil(cache.is_idle, timeout=10_000)
    assert decoded_paths[-2:] == ["09.png", "10.png"]
    assert len(set(decoded_paths) - {"09.png", "10.png"}) <= 1  # the one running as the steps came
    assert cache.cached(paths[9]) is not None and cache.cached(paths[10]) is not None


def test_going_back_to_an_image_asked_for_before_still_brings_it(qtbot, tmp_path, slow_cache):
    cache, _decoded_paths, steps_done = slow_cache
    steps_done.set()
    first, second = _images(tmp_path, 2)
    with qtbot.waitSignal(cache.decoded, timeout=10_000,
                          check_params_cb=lambda p, _d: p == str(first)) as signal:
        cache.request(first)
        cache.request(second)
        cache.request(first)
    assert signal.args[1].size == (40, 30)
    assert cache.cached(first) is signal.args[1]
