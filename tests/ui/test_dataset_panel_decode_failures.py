"""The Dataset panel counts and lists the images the window found it cannot decode (their background
prediction failed: the image list reads "error" on them), though their header reads fine and `petloc stats`,
whose figures the panel shows, reads headers only: its "0 problems" sat beside a list that said "error".
One is dropped when its file is readable again."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from petloc_gui.app.image_document import STATUS_NONE
from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset_item import DatasetItem
from petloc_gui.core.errors import ImageLoadError
from petloc_gui.core.stats import UNREADABLE_IMAGE, Problem
from petloc_gui.ui.review.decode_problems import DecodeProblems
from petloc_gui.ui.review.file_list import FileListModel

from .conftest import open_and_wait, write_image


def _rows(panel) -> list[str]:
    return [panel.problems.item(i).text() for i in range(panel.problems.count())]


def test_a_truncated_jpeg_is_a_problem_of_the_panel_until_it_is_whole_again(qtbot, window, folder, tmp_path):
    image = folder / "t.jpg"
    write_image(image)
    whole = image.read_bytes()
    open_and_wait(qtbot, window, folder)
    panel = window.dataset_panel
    window.act["dataset_panel"].trigger()
    qtbot.waitUntil(lambda: panel.stats is not None, timeout=10_000)
    assert "0 problems." in panel.summary.text()

    image.write_bytes(whole[: len(whole) // 2])  # its header whole: `petloc stats` finds nothing wrong
    model = window.session.model
    item = model.names.index("t.jpg")
    window.show_row(item)  # predicted again, as the folder's images are in the background
    qtbot.waitUntil(lambda: model.image_errors[item] is not None, timeout=10_000)
    qtbot.waitUntil(lambda: "1 problem" in panel.summary.text(), timeout=5000)
    assert not panel.stats.problems  # the statistics are still `petloc stats`'s
    assert 't.jpg: cannot decode image (truncated or corrupt?)' in panel.summary.toolTip()
    panel.summary.linkActivated.emit("#problems")
    [row] = _rows(panel)
    assert row.startswith("t.jpg: cannot decode image") and row.endswith("(found when predicting)")
    assert str(image) not in row  # named once, from the folder

    image.write_bytes(whole)  # rewritten whole, on screen all the while: decoded and predicted again
    qtbot.waitUntil(lambda: model.image_errors[item] is None, timeout=10_000)
    qtbot.waitUntil(lambda: "0 problems." in panel.summary.text(), timeout=5000)
    assert _rows(panel) == []


def test_failures_of_a_hidden_row_a_deleted_image_and_one_already_unreadable(qtbot):
    paths = [Path(f"/f/{name}") for name in ("a.jpg", "b.jpg", "c.jpg", "d.jpg")]
    model = FileListModel([p.name for p in paths], [True, False, True, True])
    decode = DecodeProblems()
    decode.follow(model, SimpleNamespace(items=[DatasetItem(p, p.with_suffix('.xml')) for p in paths]))
    model.set_status_filter(STATUS_NONE)  # b alone listed: the others' rows are hidden
    with qtbot.waitSignal(decode.changed, timeout=2000):
        model.set_prediction_error(1, ImageLoadError("cannot decode image: short", paths[1]), emit=False)
    model.set_prediction_error(0, ImageLoadError("cannot decode image: cut", paths[0]), emit=False)
    model.set_prediction_error(2, ImageLoadError("cannot decode image: gone", paths[2]), emit=False)
    model.set_prediction_error(3, ImageLoadError("cannot decode image: no header", paths[3]), emit=False)
    model.set_gone({2})
    decode.check()  # as the panel does when it is shown: a hidden row tells its view nothing
    header = [Problem(UNREADABLE_IMAGE, str(paths[3]), "cannot read image header")]
    assert [(p.path, p.message) for p in decode.problems(header)] == [
        ("/f/a.jpg", "cannot decode image: cut (found when predicting)"),
        ("/f/b.jpg", "cannot decode image: short (found when predicting)")]
    with qtbot.waitSignal(decode.changed, timeout=2000):
        model.set_prediction(1, "cat", 0.9, Box(0, 0, 5, 5), emit=False)  # decoded after all
    assert [p.path for p in decode.problems([])] == ["/f/a.jpg", "/f/d.jpg"]


def test_a_failure_on_a_row_the_filter_hides_reaches_the_panel_by_itself(qtbot):
    # a hidden row sends its view no dataChanged: the list's own signal carries its decode failure
    paths = [Path(f"/f/{name}") for name in ("a.jpg", "b.jpg")]
    model = FileListModel([p.name for p in paths], [True, False])
    decode = DecodeProblems()
    decode.follow(model, SimpleNamespace(items=[DatasetItem(p, p.with_suffix('.xml')) for p in paths]))
    model.set_status_filter(STATUS_NONE)  # b alone listed: a is hidden
    with qtbot.waitSignal(decode.changed, timeout=2000):
        model.set_prediction_error(0, ImageLoadError("cannot decode image: cut", paths[0]), emit=False)
    assert [p.path for p in decode.problems([])] == ["/f/a.jpg"]
    with qtbot.waitSignal(decode.changed, timeout=2000):
        model.set_prediction(0, "cat", 0.9, Box(0, 0, 5, 5), emit=False)  # decoded after all, still hidden
    assert decode.problems([]) == []
