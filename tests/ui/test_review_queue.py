"""The review-queue rule (pure logic) and the per-image document model."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.app import review_queue as rq
from petloc_gui.app.image_document import ImageDocument
from petloc_gui.app.queue_order import QueueOrder
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import VocObject


def E(name, **kw):  # noqa: N802 - short test helper
    return rq.QueueEntry(name=name, **kw)


def test_queue_order_follows_the_documented_rule():
    entries = [
        E("agree_good", has_gt=True, has_prediction=True, iou=0.9, labels_agree=True, confidence=0.99),
        E("agree_meh", has_gt=True, has_prediction=True, iou=0.6, labels_agree=True, confidence=0.99),
        # a wrong label scores IoU 0 (best-gt rule) but keeps its own tier, after the bad boxes
        E("label_wrong_confident", has_gt=True, has_prediction=True, iou=0.0, labels_agree=False, confidence=0.9),
        E("label_wrong_unsure", has_gt=True, has_prediction=True, iou=0.0, labels_agree=False, confidence=0.4),
        E("box_bad", has_gt=True, has_prediction=True, iou=0.1, labels_agree=True, confidence=0.9),
        E("box_worse", has_gt=True, has_prediction=True, iou=0.0, labels_agree=True, confidence=0.9),
        E("prelabel_unsure", has_gt=False, has_prediction=True, confidence=0.3),
        E("prelabel_sure", has_gt=False, has_prediction=True, confidence=0.95),
        # `petloc predict --write-voc`'s file: the model agrees with its own boxes; still to confirm
        E("prelabel_file", has_gt=True, has_prediction=True, iou=0.99, labels_agree=True, confidence=0.5,
          prelabel=True),
        E("pending", has_gt=True, has_prediction=False),
        E("broken", has_gt=False, has_prediction=False, error=True),
        E("verified_bad", has_gt=True, has_prediction=True, iou=0.0, verified=True),
        E("gone_bad", has_gt=True, has_prediction=True, iou=0.0, labels_agree=True, gone=True),
    ]
    order = [entries[i].name for i in QueueOrder(rq.sort_key(e) for e in entries).items()]  # as the file list
    assert order == [
        "box_worse", "box_bad", "label_wrong_unsure", "label_wrong_confident",
        "prelabel_unsure", "prelabel_file", "prelabel_sure",
        "agree_meh", "agree_good", "broken", "pending", "verified_bad", "gone_bad",
    ]


def _predicted_rows(heights: tuple[int, ...]):
    """A list of images each with a cat at 0,0,10,10 and the model's cat 10 wide, ``heights[row]`` high (IoU
    heights[row] / 10: the lower the first in the queue)."""
    from petloc_gui.ui.review.file_list import FileListModel

    model = FileListModel([f"{chr(97 + row)}.png" for row in range(len(heights))], [True] * len(heights))
    for row, height in enumerate(heights):
        model.set_ground_truth(row, "cat", Box(0, 0, 10, 10), False)
        model.set_prediction(row, "cat", 0.5, Box(0, 0, 10, height))
    return model


def test_next_to_review_skips_verified_and_visited(qapp):
    from petloc_gui.ui.review.listed_queue import ListedNext, next_listed

    model = _predicted_rows((1, 2, 3))  # queue: a, b, c
    model.set_ground_truth(0, "cat", Box(0, 0, 10, 10), True)  # a verified: ranked last, passed by
    assert next_listed(model, set()).row == 1
    assert next_listed(model, {1}).row == 2
    assert next_listed(model, {1, 2}) == ListedNext(None, 0)


def test_document_dirty_tracks_content_not_history():
    doc = ImageDocument(Path("x.png"), Path("x.xml"))
    doc.objects = [VocObject("cat", Box(1, 2, 30, 40)), VocObject("dog", Box(5, 5, 9, 9))]
    doc.mark_saved(in_session=False)
    assert doc.status() == "annotated" and not doc.dirty
    doc.set_box(0, Box(2, 2, 30, 40))
    assert doc.dirty and doc.status() == "edited"
    doc.set_box(0, Box(1, 2, 30, 40))
    assert not doc.dirty, "undoing back to the saved state is clean again"
    doc.set_label(1, "cat")
    assert doc.objects[1].name == "cat" and doc.objects[0].name == "cat"
    doc.mark_saved()
    assert doc.status() == "saved"
    doc.set_verified(True)
    doc.mark_saved()
    assert doc.status() == "verified"


def test_clamp_box_uses_image_size():
    doc = ImageDocument(Path("x.png"), Path("x.xml"), image_size=(100, 50))
    assert doc.clamp_box(Box(90, 40, -5, 70)) == Box(0, 40, 90, 50)


def test_image_cache_is_bounded_and_reports_errors(tmp_path, qtbot):
    from petloc_gui.ui.canvas.image_cache import ImageCache

    from .conftest import write_image

    paths = []
    for i in range(6):
        path = tmp_path / f"{i}.png"
        write_image(path, size=(100, 100), seed=i)
        paths.append(path)
    cache = ImageCache(max_items=4, max_bytes=3 * 100 * 100 * 3)  # RGB888: 3 bytes a pixel

    def decoded(path):
        """Ask for a decode (pool thread) and take what the ``decoded`` signal brings."""
        with qtbot.waitSignal(cache.decoded, timeout=10_000,
                              check_params_cb=lambda p, _d: p == str(path)) as signal:
            cache.request(path)
        assert cache.cached(path) is signal.args[1]
        return signal.args[1]

    for path in paths:
        assert cache.cached(path) is None
        shown = decoded(path)
        assert shown.image is not None and shown.size == (100, 100)
    assert len(cache._items) <= 3
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not an image")
    broken = decoded(bad)
    assert broken.image is None and "bad.png" in broken.error
    cache.shutdown()


def test_histogram_bins_cover_the_range():
    from petloc_gui.ui.review.dataset_panel import histogram

    edges, counts = histogram([1.0, 2.0, 2.5, 9.0], bins=4)
    assert edges == [1.0, 3.0, 5.0, 7.0, 9.0] and counts == [3, 0, 0, 1]
    assert histogram([]) == ([], [])
    assert histogram([4.0, 4.0]) == ([3.5, 4.5], [2])


def test_file_list_iou_uses_the_best_gt_rule(qapp):
    from petloc_gui.core.boxes import Box
    from petloc_gui.ui.review.file_list import FileListModel

    model = FileListModel(["two_cats.jpg", "a_dog.jpg"], [True, True])
    cats = [("cat", Box(0, 0, 10, 10)), ("cat", Box(20, 0, 30, 10))]
    model.set_ground_truth(0, "cat", cats[0][1], False, objects=cats)
    model.set_prediction(0, "cat", 0.9, Box(20, 0, 30, 10))
    assert model.iou[0] == 1.0  # scored against the second cat, not the primary object
    assert model.queue_entry(0).labels_agree is True
    model.set_ground_truth(1, "dog", Box(0, 0, 10, 10), False)
    model.set_prediction(1, "cat", 0.9, Box(0, 0, 10, 10))
    assert model.iou[1] == 0.0  # the only object is of another class
    assert model.queue_entry(1).labels_agree is False


def test_a_held_item_keeps_its_queue_position_and_the_others_rank_around_it(qapp):
    from petloc_gui.core.boxes import Box
    from petloc_gui.ui.review.file_list import FileListModel

    model = FileListModel(["a.png", "b.png", "c.png", "d.png"], [True] * 4)
    for row, iou_box in enumerate((Box(0, 0, 10, 10), Box(0, 0, 10, 4), Box(0, 0, 10, 3), None)):
        model.set_ground_truth(row, "cat", Box(0, 0, 10, 10), False)
        if iou_box is not None:  # d is still being predicted
            model.set_prediction(row, "cat", 0.9, iou_box)
    model.set_review_order(True)
    names = lambda: [model.names[i] for i in model.order]  # noqa: E731
    assert names() == ["c.png", "b.png", "a.png", "d.png"]  # IoU 0.3, 0.4, 1.0, pending
    model.hold(0)  # a is edited while shown
    model.set_ground_truth(0, "cat", Box(50, 50, 60, 60), False)  # now it disagrees most (IoU 0)
    model.set_prediction(3, "cat", 0.9, Box(0, 0, 10, 1))  # d's prediction arrives: IoU 0.1
    model.update_ranks()
    assert names() == ["d.png", "c.png", "a.png", "b.png"]  # a stays third; d ranks around it
    model.release()
    model.update_ranks()
    assert names() == ["a.png", "d.png", "c.png", "b.png"]


def test_a_pre_label_that_replaced_a_file_saved_in_this_session_shows_as_a_pre_label():
    from petloc_gui.core.voc import VocAnnotation

    doc = ImageDocument(Path("x.png"), Path("x.xml"))
    doc.objects = [VocObject("cat", Box(1, 2, 30, 40))]
    doc.mark_saved(in_session=True)
    assert doc.status() == "saved"
    # the file was deleted and `petloc predict --write-voc` wrote a new one, which the window adopted
    # (`TheirVersion.take_theirs`: the same box, taken in place)
    written = VocAnnotation(filename="x.png", prelabel="petloc pre-label by petloc predict, model m")
    fresh = ImageDocument(Path("x.png"), Path("x.xml"), annotation=written, objects=list(doc.objects))
    doc.adopt_disk_version(fresh)
    assert doc.prelabel and doc.status() == "prelabel"


def test_a_status_filter_follows_statuses_that_change_on_disk(qtbot):
    from petloc_gui.ui.review.file_list import FileListModel

    model = FileListModel(["a.png", "b.png", "c.png"], [True, True, False])
    model.set_status_filter("prelabel")
    assert model.rowCount() == 0
    model.set_status(1, "prelabel", emit=False)  # e.g. `petloc predict --write-voc` wrote b.xml
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=2000)
    assert model.item_at(0) == 1
    model.set_status(1, "verified", emit=False)
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=2000)


def test_next_to_review_passes_gone_images_by(qapp):
    from petloc_gui.ui.review.listed_queue import ListedNext, next_listed

    model = _predicted_rows((0, 2))
    model.set_review_order(True)
    model.hold(0)  # edited while shown: kept first in the queue
    model.set_gone({0})
    assert model.ranking.order().items() == [0, 1]  # even ranked first
    assert next_listed(model, set()).row == 1
    assert next_listed(model, {1}) == ListedNext(None, 0)


def test_the_news_of_a_changed_file_says_what_saving_does_and_comes_after_the_rows_errors(tmp_path):
    from petloc_gui.core.disk_state import MISSING

    doc = ImageDocument(tmp_path / "a.png", tmp_path / "a.xml", None)
    doc.external_change = MISSING
    # edits undone back to the version read: that version is shown, not the file now
    assert doc.problem_text().endswith("changed on disk by another program; the version read before is shown "
                                       "(edits undone): Ctrl+S loads the new one")
    doc.objects.append(VocObject(name="cat", box=Box(1, 1, 5, 5)))
    assert doc.problem_text().endswith("changed on disk by another program; saving will ask which version to keep")
    doc.save_error = "a.xml: cannot save: disk full"
    assert doc.problem_text() == "a.xml: cannot save: disk full"
