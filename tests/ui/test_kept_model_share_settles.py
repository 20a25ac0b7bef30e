"""A model kept for a folder whose classes it does not all know: the window settles, it does not loop.

The new-classes bar told the model choice its counts each time it counted, and the choice looked again:
on a folder of ten images, five with first box "1" (one of them with a second box "2") and five with
"zz", the look that asks whether the model still knows most boxes counted first boxes only ("1" half of
ten boxes: no) and the rule it then asked counted every class (the digits model knows "1" and "2": six
of eleven, kept). Kept, the bar was shown again, counted again and said so again: the UI thread never
idled (6,000 looks in 40 s). Both now count every box (as opening the folder does), and the bar says
only counts that changed.
"""

from __future__ import annotations

import dataclasses

import pytest

from petloc_gui.app.model_choice import class_names
from petloc_gui.core.boxes import Box

from .conftest import FakeFactory, main_window_for_a_test, write_annotation, write_image
from .model_chosen import wait_model_chosen

DIGITS = tuple(class_names("digits") or ())


class DigitsFactory(FakeFactory):
    """A fake model with the bundled digits model's classes (its choice is the real rule's)."""

    def __call__(self, spec: str):
        handle = super().__call__(spec)
        handle.info = dataclasses.replace(handle.info, class_names=DIGITS)
        return handle


@pytest.fixture
def digits_window(qtbot, tmp_path):
    yield from main_window_for_a_test(qtbot, DigitsFactory({}), tmp_path)


def _folder(root):
    """Five images of "1" (one with a second box "2"), five of "zz"."""
    root.mkdir()
    for i in range(10):
        image = root / f"img{i:02d}.png"
        write_image(image, size=(75, 75), seed=i)
        objects = [("1", Box(5, 5, 40, 40))] if i < 5 else [("zz", Box(5, 5, 40, 40))]
        if i == 0:
            objects.append(("2", Box(30, 30, 70, 70)))
        write_annotation(image, objects, size=(75, 75))
    return root


def test_a_model_known_on_a_second_box_is_kept_and_the_window_settles(qtbot, digits_window, tmp_path):
    from PySide6.QtCore import QCoreApplication, Qt

    assert {"1", "2"} <= set(DIGITS) and "zz" not in DIGITS
    window = digits_window
    models = window.models
    calls = {"share": 0, "labels": 0, "labels from share": 0}
    share_changed, labels_changed = models._share_changed, models.labels_changed
    in_share = []

    def counted_share(counts):
        calls["share"] += 1
        in_share.append(1)
        try:
            share_changed(counts)
        finally:
            in_share.pop()

    def counted_labels(labels):
        calls["labels"] += 1
        calls["labels from share"] += bool(in_share)
        labels_changed(labels)

    # the bar's connection is made to the bound method: made again (queued, as it is) to the counting one
    models.new_classes.recounted.disconnect()
    models.new_classes.recounted.connect(counted_share, Qt.ConnectionType.QueuedConnection)
    models.labels_changed = counted_labels
    assert window.open_folder(_folder(tmp_path / "loop"), model=None)
    wait_model_chosen(qtbot, window)
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    qtbot.waitUntil(window.session.watchers.scanner.scan_done, timeout=10_000)
    bar = models.new_classes
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    assert window.current_model_spec() == "digits"  # it knows the classes of 6 of the 11 boxes
    assert "does not know the class zz" in bar.message.text()

    settled = dict(calls)
    qtbot.wait(1000)  # a second of events: no look follows another
    QCoreApplication.processEvents()
    assert calls["share"] - settled["share"] <= 2 and calls["labels"] - settled["labels"] <= 2, calls
    assert calls["share"] <= 10 and calls["labels"] <= 20, calls  # from the opening on: a few looks, not thousands
    assert window.current_model_spec() == "digits" and bar.isVisible()
    # the look at the share decides as the rule does: the model knows most boxes, so nothing is chosen again
    assert calls["labels from share"] == 0, calls


def test_the_bar_says_the_shares_only_when_they_change(qtbot):
    """Shown again for the same kept model (the rule's look keeps it), the bar counts but says nothing new."""
    from petloc_gui.ui.models.new_classes_bar import NewClassesBar
    from petloc_gui.ui.review.file_list import FileListModel

    rows = FileListModel([f"img_{i}.png" for i in range(4)], [False] * 4)
    one, two = Box(5, 5, 40, 40), Box(9, 9, 50, 50)
    rows.set_ground_truth(0, "1", one, False, objects=[("1", one), ("2", two)])
    rows.set_ground_truth(1, "zz", Box(5, 5, 40, 40), False, objects=[("zz", Box(5, 5, 40, 40))])
    bar = NewClassesBar(None, rows.box_counts, shares=lambda: rows.box_counts(every_box=True))
    qtbot.addWidget(bar)
    said = []
    bar.recounted.connect(said.append)
    bar.show_unknown("digits", frozenset({"zz"}), rows=rows)
    assert said == [{"1": 1, "2": 1, "zz": 1}]  # every box, the second one too
    bar.show_unknown("digits", frozenset({"zz"}), rows=rows)  # what a look that keeps the model does
    bar.refresh()
    assert len(said) == 1
    rows.set_ground_truth(2, "zz", Box(5, 5, 40, 40), False, objects=[("zz", Box(5, 5, 40, 40))])
    bar.refresh()
    assert said[1:] == [{"1": 1, "2": 1, "zz": 2}]
    bar.conceal()
    bar.show_unknown("digits", frozenset({"zz"}), rows=rows)  # shown anew: the counts are news again
    assert len(said) == 3
