"""Opening a folder looks at (stats) each of its images once, and not on the UI thread.

The list's predictions kept on disk are looked up by each image's file key (`app.file_key`: its path and
stat). Each open stat'ed every image on the UI thread twice (as its model began to load, and once it had
loaded: 180-360 ms each at 10,000 local images, far more on a network share), then the prediction worker
stat'ed them again. The keys are read once per open, in a pool thread (`ui.review.image_keys`), and serve
the lookups and the worker's walk. Where predictions kept on disk were served while the model loaded, they are
read once more, in that thread, once it has loaded: an image replaced meanwhile kept its old picture's
prediction (tests/ui/test_image_changed_while_the_model_loads.py).
"""

from __future__ import annotations

import threading
from collections import Counter

import pytest

from petloc_gui.app import file_key as file_key_module

from .conftest import wait_predictions, write_image
from .test_predictions_shown_while_loading import BundleFactory, _windows

N = 24


@pytest.fixture
def bundle(tmp_path):
    folder = tmp_path / "bundle"
    folder.mkdir()
    (folder / "model.keras").write_bytes(b"weights 1")
    (folder / "meta.json").write_text("{}")
    return folder


@pytest.fixture
def many(tmp_path):
    root = tmp_path / "many"
    root.mkdir()
    for i in range(N):
        write_image(root / f"img{i:02d}.png", seed=i)
    return root


def _counting_file_key(monkeypatch):
    """Every file_key call of the prediction service and the image keys: (path, on the UI thread)."""
    import petloc_gui.ui.models.prediction_service as service_module
    import petloc_gui.ui.review.image_keys as keys_module

    ui = threading.main_thread()
    calls: list[tuple[str, bool]] = []
    real = file_key_module.file_key

    def counted(path):
        calls.append((str(path), threading.current_thread() is ui))
        return real(path)

    for module in (service_module, keys_module):
        monkeypatch.setattr(module, "file_key", counted)
    return calls


def _urgent(monkeypatch, window) -> set[str]:
    """The images the window asks to predict first (the one shown, the next few): looked at each time."""
    asked: set[str] = set()
    request = window.predictions.request

    def recorded(paths):
        asked.update(str(p) for p in paths)
        request(paths)

    monkeypatch.setattr(window.predictions, "request", recorded)
    return asked


def _walks(monkeypatch, window) -> list[int]:
    """How many images each walk over the folder the window queues holds (`request_background`): a fill's
    last step, once its keys are read and its rows filled (0: a fill begun, the walk before it ended)."""
    sizes: list[int] = []
    request_background = window.predictions.request_background

    def recorded(keys):
        keys = list(keys)
        sizes.append(len(keys))
        request_background(keys)

    monkeypatch.setattr(window.predictions, "request_background", recorded)
    return sizes


@pytest.mark.parametrize("kept", [False, True], ids=["first-open", "kept-on-disk"])
def test_one_open_stats_each_image_at_most_once_and_none_on_the_ui_thread(qtbot, tmp_path, many, bundle,
                                                                          monkeypatch, kept):
    windows = _windows(qtbot, tmp_path)
    if kept:  # a first run keeps its predictions on disk: the next one serves them while its model loads
        runs = windows(BundleFactory(bundle))
        window = next(runs)
        try:
            assert window.open_folder(many, model="fake")
            wait_predictions(qtbot, window)
        finally:
            next(runs, None)
    factory = BundleFactory(bundle, hold=True)
    runs = windows(factory)
    window = next(runs)
    try:
        calls = _counting_file_key(monkeypatch)
        urgent = _urgent(monkeypatch, window)
        walks = _walks(monkeypatch, window)
        assert window.open_folder(many, model="fake")
        if kept:
            wait_predictions(qtbot, window)  # served from the disk while the model loads
            assert window.current_model_info() is None
        walks_before_load = len(walks)
        factory.release.set()
        qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
        # The rows served while it loaded stay filled, and the service is idle (its walk emptied as the fill
        # began) while a pool thread reads their keys once more: wait for that fill's walk, not for those.
        qtbot.waitUntil(lambda: any(walks[walks_before_load:]), timeout=10_000)
        wait_predictions(qtbot, window)
        qtbot.waitUntil(window.predictions.is_idle, timeout=10_000)
        assert window.session.model.pred_label == ["cat"] * N  # (the fake model's answer for any image)
        folder_wide = [(path, on_ui) for path, on_ui in calls if path not in urgent]
        per_image = Counter(path for path, _on_ui in folder_wide)
        assert len(urgent) < N // 2 and len(per_image) == N - len(urgent)  # every other image looked at
        # once; where the loading model's kept predictions were looked up by them, once more after its load
        assert max(per_image.values()) == (2 if kept else 1), per_image.most_common(3)
        assert not [path for path, on_ui in folder_wide if on_ui]
        # the images asked for first: only the one shown is looked at on the UI thread (its own prediction)
        assert {path for path, on_ui in calls if on_ui} <= {str(window.session.image_path(window.session.current))}
    finally:
        factory.release.set()
        next(runs, None)
