"""The file list's class counts are kept as rows change, not counted over every row at each question.

Start training with an unsaved edit on a 20,000-image folder froze the window half a second: among the
causes, the new-classes bar asked `box_counts` three ways per refresh (and the class list `labels_in_use`),
each a walk over all 20,000 rows (10-40 ms each). The answers must stay those of a count from scratch,
whatever the edits, statuses and images gone.
"""

from __future__ import annotations

import random

import pytest

from petloc_gui.app.image_document import STATUS_ANNOTATED, STATUS_EDITED, STATUS_NONE, STATUS_PRELABEL
from petloc_gui.core.boxes import Box
from petloc_gui.core.metrics import best_gt_match
from petloc_gui.ui.review.file_list import FileListModel

LABELS = ["cat", "dog", "Cat", "", "bird"]
STATUSES = [STATUS_ANNOTATED, STATUS_EDITED, STATUS_NONE, STATUS_PRELABEL]


def _from_scratch(model: FileListModel, reviewed_only: bool, every_box: bool) -> dict[str, int]:
    """`box_counts` as it was counted before: over every row."""
    counts: dict[str, int] = {}
    for item, name in enumerate(model.gt_name):
        if name and item not in model.gone and not (reviewed_only and model.status[item] == STATUS_PRELABEL):
            objects = model.gt_objects[item] or ([(name, model.gt_box[item])] if model.gt_box[item] else [])
            for label in [n for n, _box in objects if n] if every_box else [name]:
                counts[label] = counts.get(label, 0) + 1
    return counts


def _random_change(model: FileListModel, rng: random.Random) -> None:
    item = rng.randrange(len(model.names))
    what = rng.random()
    if what < 0.5:
        boxes = [(rng.choice(LABELS), Box(0, 0, 10 + i, 10)) for i in range(rng.randrange(4))]
        name, box = boxes[0] if boxes else (None, None)
        model.set_ground_truth(item, name, box, rng.random() < 0.5,
                               emit=rng.random() < 0.5, objects=boxes if rng.random() < 0.7 else None)
    elif what < 0.8:
        model.set_status(item, rng.choice(STATUSES), emit=rng.random() < 0.5)
    elif what < 0.9:
        model.set_gone(set(rng.sample(range(len(model.names)), rng.randrange(4))))
    else:
        model.set_prediction(item, rng.choice(LABELS) or None, 0.5, Box(2, 2, 9, 9) if rng.random() < 0.8 else None)


@pytest.mark.parametrize("seed", range(5))
def test_the_counts_equal_a_count_from_scratch_after_random_edits(qapp, seed):
    rng = random.Random(seed)
    model = FileListModel([f"{i}.png" for i in range(40)], [rng.random() < 0.5 for _ in range(40)])
    for step in range(600):
        _random_change(model, rng)
        if step % 20 == 0 or step == 599:
            for reviewed_only in (False, True):
                for every_box in (False, True):
                    assert model.box_counts(reviewed_only, every_box) == \
                        _from_scratch(model, reviewed_only, every_box), (seed, step, reviewed_only, every_box)
            assert model.labels_in_use() == set().union(*map(model.labels_of, range(40)))
            for item in range(40):  # the IoU column as a recount of every row would have it
                objects = model._objects(item)
                expected = (best_gt_match(objects, model.pred_label[item], model.pred_box[item]).iou
                            if objects and model.pred_box[item] is not None else None)
                assert model.iou[item] == expected, (seed, step, item)


def test_a_count_looks_at_no_row(qapp, monkeypatch):
    """The bar's refresh asks three counts, the class list the labels in use: none of them walks the rows."""
    model = FileListModel([f"{i}.png" for i in range(200)], [True] * 200)
    for item in range(200):
        model.set_ground_truth(item, "cat" if item % 3 else "dog", Box(0, 0, 10, 10), False)
    model.set_status(5, STATUS_PRELABEL)
    looked: list[int] = []
    objects, labels_of = model._objects, model.labels_of
    monkeypatch.setattr(model, "_objects", lambda item: looked.append(item) or objects(item))
    monkeypatch.setattr(model, "labels_of", lambda item: looked.append(item) or labels_of(item))
    assert model.box_counts() == {"cat": 133, "dog": 67}
    assert model.box_counts(reviewed_only=True) == {"cat": 132, "dog": 67}  # 5.png: a pre-label
    assert model.box_counts(every_box=True) == {"cat": 133, "dog": 67}
    assert model.labels_in_use() == {"cat", "dog"}
    assert looked == []
