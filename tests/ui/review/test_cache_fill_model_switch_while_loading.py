"""A model asked for while another still loads, both served from their kept predictions (`serves_early`): the
service's state was `(None, True)` for both, so the fill kept the keys the first one was served by, and an image
replaced in between was looked up under the second model by its old file's key: its kept prediction of the old
picture was shown (`ui.review.cache_fill`)."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.app.file_key import FileStamp
from petloc_gui.ui.review.cache_fill import CacheFill
from petloc_gui.ui.review.file_list import FileListModel

NAMES = ["a.jpg", "b.jpg"]
OLD, NEW = FileStamp(1, 10, 1), FileStamp(2, 20, 2)


class LoadingPredictions:
    """A `PredictionService` whose model is loading (no version yet), serving that model's kept predictions."""

    def __init__(self, kept: dict) -> None:
        self.kept = kept  # (path, stamp) -> prediction: the loading model's, kept on disk by an earlier run
        self.walks: list[list] = []

    def version(self):
        return None

    def serves_early(self) -> bool:
        return True

    def cached_many(self, keys):
        return {key[0]: self.kept[key] for key in keys if key in self.kept}

    def request_background(self, keys) -> None:
        self.walks.append(list(keys))


class Keys:
    """`ImageKeys` over files whose stamps a test sets: a key is read once, until forgotten."""

    def __init__(self, stamps: dict) -> None:
        self.stamps = stamps
        self.read: dict[str, tuple] = {}

    def when_known(self, paths, then) -> None:
        then([self.read.setdefault(str(path), (str(path), self.stamps[str(path)])) for path in paths])

    def forget(self, paths) -> None:
        for path in paths:
            self.read.pop(str(path), None)

    def outdate_reads(self) -> None:
        """No read is ever under way here (each answer comes at once): nothing to stop."""


def test_a_model_asked_for_while_another_loads_looks_up_a_replaced_image_by_its_new_key(qtbot, tmp_path):
    paths = [tmp_path / name for name in NAMES]
    a, b = (str(path) for path in paths)
    stamps = {a: OLD, b: OLD}
    first = {(a, OLD): "first model: old a", (b, OLD): "first model: b"}
    # the second model's kept predictions: of a's old picture (an earlier run), not of its new one
    second = {(a, OLD): "second model: old a", (b, OLD): "second model: b"}
    predictions = LoadingPredictions(first)
    rows = FileListModel(NAMES, [False] * len(NAMES))
    arrived: list[tuple[str, object]] = []
    keys = Keys(stamps)
    filler = CacheFill(rows, {a: 0, b: 1}, predictions, keys,
                       lambda path, result, emit: arrived.append((Path(path).name, result)), lambda: False)
    filler.request(paths)  # the first model starts loading: its kept predictions shown
    qtbot.waitUntil(lambda: len(predictions.walks) == 2, timeout=5000)
    assert arrived == [("a.jpg", "first model: old a"), ("b.jpg", "first model: b")]

    stamps[a] = NEW  # a.jpg replaced on disk (a copy, a sync)
    predictions.kept = second  # another model asked for, still loading too
    arrived.clear()
    filler.request(paths)
    qtbot.waitUntil(lambda: len(predictions.walks) == 4, timeout=5000)
    assert arrived == [("b.jpg", "second model: b")]  # nothing of a's old picture
    assert (a, NEW) in predictions.walks[-1]  # the model's walk predicts the new picture
