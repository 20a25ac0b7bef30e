"""The image shown is predicted alone, before its neighbours, and a batch of big photos stops at a pixel
budget: with 6000x4000 photos a click's prediction came 6.5 s after it (its 5 neighbours in its call,
and a call of 8 such photos before it), against 0.6-1.0 s for the photo alone."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from petloc_gui.app.file_key import file_key
from petloc_gui.core.images import image_size
from petloc_gui.ui.models.prediction_batches import BATCH_PIXELS, BATCH_SIZE
from petloc_gui.ui.models.prediction_service import PredictionService

from .conftest import PRED, FakeHandle, FakePrediction, write_image


class SlowHandle(FakeHandle):
    """A stand-in model that takes ``per_pixel`` seconds a pixel (a real one's time grows with them) and
    records each call: its images, and when it ended."""

    def __init__(self, per_pixel: float) -> None:
        super().__init__("m", {})
        self.per_pixel = per_pixel
        self.started = threading.Event()
        self.ended: list[float] = []

    def predict_paths(self, paths):
        self.calls.append([p.name for p in paths])
        self.started.set()
        time.sleep(sum(w * h for w, h in map(image_size, paths)) * self.per_pixel)
        self.ended.append(time.perf_counter())
        return [FakePrediction("cat", 0.5, PRED["a.png"].box) for _ in paths]


def _service(handle: SlowHandle, tmp_path: Path):
    from petloc_gui.app.prediction_disk_cache import PredictionDiskCache

    service = PredictionService(lambda spec: handle, disk=PredictionDiskCache(tmp_path / "kept"))
    arrived: dict[str, float] = {}
    service.predicted.connect(lambda path, version, result: arrived.setdefault(Path(path).name,
                                                                               time.perf_counter()))
    return service, arrived


def test_the_image_shown_is_predicted_alone_and_shown_before_its_neighbours_call_ends(qtbot, tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    paths = [folder / f"{i}.png" for i in range(6)]
    for i, path in enumerate(paths):
        write_image(path, size=(200, 150), seed=i)
    handle = SlowHandle(per_pixel=0.2 / (200 * 150))  # 0.2 s an image
    service, arrived = _service(handle, tmp_path)
    try:
        service.request(paths)  # as the window asks: the image shown, then 4 ahead and 1 behind
        service.set_model("m")  # (asked before the model is there: the order is the service's alone)
        qtbot.waitUntil(lambda: len(arrived) == len(paths), timeout=10_000)
        assert handle.calls[0] == ["0.png"], "the image shown is a call of its own"
        assert handle.calls[1] == [p.name for p in paths[1:]], "its neighbours (small) still go together"
        assert arrived["0.png"] < handle.ended[1], "its prediction is shown before the neighbours' call ends"
    finally:
        service.shutdown()


def test_a_batch_of_big_photos_stops_at_the_pixel_budget_and_small_images_still_go_eight_together(qtbot,
                                                                                                    tmp_path):
    from PIL import Image

    folder = tmp_path / "mixed"
    folder.mkdir()
    small = [folder / f"s{i:02d}.png" for i in range(BATCH_SIZE + 2)]
    for i, path in enumerate(small):
        write_image(path, size=(75, 75), seed=i)
    big = [folder / f"b{i}.jpg" for i in range(3)]
    for path in big:  # 24 MP, as the camera photos that showed it: one-colour JPEGs, quick to write
        Image.new("RGB", (6000, 4000), (90, 120, 150)).save(path, quality=50)
    handle = SlowHandle(per_pixel=0.0)
    service, arrived = _service(handle, tmp_path)
    try:
        service.set_model("m")
        qtbot.waitUntil(lambda: service.version() is not None, timeout=5000)
        service.request_background([file_key(p) for p in small + big])
        qtbot.waitUntil(lambda: len(arrived) == len(small + big), timeout=10_000)
        assert handle.calls[0] == [p.name for p in small[:BATCH_SIZE]], "small images: BATCH_SIZE to a call"
        for call in handle.calls:
            pixels = sum(w * h for w, h in (image_size(folder / name) for name in call))
            assert len(call) == 1 or pixels <= BATCH_PIXELS, (call, pixels)
        assert [call for call in handle.calls if set(call) & {p.name for p in big}] == [[p.name] for p in big]
    finally:
        service.shutdown()


def test_an_image_clicked_while_the_folder_s_big_photos_are_predicted_waits_for_one_of_them_at_most(qtbot,
                                                                                                    tmp_path):
    from PIL import Image

    folder = tmp_path / "big"
    folder.mkdir()
    big = [folder / f"b{i}.jpg" for i in range(8)]
    for path in big:
        Image.new("RGB", (6000, 4000), (90, 120, 150)).save(path, quality=50)
    handle = SlowHandle(per_pixel=0.15 / (6000 * 4000))  # 0.15 s a photo
    service, arrived = _service(handle, tmp_path)
    try:
        service.set_model("m")
        qtbot.waitUntil(lambda: service.version() is not None, timeout=5000)
        service.request_background([file_key(p) for p in big[1:]])
        qtbot.waitUntil(handle.started.is_set, timeout=5000)  # the folder's first call is running
        service.request([big[0]])  # the user clicks a photo not predicted yet
        qtbot.waitUntil(lambda: "b0.jpg" in arrived, timeout=10_000)
        before = handle.calls[:handle.calls.index(["b0.jpg"])]
        assert len(before) == 1 and len(before[0]) == 1, f"it waited for {before}"
    finally:
        service.shutdown()


def test_an_image_whose_header_cannot_be_read_goes_in_a_batch_of_its_own(tmp_path):
    from petloc_gui.ui.models.prediction_batches import Batch

    small, bad = tmp_path / "small.png", tmp_path / "bad.png"
    write_image(small, size=(75, 75))
    bad.write_bytes(b"not an image")
    batch = Batch()
    assert batch.add(file_key(small)) and not batch.add(file_key(bad))  # its size unknown: not with others
    alone = Batch()
    assert alone.add(file_key(bad)) and not alone.add(file_key(small))
    assert [key[0] for key in alone.keys] == [str(bad)]
