"""One rule for what JSON cannot hold as it is (`model.json_values`), two policies for what nobody meant to
write. The training worker's events said any such object as its str() (the window got "<object ...>" and
no word of the bug); now the event is refused and the run ends with an error event naming the type. A
command's --json line turned a numpy array of two figures, a numpy NaN or an unknown object into an
"unexpected error" after the lines already written; now it writes the array, null and the object's str()."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest

from petloc_gui.cli.output import json_line
from petloc_gui.model import train_worker
from petloc_gui.model.train_worker import EventWriter


class _Unmeant:
    def __str__(self) -> str:
        return "unmeant"


class _Running:
    def should_stop(self) -> bool:
        return False


def test_a_training_event_holding_an_unknown_object_is_refused_not_stringified():
    stream = io.StringIO()
    with pytest.raises(TypeError, match="_Unmeant"):
        EventWriter(stream)({"event": "epoch", "loss": 0.5, "odd": _Unmeant()})
    assert stream.getvalue() == ""


def test_the_run_that_sends_it_ends_with_an_error_event_naming_it(tmp_path):
    args = train_worker.parse_args(["--data", str(tmp_path), "--preset", "digits", "--out", str(tmp_path / "out")])
    stream = io.StringIO()
    emit = EventWriter(stream)
    code = train_worker.run_guarded(lambda: emit({"event": "epoch", "odd": _Unmeant()}), args, emit, _Running())
    assert code == train_worker.EXIT_ERROR
    [error] = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert error["event"] == "error" and error["kind"] == "TypeError" and "_Unmeant" in error["message"]


def test_a_training_event_says_numpy_arrays_paths_and_nan_inside_them():
    stream = io.StringIO()
    EventWriter(stream)({"event": "epoch", "per_class": np.array([np.nan, 0.5]), "folder": Path("a") / "b"})
    assert json.loads(stream.getvalue()) == {"event": "epoch", "per_class": [None, 0.5], "folder": str(Path("a/b"))}


def test_a_json_line_is_written_whole_whatever_it_holds():
    stream = io.StringIO()
    json_line({"figures": np.array([0.25, 0.5]), "mean": np.float32("nan"), "loss": float("inf"),
               "n": np.int64(3), "image": Path("x.png"), "odd": _Unmeant()}, stream)
    assert json.loads(stream.getvalue()) == {"figures": [0.25, 0.5], "mean": None, "loss": None, "n": 3,
                                             "image": "x.png", "odd": "unmeant"}
