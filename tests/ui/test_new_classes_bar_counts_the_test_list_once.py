"""The new-classes bar counts the test list's rows once per folder, not at each count.

Leaving the folder's test list out of its counts (test_new_classes_bar_leaves_the_test_list_out.py), the bar took
every test-list row's share three times per count (counts, reviewed and the test list's own), over every image of the
folder to find them: at 20,000 images and 2,000 on ImageSets/Main/test.txt, 66 ms per count on the UI thread (0.3 ms
before), 1.9 s of counts while the folder opened. The list now keeps the test list's counts as it keeps its own, each
row's share taken out and put back as it changes: a count looks at no row."""

from __future__ import annotations

from collections import Counter

from petloc_gui.app.class_tally import items_on_test_list
from petloc_gui.core.boxes import Box
from petloc_gui.ui.models.new_classes_bar import counts_on_test_list
from petloc_gui.ui.review.row_classes import RowClasses

from .test_new_classes_bar_leaves_the_test_list_out import _bar, _devkit


def _counting_shares(monkeypatch) -> list[int]:
    """The rows whose share is taken from now on (`RowClasses._share`)."""
    taken: list[int] = []
    share = RowClasses._share

    def counted(self, item):
        taken.append(item)
        return share(self, item)

    monkeypatch.setattr(RowClasses, "_share", counted)
    return taken


def _recounted(session) -> dict[str, dict[str, int]]:
    """The counts the bar says, counted again over every test-list row as the bar counted them before."""
    rows = session.model
    shares = [rows._share(item) for item in items_on_test_list(session.dataset.items)]
    on_list = Counter(share.name for share in shares if share.name)
    reviewed_on_list = Counter(share.name for share in shares if share.name and share.reviewed)
    return {"trained": _less(rows.box_counts(), on_list), "reviewed": _less(rows.box_counts(True), reviewed_on_list),
            "test list": dict(on_list)}


def _less(counts: dict[str, int], taken: Counter) -> dict[str, int]:
    return {name: n - taken[name] for name, n in counts.items() if n - taken[name]}


def _said(bar, session) -> dict[str, dict[str, int]]:
    return {"trained": bar._counts(), "reviewed": bar._reviewed(), "test list": counts_on_test_list(session)}


def test_a_count_of_the_bar_takes_no_row_s_share(qtbot, window, tmp_path, monkeypatch):
    owls, cats = [f"o{n}" for n in range(12)], ["a", "b", "c"]
    bar = _bar(qtbot, window, _devkit(tmp_path, owls, test=[*owls[:10], "a"]))  # owl on 10 test images, 2 others
    session = window.session
    assert _said(bar, session) == _recounted(session) == {
        "trained": {"cat": 2, "dog": 3, "owl": 2}, "reviewed": {"cat": 2, "dog": 3, "owl": 2},
        "test list": {"owl": 10, "cat": 1}}
    before = bar.message.text()
    assert "still needed: owl (1 more)" in before and "owl has 10 there" in before

    taken = _counting_shares(monkeypatch)
    bar.refresh()
    assert taken == []  # before: each of the 11 test-list rows three times
    assert bar.message.text() == before

    # a test-list image relabelled, and one a run trains on: the counts follow, still without a row counted again
    rows, names = session.model, [item.image_path.stem for item in session.dataset.items]
    for stem, label in ((owls[0], "dog"), (cats[1], "owl")):
        row = names.index(stem)
        rows.set_ground_truth(row, label, Box(10, 10, 50, 50), False, objects=[(label, Box(10, 10, 50, 50))])
    del taken[:]
    bar.refresh()
    assert taken == []
    monkeypatch.undo()
    assert _said(bar, session) == _recounted(session) == {
        "trained": {"cat": 1, "dog": 3, "owl": 3}, "reviewed": {"cat": 1, "dog": 3, "owl": 3},
        "test list": {"owl": 9, "cat": 1, "dog": 1}}
    assert "Every new class has enough boxes" in bar.message.text()
