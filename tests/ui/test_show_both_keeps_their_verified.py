"""A save's "Show both versions" keeps the version on disk as it is, its verified mark too: labelImg rewrote
the file with verified="yes" under an unsaved nudge here, and Show both showed no "✔ verified" and saved
verified="no" (this window's flag won). The merged view is verified when either version is: theirs is kept
whole, flag included, and a mark of mine is kept as my boxes it lacks are."""

from __future__ import annotations

from PySide6.QtGui import QTextDocumentFragment

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.ui.review import save_guard

from .conftest import open_and_wait

THEIR_DOG = ("dog", Box(60, 5, 100, 40))
MY_CAT = ("cat", Box(11, 10, 51, 50))  # a.png's cat 10,10,50,50 nudged one pixel right


def _labelimg_rewrites(xml, verified: bool) -> None:
    """Another program (labelImg) rewrites ``xml`` with a dog alone and its verified mark."""
    annotation = read_voc(xml, find_image=False)
    annotation.objects = [annotation.objects[0].__class__(name=THEIR_DOG[0], box=THEIR_DOG[1])]
    annotation.verified = verified
    write_voc(annotation, xml)


def _header(window) -> str:
    return QTextDocumentFragment.fromHtml(window.panel.header.text()).toPlainText()


def _show_both(qtbot, window, folder, monkeypatch, theirs_verified: bool, mine_verified: bool):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: cat 10,10,50,50, not verified
    assert window.edits.nudge(1, 0)
    if mine_verified:
        window.act["verify"].trigger()
    assert window.edits.doc.verified == mine_verified
    _labelimg_rewrites(folder / "a.xml", theirs_verified)
    window.session.watchers.disk.check()
    monkeypatch.setattr(window.guard, "ask_conflict", lambda doc: save_guard.SHOW_BOTH)
    assert window.save_current()
    return window.edits.doc


def test_their_verified_mark_is_shown_and_saved(qtbot, window, folder, monkeypatch):
    doc = _show_both(qtbot, window, folder, monkeypatch, theirs_verified=True, mine_verified=False)
    assert [(o.name, o.box) for o in doc.objects] == [THEIR_DOG, MY_CAT] and doc.dirty
    assert doc.verified and window.act["verify"].isChecked()
    assert "✔" in _header(window)  # shown before saving
    assert window.save_current()
    saved = read_voc(folder / "a.xml", find_image=False)
    assert saved.verified and [(o.name, o.box) for o in saved.objects] == [THEIR_DOG, MY_CAT]
    window.edits.stack().undo()  # their version as it was on disk, verified
    assert doc.verified and [(o.name, o.box) for o in doc.objects] == [THEIR_DOG]


def test_my_verified_mark_is_kept_over_their_unverified_file(qtbot, window, folder, monkeypatch):
    doc = _show_both(qtbot, window, folder, monkeypatch, theirs_verified=False, mine_verified=True)
    assert doc.verified and doc.dirty and "✔" in _header(window)


def test_neither_verified_stays_unverified(qtbot, window, folder, monkeypatch):
    doc = _show_both(qtbot, window, folder, monkeypatch, theirs_verified=False, mine_verified=False)
    assert not doc.verified and doc.dirty and "✔" not in _header(window)
