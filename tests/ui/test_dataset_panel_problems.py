"""The Dataset panel's "N problems" names its files: the first in its tooltip, all of them in a
list it shows on a click, and a problem's image opens from the list (before, only `petloc stats`
in a terminal said which files)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from petloc_gui.core.boxes import Box

from .conftest import open_and_wait, write_annotation


def _folder_with_problems(folder):
    (folder / "c.xml").write_text("<annotation><object><name>cat", encoding="utf-8")  # cut short
    write_annotation(folder / "e.png", [("dog", Box(10, 10, 300, 50))])  # past the 120 px image's edge
    (folder / "f.heic").write_bytes(b"\0" * 64)  # a format petloc does not read
    return folder


def _panel_with_stats(qtbot, window):
    panel = window.dataset_panel
    window.act["dataset_panel"].trigger()
    qtbot.waitUntil(lambda: panel.stats is not None, timeout=10_000)
    return panel


def _rows(panel) -> list[str]:
    return [panel.problems.item(i).text() for i in range(panel.problems.count())]


def test_the_problem_count_names_its_files_and_lists_them_on_a_click(qtbot, window, folder):
    open_and_wait(qtbot, window, _folder_with_problems(folder))
    panel = _panel_with_stats(qtbot, window)
    assert len(panel.stats.problems) == 3
    summary = panel.summary.text()
    assert '<a href="#problems">3 problems</a>' in summary and "click to list them" in summary
    tooltip = panel.summary.toolTip()
    assert tooltip.count("<br>") == 2  # one line each (as plain text: tests/ui/test_plain_text.py)
    for name in ("c.xml: ", "e.xml: ", "f.heic: "):
        assert name in tooltip
    assert not panel.problems.isVisibleTo(panel)

    panel.summary.linkActivated.emit("#problems")
    assert panel.problems.isVisibleTo(panel) and "(hide)" in panel.summary.text()
    rows = _rows(panel)
    assert len(rows) == 3 and any(r.startswith("e.xml: ") and "outside" in r for r in rows)
    panel.summary.linkActivated.emit("#problems")  # hidden again
    assert not panel.problems.isVisibleTo(panel) and "click to list them" in panel.summary.text()


def test_a_problem_in_the_list_shows_its_image(qtbot, window, folder):
    open_and_wait(qtbot, window, _folder_with_problems(folder))
    panel = _panel_with_stats(qtbot, window)
    window.show_row(0)
    panel.summary.linkActivated.emit("#problems")
    rows = _rows(panel)
    broken = panel.problems.item(next(i for i, r in enumerate(rows) if r.startswith("c.xml: ")))
    assert "shows its image" in broken.toolTip()
    panel.problems.itemActivated.emit(broken)  # double-click or Enter
    qtbot.waitUntil(lambda: window.session.loading is None, timeout=10_000)
    assert window.session.image_path(window.session.current).name == "c.png"
    heic = panel.problems.item(next(i for i, r in enumerate(rows) if r.startswith("f.heic: ")))
    assert heic.data(Qt.ItemDataRole.UserRole) is None  # not an image of the list: nothing to show
    panel.problems.itemActivated.emit(heic)
    assert window.session.image_path(window.session.current).name == "c.png"


def test_a_folder_without_problems_has_no_link_and_no_list(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    panel = _panel_with_stats(qtbot, window)
    assert "0 problems." in panel.summary.text() and "<a" not in panel.summary.text()
    assert panel.summary.toolTip() == "" and panel.problems.count() == 0


def test_the_list_is_as_tall_as_its_few_problems(qtbot, window, folder):
    """With a problem or two it took its full height (~250 px at 1.5) and pushed the class bars down."""
    open_and_wait(qtbot, window, _folder_with_problems(folder))
    panel = _panel_with_stats(qtbot, window)
    panel.show()
    panel.summary.linkActivated.emit("#problems")
    lines = panel.problems.fontMetrics().lineSpacing()
    problems = panel.problems

    def fitted() -> bool:  # every row shows whole, and the list is no taller than they need
        last = problems.visualItemRect(problems.item(problems.count() - 1))
        return problems.isVisible() and last.bottom() < problems.viewport().height() <= last.bottom() + lines

    qtbot.waitUntil(fitted, timeout=3000)
    assert problems.height() < problems.maximumHeight()
