"""The file list's review-queue order is kept row by row: the same order as a full re-sort, at the
cost of the rows that changed (a 20,000-image folder froze 0.2-0.6 s after every step and every
prediction arriving while the whole queue was rebuilt and sorted again)."""

from __future__ import annotations

import random

from petloc_gui.app import review_queue
from petloc_gui.app.image_document import STATUS_ANNOTATED, STATUS_ERROR, STATUS_PRELABEL, STATUS_VERIFIED
from petloc_gui.core.boxes import Box
from petloc_gui.ui.review.file_list import FileListModel
from petloc_gui.ui.review.listed_queue import ListedNext, next_listed

LABELS = ("cat", "dog")


def _queue_ranks(entries: list[review_queue.QueueEntry]) -> list[int]:
    """``ranks[i]`` = place of ``entries[i]`` in the queue (0 = first), by a full sort of (key, index): the
    reference the order kept row by row is checked against (what the list did before)."""
    order = sorted(range(len(entries)), key=lambda i: (review_queue.sort_key(entries[i]), i))
    ranks = [0] * len(entries)
    for place, index in enumerate(order):
        ranks[index] = place
    return ranks


def _from_scratch(model: FileListModel) -> list[int]:
    """The queue order a full sort of the rows as they are now gives (what the list did before)."""
    ranks = _queue_ranks(model.queue_entries())
    return sorted(range(len(ranks)), key=ranks.__getitem__)


def _random_change(model: FileListModel, rng: random.Random) -> None:
    row = rng.randrange(len(model.names))
    what = rng.randrange(7)
    box = Box(rng.choice([0, 5, 20]), 0, 30, rng.choice([10, 30]))
    if what == 0:
        label = rng.choice(LABELS)
        model.set_ground_truth(row, label, box, rng.random() < 0.2, emit=rng.random() < 0.5,
                               objects=[(label, box)])
    elif what == 1:
        model.set_prediction(row, rng.choice(LABELS), rng.choice([0.3, 0.6, 0.9]), box, emit=False)
    elif what == 2:
        model.set_prediction(row, None, None, None, emit=False)
        model.set_prediction_error(row, "model failed: boom", emit=False)
    elif what == 3:
        model.set_status(row, rng.choice([STATUS_ANNOTATED, STATUS_VERIFIED, STATUS_PRELABEL, STATUS_ERROR]))
    elif what == 4:  # a visit: its annotation read again, nothing new
        model.set_ground_truth(row, model.gt_name[row], model.gt_box[row], model.verified[row],
                               objects=list(model.gt_objects[row]))
        model.set_status(row, model.status[row], model.errors[row])
    elif what == 5:
        model.set_gone(set(rng.sample(range(len(model.names)), rng.randrange(3))))
    elif rng.random() < 0.1:
        model.clear_predictions()


def test_after_random_row_changes_the_kept_order_is_a_sort_from_scratch(qapp):
    rng = random.Random(29)
    n = 40
    model = FileListModel([f"img{i}.png" for i in range(n)], [rng.random() < 0.8 for _ in range(n)])
    model.set_review_order(True)
    held: tuple[int, int] | None = None  # (row, its place when held), as the list had it before
    for change in range(400):
        if rng.random() < 0.05:  # an image edited while shown keeps its place; another shown lets it go
            row = rng.randrange(n)
            if held is None or held[0] != row:
                held = (row, _from_scratch(model).index(row))
            model.hold(row)
        elif held is not None and rng.random() < 0.05:
            held = None
            model.release()
        _random_change(model, rng)
        expected = _from_scratch(model)
        if held is not None:
            expected.remove(held[0])
            expected.insert(min(held[1], len(expected)), held[0])
        if change % 3 == 0:
            model.update_ranks()  # what the re-rank timer does
            assert model.order == expected
        assert [model.ranks[row] for row in expected] == list(range(n))


