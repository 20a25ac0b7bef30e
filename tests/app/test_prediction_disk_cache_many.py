"""`PredictionDiskCache.get_many`: what `get` gives for each key, the lock taken once and each folder's file
found once; the stored entries judged as before (a prediction only of a well-formed entry of the file now)."""

from __future__ import annotations

import enum
import json
import threading
from pathlib import Path

from petloc_gui.app.file_key import NO_FILE, FileStamp
from petloc_gui.app.prediction_disk_cache import (
    ModelFingerprint,
    PredictionDiskCache,
    StoredPrediction,
    _prediction_of,
)
from petloc_gui.core.boxes import Box

MODEL = ModelFingerprint("/models/m", "files-1")


def _prediction_as_before(entry, key):
    """How an entry was judged before get_many (a generator over its numbers)."""
    if not isinstance(entry, list) or len(entry) != 9 or entry[:3] != list(key[1]):
        return None
    label, *numbers = entry[3:]
    if not isinstance(label, str) or not all(isinstance(n, int | float) and not isinstance(n, bool)
                                             for n in numbers):
        return None
    return StoredPrediction(label, float(numbers[0]), Box(*numbers[1:]))


class Level(enum.IntEnum):
    ONE = 1


class Real(float):
    pass


STAMP = FileStamp(5, 6, 7)
GOOD = [5, 6, 7, "cat", 0.5, 1, 2.0, 30, 40.25]
ENTRIES = [GOOD, [5, 6, 7, "cat", 1, 1, 2, 3, 4], [5, 6, 8, "cat", 0.5, 1, 2, 3, 4], [5, 6, 7, 3, 0.5, 1, 2, 3, 4],
           [5, 6, 7, "cat", True, 1, 2, 3, 4], [5, 6, 7, "cat", 0.5, 1, 2, 3, False],
           [5, 6, 7, "cat", "0.5", 1, 2, 3, 4], [5, 6, 7, "cat", 0.5, 1, 2, 3, None], [5, 6, 7, "cat", 0.5, 1, 2, 3],
           [*GOOD, 1], (5, 6, 7, "cat", 0.5, 1, 2, 3, 4), {"a": 1}, None, "x",
           [5, 6, 7, "cat", Level.ONE, 1, 2, 3, 4], [5, 6, 7, "cat", 0.5, Real(1.5), 2, 3, 4],
           [5.0, 6, 7, "dog", 0.5, 1, 2, 3, 4], [5, 6, 7, "", float("nan"), 1, 2, 3, 4]]


def test_entries_are_judged_as_before() -> None:
    for entry in ENTRIES:
        for key in (("/p/a.jpg", STAMP), ("/p/a.jpg", FileStamp(5, 6, 8))):
            assert repr(_prediction_of(entry, key)) == repr(_prediction_as_before(entry, key)), entry


def _cache_with(root: Path, folders: dict[str, dict[str, list]]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    seed = PredictionDiskCache(root)
    for folder, entries in folders.items():
        cached = seed._file(folder, MODEL)
        cached.entries.update(entries)
        cached.dirty = True
    seed.save()


def test_get_many_gives_what_get_gives_for_each_key_in_order(tmp_path: Path, monkeypatch) -> None:
    folders = {str(tmp_path / "a"): {f"{n}.jpg": [n, 1, 2, "cat", 0.5, n, 2, 30, 40] for n in range(300)},
               str(tmp_path / "b"): {"x.jpg": GOOD, "bad.jpg": [5, 6, 7, "cat", True, 1, 2, 3, 4]}}
    _cache_with(tmp_path / "cache", folders)
    keys = [(str(tmp_path / "a" / f"{n}.jpg"), FileStamp(n, 1, 2)) for n in range(0, 300, 3)]
    keys += [(str(tmp_path / "b" / "x.jpg"), STAMP), (str(tmp_path / "b" / "bad.jpg"), STAMP),
             (str(tmp_path / "b" / "x.jpg"), FileStamp(5, 6, 8)), (str(tmp_path / "b" / "none.jpg"), STAMP),
             (str(tmp_path / "a" / "1.jpg"), FileStamp(1, 1, 2)), (str(tmp_path / "c" / "x.jpg"), STAMP),
             (str(tmp_path / "b" / "x.jpg"), NO_FILE), (str(tmp_path / "d" / "x.jpg"), NO_FILE), ("x.jpg", STAMP)]
    one_by_one = [PredictionDiskCache(tmp_path / "cache").get(MODEL, key) for key in keys]
    assert sum(found is not None for found in one_by_one) == 102  # (the test's keys do find some)
    many = PredictionDiskCache(tmp_path / "cache")
    reads: list[Path] = []
    read_into = PredictionDiskCache._read_into
    monkeypatch.setattr(PredictionDiskCache, "_read_into", staticmethod(lambda cached: (reads.append(cached.path),
                                                                                        read_into(cached))[1]))
    taken = []

    class CountingLock:
        def __init__(self) -> None:
            self._lock = threading.Lock()

        def __enter__(self):
            taken.append(1)
            return self._lock.__enter__()

        def __exit__(self, *exc):
            return self._lock.__exit__(*exc)

    many._lock = CountingLock()
    assert many.get_many(MODEL, keys) == one_by_one
    assert len(taken) == 1 and len(reads) == len(set(reads)) == 4  # a, b, c and the working folder, once each (not d)
    assert many.get_many(MODEL, keys[:5]) == one_by_one[:5] and len(reads) == 4  # read once a run, as get does
    assert many.get_many(None, keys) == [None] * len(keys)
    assert PredictionDiskCache(None).get_many(MODEL, keys) == [None] * len(keys)


def test_a_damaged_file_finds_nothing_in_get_many_either(tmp_path: Path) -> None:
    _cache_with(tmp_path / "cache", {str(tmp_path / "a"): {"x.jpg": GOOD}})
    (written,) = (tmp_path / "cache").glob("*.json")
    record = json.loads(written.read_text())
    assert PredictionDiskCache(tmp_path / "cache").get_many(MODEL, [(str(tmp_path / "a" / "x.jpg"), STAMP)])[0] \
        == StoredPrediction("cat", 0.5, Box(1, 2, 30, 40.25))
    written.write_text(json.dumps(record)[:-5])
    assert PredictionDiskCache(tmp_path / "cache").get_many(MODEL, [(str(tmp_path / "a" / "x.jpg"), STAMP)]) == [None]
