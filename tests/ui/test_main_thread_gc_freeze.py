"""A garbage collection froze the window 0.5-1.0 s at every start: the UI-thread collector went through
TensorFlow's ~740k objects, which live as long as the process, and counted the oldest generation (a list
of 400k objects) for its rule on each check where it was due. The model worker's TensorFlow import is a
`lasting_import` now: nothing is collected during it, everything alive is frozen (gc.freeze) after it,
and the collector counts afresh; its check counts no list of the oldest generation."""

from __future__ import annotations

import gc
import weakref

import pytest


class Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector(qapp):
    """A collector for which every generation is always due (its thresholds passed), stopped after."""
    from petloc_gui.ui.main_thread_gc import MainThreadCollector

    gc.collect()
    made = MainThreadCollector(qapp, interval_ms=3_600_000)
    made.thresholds = (-1, -1, -1)
    yield made
    made.stop()
    gc.unfreeze()  # what a test froze goes back to the collector's reach
    gc.collect()


def test_what_a_lasting_import_made_is_frozen_after_it(collector):
    from petloc_gui.ui.main_thread_gc import lasting_import

    frozen = gc.get_freeze_count()
    with lasting_import():
        made = [[] for _ in range(5000)]  # noqa: F841 - objects the import keeps
    assert gc.get_freeze_count() >= frozen + 5000


def test_a_failed_import_freezes_nothing(collector):
    from petloc_gui.ui.main_thread_gc import lasting_import

    frozen = gc.get_freeze_count()
    with pytest.raises(ImportError), lasting_import():
        raise ImportError("no module named tensorflow")
    assert gc.get_freeze_count() == frozen


def test_nothing_is_collected_during_a_lasting_import(collector):
    from petloc_gui.ui.main_thread_gc import lasting_import

    with lasting_import():
        garbage = Cycle()
        gone = weakref.ref(garbage)
        del garbage
        assert collector.check() == 0
        assert gone() is not None


def test_after_the_freeze_the_long_lived_objects_are_counted_afresh(collector, qapp):
    """Counted before the import, the long-lived objects held a full collection back until a quarter as
    many more had come; after the freeze none is left in its reach, and the next due one runs."""
    from petloc_gui.ui.main_thread_gc import MainThreadCollector, lasting_import

    kept = [[] for _ in range(200_000)]  # noqa: F841 - long-lived objects counted before the "import"
    gc.collect()
    counted_before = MainThreadCollector(qapp, interval_ms=3_600_000)
    counted_before.thresholds = (-1, -1, -1)
    try:
        with lasting_import():
            pass
        full = gc.get_stats()[2]["collections"]
        counted_before.check()
        assert gc.get_stats()[2]["collections"] == full + 1
    finally:
        counted_before.stop()


def test_a_full_collection_held_back_counts_no_list_of_the_oldest_generation(collector, monkeypatch):
    asked = []
    real = gc.get_objects

    def get_objects(generation=None):
        asked.append(generation)
        return real(generation)

    monkeypatch.setattr(gc, "get_objects", get_objects)
    full = gc.get_stats()[2]["collections"]
    collector.check()  # due everywhere, held back: too few new long-lived objects
    assert gc.get_stats()[2]["collections"] == full
    assert 2 not in asked and None not in asked


def test_a_full_collection_runs_once_a_quarter_more_objects_have_come(collector, qapp):
    from petloc_gui.ui.main_thread_gc import MainThreadCollector

    gc.collect()
    base = len(gc.get_objects(2))
    counted = MainThreadCollector(qapp, interval_ms=3_600_000)
    counted.thresholds = (-1, -1, -1)
    try:
        kept = [[] for _ in range(base // 4 + 10_000)]  # noqa: F841 - promoted by the next collection
        full = gc.get_stats()[2]["collections"]
        counted.check()  # held back: promotes them
        assert gc.get_stats()[2]["collections"] == full
        counted.check()  # a quarter more have come: a full one
        assert gc.get_stats()[2]["collections"] == full + 1
    finally:
        counted.stop()


def test_the_window_s_tensorflow_import_is_a_lasting_import(collector, monkeypatch):
    from petloc_gui.cli import output
    from petloc_gui.ui.models.tensorflow_import import import_tensorflow

    kept = []
    monkeypatch.setattr(output, "load_tensorflow", lambda: kept.extend([] for _ in range(5000)))
    frozen = gc.get_freeze_count()
    import_tensorflow()
    assert len(kept) == 5000 and gc.get_freeze_count() >= frozen + 5000