def _counting_sort_keys(monkeypatch) -> list[int]:
    calls = [0]
    sort_key = review_queue.sort_key

    def counted(entry):
        calls[0] += 1
        return sort_key(entry)

    monkeypatch.setattr(review_queue, "sort_key", counted)
    return calls


def test_a_visit_or_a_prediction_re_ranks_its_row_alone(qapp, monkeypatch):
    n = 500
    model = FileListModel([f"img{i}.png" for i in range(n)], [True] * n)
    for row in range(n):
        model.set_ground_truth(row, "cat", Box(0, 0, 30, 30), False, emit=False, objects=[("cat", Box(0, 0, 30, 30))])
        model.set_prediction(row, "cat", 0.5 + row / 2000, Box(0, 0, 30, 30 - row % 20), emit=False)
    model.set_review_order(True)
    calls = _counting_sort_keys(monkeypatch)
    model.set_ground_truth(7, "cat", Box(0, 0, 30, 30), False, objects=[("cat", Box(0, 0, 30, 30))])
    model.set_status(7, STATUS_ANNOTATED)
    model.update_ranks()  # a visit changed nothing its rank depends on: nothing to re-sort
    assert calls[0] <= 2 and model.order == _from_scratch(model)
    calls[0] = 0
    model.set_prediction(9, "cat", 0.99, Box(100, 100, 130, 130), emit=False)  # IoU 0: to the top
    model.update_ranks()
    assert calls[0] <= 1 and model.order[0] == 9


def _first_to_review(model: FileListModel, skip: set[int], held: tuple[int, int] | None = None) -> int | None:
    """N as the session found it before: every row's entry ranked from scratch (``held``: a row kept at its
    place), the first not verified, not gone, not in ``skip``."""
    entries = model.queue_entries()
    order = _from_scratch(model)
    if held is not None:
        order.remove(held[0])
        order.insert(min(held[1], len(order)), held[0])
    return next((row for row in order if not (entries[row].verified or entries[row].gone or row in skip)), None)


def _counting_entries(monkeypatch) -> list[int]:
    calls = [0]
    entry = review_queue.QueueEntry

    def counted(**facts):
        calls[0] += 1
        return entry(**facts)

    monkeypatch.setattr(review_queue, "QueueEntry", counted)
    return calls


def test_next_to_review_reads_the_kept_order_without_building_the_queue_again(qtbot, window, folder, monkeypatch):
    from .conftest import open_and_wait

    open_and_wait(qtbot, window, folder)
    session, model = window.session, window.session.model
    first = session.next_to_review()  # the first N builds the queue (once)
    entries, sort_keys = _counting_entries(monkeypatch), _counting_sort_keys(monkeypatch)
    model.set_prediction(first, "cat", 0.99, Box(0, 0, 1, 1))  # a prediction arrives: one row re-placed
    entries[0] = sort_keys[0] = 0
    session.visited.add(first)
    second = session.next_to_review()
    assert entries[0] == 0 and sort_keys[0] == 0  # read from the order kept, no row's entry made again
    assert second == _first_to_review(model, session.visited | {first})


def test_next_to_review_is_the_first_unreviewed_row_of_a_full_sort(qapp):
    rng = random.Random(30)
    n = 40
    model = FileListModel([f"img{i}.png" for i in range(n)], [True] * n)
    model.set_review_order(True)
    held: tuple[int, int] | None = None  # (row, its place when held)
    for _ in range(300):
        if rng.random() < 0.1:  # an image edited while shown keeps its place in the queue
            row = rng.randrange(n)
            if held is None or held[0] != row:
                held = (row, _from_scratch(model).index(row))
            model.hold(row)
        elif held is not None and rng.random() < 0.1:
            held = None
            model.release()
        _random_change(model, rng)
        skip = set(rng.sample(range(n), rng.randrange(n)))
        assert next_listed(model, skip) == ListedNext(_first_to_review(model, skip, held), 0)  # every row listed
