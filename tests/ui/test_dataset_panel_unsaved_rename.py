"""The Dataset panel after an unsaved rename in Edit → Classes: predefined_classes.txt holds the new name
at once, the boxes have it only in the window, so the panel, which counts the saved files, said the
just-renamed class was "on no box" and nothing of the unsaved edits. It says its figures are the saved
files' and how many images have unsaved edits, and names no class a box has in the window."""

from __future__ import annotations

from .conftest import open_and_wait


def _stats_again(qtbot, panel):
    before = panel.stats
    panel.mark_stale()
    qtbot.waitUntil(lambda: panel.stats is not None and panel.stats is not before, timeout=10_000)


def test_a_renamed_class_is_not_on_no_box_and_the_unsaved_edits_are_said(qtbot, window, folder):
    from petloc_gui.ui.review.class_editor import ClassEditor

    open_and_wait(qtbot, window, folder)
    panel = window.dataset_panel
    panel.show()
    qtbot.waitUntil(lambda: panel.stats is not None, timeout=10_000)
    assert "unsaved" not in panel.summary.text()
    editor = ClassEditor(window.session, window.edits, lambda: ("cat", "dog"), host=window)
    assert editor.rename("cat", "feline").startswith("Renamed cat to feline on 2 boxes in 2 images")
    _stats_again(qtbot, panel)
    # (the file too holds cat until a relabelled image is saved: `app.unsaved_renames`)
    assert "feline" not in panel.stats.unused_predefined
    text = panel.summary.text()
    assert "on no box" not in text
    assert "2 images have unsaved edits" in text
    assert window.save_all()
    _stats_again(qtbot, panel)
    qtbot.waitUntil(lambda: "unsaved" not in panel.summary.text(), timeout=5_000)
    assert "on no box" not in panel.summary.text()
