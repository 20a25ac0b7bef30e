"""A big folder's rows fill from the prediction cache in slices, the event loop running between them:
looked up at once, 21,000 rows froze the window for ~1.5 s after a reload (`ui.review.cache_fill`)."""

from __future__ import annotations

from pathlib import Path

import pytest

import petloc_gui.ui.review.cache_fill as cache_fill
from petloc_gui.app.file_key import FileStamp
from petloc_gui.ui.review.cache_fill import CacheFill
from petloc_gui.ui.review.file_list import FileListModel

NAMES = [f"img{n}.jpg" for n in range(5)]


class Predictions:
    """What the fill asks of `PredictionService`: a model state, kept predictions, the walk asked for."""

    def __init__(self) -> None:
        self.model = "m-1"
        self.lookups: list[list[str]] = []
        self.walks: list[list[str]] = []

    def version(self):
        return self.model

    def serves_early(self) -> bool:
        return False

    def cached_many(self, keys):
        self.lookups.append([key[0] for key in keys])
        return {key[0]: f"prediction of {Path(key[0]).name}" for key in keys} if self.model else {}

    def request_background(self, keys) -> None:
        self.walks.append([key[0] for key in keys])


class Keys:
    """`ImageKeys` with every key read already: the answer comes at once."""

    def when_known(self, paths, then) -> None:
        then([(str(path), FileStamp(1, 2, 3)) for path in paths])

    def __init__(self) -> None:
        self.forgotten: list = []

    def forget(self, paths) -> None:
        self.forgotten.extend(paths)

    def outdate_reads(self) -> None:
        """No read is ever under way here (each answer comes at once): nothing to stop."""


@pytest.fixture
def fill(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(cache_fill, "SLICE_S", 0.0, raising=False)  # one chunk a slice
    monkeypatch.setattr(cache_fill, "LOOKUP_CHUNK", 2, raising=False)
    paths = [tmp_path / name for name in NAMES]
    model = FileListModel(NAMES, [False] * len(NAMES))
    predictions = Predictions()
    arrived: list[str] = []
    state = {"closed": False}
    keys = Keys()
    filler = CacheFill(model, {str(path): row for row, path in enumerate(paths)}, predictions, keys,
                       lambda path, result, emit: arrived.append(Path(path).name), lambda: state["closed"])
    filler.keys = keys
    return filler, paths, predictions, arrived, state


def test_the_rows_fill_a_slice_at_a_time_then_the_walk_begins(qtbot, fill):
    filler, paths, predictions, arrived, _ = fill
    filler.request(paths)
    assert arrived == NAMES[:2]  # the first slice at once; the rest once the event loop has run
    assert predictions.walks == [[]]  # (the walk of the folder before ended; this one's not begun)
    qtbot.waitUntil(lambda: len(arrived) == len(NAMES), timeout=5000)
    assert arrived == NAMES
    assert [len(chunk) for chunk in predictions.lookups] == [2, 2, 1]
    qtbot.waitUntil(lambda: len(predictions.walks) == 2, timeout=5000)
    assert predictions.walks[1] == [str(path) for path in paths]


def test_a_folder_closed_while_it_fills_gets_no_more_rows(qtbot, fill):
    filler, paths, predictions, arrived, state = fill
    filler.request(paths)
    state["closed"] = True
    qtbot.wait(50)
    assert arrived == NAMES[:2] and predictions.walks == [[]]


def test_a_fill_asked_for_again_is_the_only_one_that_goes_on(qtbot, fill):
    filler, paths, predictions, _, _ = fill
    filler.request(paths)
    filler.request(paths[1:])
    qtbot.waitUntil(lambda: len(predictions.walks) == 3, timeout=5000)
    qtbot.wait(50)
    # the first fill's one slice, then the second's two: none of the first's after the second began
    assert predictions.lookups == [[str(paths[0]), str(paths[1])], [str(paths[1]), str(paths[2])],
                                   [str(paths[3]), str(paths[4])]]
    assert predictions.walks[2] == [str(path) for path in paths[1:]]


def test_a_fill_stops_where_the_model_changes(qtbot, fill):
    filler, paths, predictions, arrived, _ = fill
    filler.request(paths)
    predictions.model = "m-2"  # loaded since: the window asks for the new model's fill
    qtbot.wait(50)
    assert len(predictions.lookups) == 1 and arrived == NAMES[:2] and predictions.walks == [[]]


def test_another_model_forgets_the_keys_served_by_their_text(qtbot, fill):
    # on every model switch: 20,000 paths made Paths and back froze the window ~70 ms, twice a switch
    filler, paths, predictions, _, _ = fill
    filler.request(paths)
    qtbot.waitUntil(lambda: len(predictions.walks) == 2, timeout=5000)
    predictions.model = "m-2"
    filler.request(paths)
    assert sorted(filler.keys.forgotten) == sorted(str(path) for path in paths)
    assert all(type(path) is str for path in filler.keys.forgotten)
