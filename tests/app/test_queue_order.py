"""The review queue kept in order image by image (`app.queue_order`) gives the order a full sort gives."""

from __future__ import annotations

import random

from petloc_gui.app.queue_order import QueueOrder


def _sorted_items(keys: list[tuple]) -> list[int]:
    return sorted(range(len(keys)), key=lambda i: (keys[i], i))


def test_re_placed_items_keep_the_order_a_sort_from_scratch_gives():
    rng = random.Random(8)
    keys = [(rng.randrange(4), rng.choice([0.0, 0.25, 0.5]), 0.0) for _ in range(60)]
    order = QueueOrder(keys)
    for _ in range(400):
        item = rng.randrange(len(keys))
        new = (rng.randrange(4), rng.choice([0.0, 0.25, 0.5, rng.random()]), rng.random())
        changed = order.place(item, new)
        assert changed == (new != keys[item])
        keys[item] = new
        assert order.items() == _sorted_items(keys)
        ranks = order.ranks()
        assert [ranks[i] for i in _sorted_items(keys)] == list(range(len(keys)))


def test_a_held_item_keeps_its_place_and_the_others_order_around_it():
    keys = [(3, 0.9, 0.0), (0, 0.1, 0.0), (1, 0.0, 0.0), (5, 0.0, 0.0)]  # order: 1, 2, 0, 3
    order = QueueOrder(keys)
    order.hold(0)
    assert order.held == 0 and order.held_place == 2
    order.place(0, (0, 0.0, 0.0))  # it would go first now
    order.place(3, (0, 0.05, 0.0))
    assert order.items() == [3, 1, 0, 2] == list(order.walk())
    assert order.first_shown(lambda item: item not in (3, 1), lambda item: True) == (0, 0)
    order.hold(0, place=10)  # a place past the end: last
    assert order.items() == [3, 1, 2, 0]
    assert order.release() and not order.release()
    assert order.items() == [0, 3, 1, 2]


def test_first_shown_reads_down_to_the_first_shown_item_and_counts_the_hidden_ones_above_it():
    keys = [(2, 0.0, 0.0), (0, 0.0, 0.0), (1, 0.0, 0.0), (3, 0.0, 0.0), (4, 0.0, 0.0)]  # order: 1, 2, 0, 3, 4
    order = QueueOrder(keys)
    asked: list[int] = []

    def shown(item: int) -> bool:
        asked.append(item)
        return item in (0, 4)

    # 2 is not wanted (visited, say): passed by, not counted; 1 is hidden; 0 is the first wanted and shown
    assert order.first_shown(lambda item: item != 2, shown) == (0, 1)
    assert asked == [1, 0]  # nothing below it is looked at
    assert order.first_shown(lambda item: item not in (0, 4), shown) == (None, 3)  # 1, 2, 3: all hidden
    order.hold(4, place=0)
    assert order.first_shown(lambda item: True, shown) == (4, 0)  # the held item at its place
