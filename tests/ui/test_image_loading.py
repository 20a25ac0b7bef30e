"""Issue 12 point 7: the UI thread never reads an image file.

Every image read (decode or header) goes through core.images.load_image /
image_size or Pillow's Image.open; they are wrapped here to record the
thread that called them. An image not decoded yet shows "Loading…" while a
pool thread decodes it, the event loop keeps running meanwhile, and a decode
that arrives after the user moved on is ignored.
"""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer

from petloc_gui.core.boxes import Box
from tests.ui.conftest import open_and_wait, write_annotation, write_image

N_IMAGES = 12


@pytest.fixture
def big_folder(tmp_path):
    """12 small images (more than the 4 + 1 neighbours prefetched), half annotated."""
    root = tmp_path / "many"
    root.mkdir()
    for i in range(N_IMAGES):
        image = root / f"img{i:02d}.png"
        write_image(image, seed=i)
        if i % 2 == 0:
            write_annotation(image, [("cat", Box(10, 10, 50, 50))])
    return root


@pytest.fixture
def image_reads(monkeypatch):
    """(function name, path, is-main-thread) of every image read, wherever it is called from."""
    import PIL.Image

    from petloc_gui.core import images, voc

    calls: list[tuple[str, str, bool]] = []

    def recording(name, real):
        def wrapper(path, *args, **kwargs):
            calls.append((name, str(path), threading.current_thread() is threading.main_thread()))
            return real(path, *args, **kwargs)
        return wrapper

    monkeypatch.setattr(images, "load_image", recording("load_image", images.load_image))
    monkeypatch.setattr(images, "image_size", recording("image_size", images.image_size))
    monkeypatch.setattr(voc, "_image_size", recording("image_size", voc._image_size))
    monkeypatch.setattr(PIL.Image, "open", recording("Image.open", PIL.Image.open))
    return calls


def _row(window, name: str) -> int:
    return next(r for r, item in enumerate(window.dataset.items) if item.image_path.name == name)


def _not_prefetched_row(qtbot, window) -> int:
    """A row whose image nobody has decoded yet (nor is decoding: the pool is idle)."""
    qtbot.waitUntil(window.images.is_idle, timeout=10_000)
    for row, item in enumerate(window.dataset.items):
        if row != window.session.current and window.images.cached(item.image_path) is None:
            return row
    raise AssertionError("every image is cached already: the folder is too small for this test")


def test_showing_images_reads_no_image_file_on_the_ui_thread(qtbot, window, big_folder, image_reads):
    open_and_wait(qtbot, window, big_folder)  # shows the first image (the fixture waits for it)
    first = window.session.current
    assert window.edits.doc is not None and window.edits.doc.image_size == (120, 90)
    row = _not_prefetched_row(qtbot, window)
    window.show_row(row)
    doc = window.edits.doc
    assert doc is not None and doc.image_path == window.dataset.items[row].image_path
    assert doc.image_size == (120, 90)  # from the background decode, not a header read
    # A new annotation file (an unannotated image, saved) takes the decoded size.
    bare = next(r for r, item in enumerate(window.dataset.items) if not item.has_annotation)
    window.show_row(bare)
    assert window.save_current()
    assert "<width>120</width>" in window.dataset.items[bare].annotation_path.read_text()
    shown = {str(window.dataset.items[r].image_path) for r in (first, row, bare)}
    read = {path for _, path, _ in image_reads}
    assert shown <= read  # the images were read, so the check below has something to check
    on_ui = [(name, path) for name, path, main in image_reads if main]
    assert not on_ui, f"image files read on the UI thread: {on_ui[:5]}"


def test_a_slow_decode_shows_loading_and_does_not_block_the_event_loop(qtbot, window, big_folder,
                                                                        monkeypatch):
    from petloc_gui.core import images

    open_and_wait(qtbot, window, big_folder)
    session = window.session
    row = _not_prefetched_row(qtbot, window)
    slow_path = window.dataset.items[row].image_path
    real_load = images.load_image

    def slow_load(path, *args, **kwargs):
        if str(path) == str(slow_path):
            time.sleep(2)
        return real_load(path, *args, **kwargs)

    monkeypatch.setattr(images, "load_image", slow_load)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(session.loading))
    timer.start(20)
    session.show(row)  # not the waiting show_row of the fixture: this is the window's own path
    assert session.loading == str(slow_path)
    assert "Loading" in window.panel.header.text()
    assert window.edits.doc is None  # nothing to edit before the image (and its size) is there
    # The event loop runs while the decode sleeps: the timer fires, still "Loading…".
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=1500)
    assert all(t == str(slow_path) for t in ticks[:5])
    qtbot.waitUntil(lambda: session.loading is None, timeout=10_000)
    timer.stop()
    assert window.edits.doc is not None and window.edits.doc.image_path == slow_path
    assert window.panel.gt_pane._source_image is not None  # the picture is shown
    assert "Loading" not in window.panel.header.text()


def test_a_decode_that_arrives_after_the_user_moved_on_is_ignored(qtbot, window, big_folder, monkeypatch):
    from petloc_gui.core import images

    open_and_wait(qtbot, window, big_folder)
    session = window.session
    left = _not_prefetched_row(qtbot, window)
    left_path = window.dataset.items[left].image_path
    real_load = images.load_image
    arrived = []
    window.images.decoded.connect(lambda path, _display: arrived.append(path))

    decoding_left = threading.Event()

    def slow_load(path, *args, **kwargs):
        if str(path) == str(left_path) and threading.current_thread() is not threading.main_thread():
            decoding_left.set()
            time.sleep(1)
        return real_load(path, *args, **kwargs)

    monkeypatch.setattr(images, "load_image", slow_load)
    session.show(left)
    assert session.loading == str(left_path)
    target = next(r for r, item in enumerate(window.dataset.items)
                  if r != left and window.images.cached(item.image_path) is None)  # maybe queued as a prefetch
    target_path = window.dataset.items[target].image_path
    qtbot.waitUntil(decoding_left.is_set, timeout=10_000)
    session.show(target)  # queued behind the slow decode of the image just left
    qtbot.waitUntil(lambda: str(target_path) in arrived, timeout=10_000)
    assert str(left_path) in arrived  # it did arrive, and first: one decode thread
    assert arrived.index(str(left_path)) < arrived.index(str(target_path))
    assert session.current == target and session.loading is None
    assert window.edits.doc.image_path == target_path
    assert window.panel._doc.image_path == target_path
    # The image left behind is cached now: going back shows it at once.
    session.show(left)
    assert session.loading is None and window.edits.doc.image_path == left_path


def test_a_cached_image_is_shown_at_once(qtbot, window, big_folder):
    open_and_wait(qtbot, window, big_folder)
    session = window.session
    nxt = window.file_dock.visible_rows_after(session.current, 1, 1)[0]
    qtbot.waitUntil(lambda: window.images.cached(window.dataset.items[nxt].image_path) is not None,
                    timeout=10_000)
    session.show(nxt)  # prefetched: no "Loading…" step
    assert session.loading is None
    assert window.edits.doc.image_path == window.dataset.items[nxt].image_path
