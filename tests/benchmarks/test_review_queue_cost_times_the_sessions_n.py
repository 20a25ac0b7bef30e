"""benchmarks/review_queue_cost.py said it timed N "as the session asks it" but timed the list's own
``next_to_review``, the queue alone, a path the session no longer took once N walked the rows the list shows
(`listed_queue`). Its N is the session's: under a search hiding the queue's top it finds the image listed."""

from __future__ import annotations

from petloc_gui.ui.review import listed_queue
from tests.benchmark_modules import load_benchmark


def test_the_benchmarks_n_obeys_the_lists_filter_as_the_sessions_does(qapp):
    bench = load_benchmark("review_queue_cost")
    model = bench._model(30)
    model.set_review_order(True)
    queue = model.ranking.order().items()
    top, listed = queue[0], queue[5]
    model.set_text(model.names[listed])  # the list shows that one image alone: the queue's top is hidden
    assert model.view_row(top) < 0 <= model.view_row(listed)
    assert bench._next_to_review(model, set()) == listed
    assert bench._next_to_review(model, {listed}) is listed_queue.STAY  # hidden images left: said, not "done"
