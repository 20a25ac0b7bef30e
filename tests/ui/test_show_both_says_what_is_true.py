"""A save's "Show both versions" (another program changed the file under edits) says what it shows: theirs
plus my boxes it lacks, unsaved; or, when theirs already has all my boxes (and my verified flag), their
version as it is, with nothing to save. It said "unsaved" then too, of an image that was clean."""

from __future__ import annotations

import dataclasses

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.ui.review import save_guard

from .conftest import open_and_wait


def _rewritten(xml, objects) -> None:
    """Another program writes ``xml`` with these (name, box) objects."""
    annotation = read_voc(xml, find_image=False)
    template = annotation.objects[0]
    annotation.objects = [dataclasses.replace(template, name=name, box=box, _element=None, _saved=None)
                          for name, box in objects]
    write_voc(annotation, xml)


def _show_both(qtbot, window, folder, monkeypatch, theirs):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: cat 10,10,50,50
    assert window.edits.nudge(1, 0)  # cat 11,10,51,50
    _rewritten(folder / "a.xml", theirs)
    window.session.watchers.disk.check()
    monkeypatch.setattr(window.guard, "ask_conflict", lambda doc: save_guard.SHOW_BOTH)
    assert window.save_current()
    return window.edits.doc, window.statusBar().currentMessage()


def test_theirs_holding_all_my_boxes_is_said_to_be_saved(qtbot, window, folder, monkeypatch):
    doc, said = _show_both(qtbot, window, folder, monkeypatch,
                           [("cat", Box(11, 10, 51, 50)), ("dog", Box(60, 5, 100, 40))])  # my edit, and a dog
    assert not doc.dirty and not window.has_unsaved()
    assert said == ("a.xml: the version on disk already has all your boxes, so it is shown as it is, with "
                    "nothing to save.")


def test_theirs_lacking_my_box_is_shown_with_it_unsaved(qtbot, window, folder, monkeypatch):
    doc, said = _show_both(qtbot, window, folder, monkeypatch, [("dog", Box(60, 5, 100, 40))])
    assert doc.dirty and [(o.name, o.box) for o in doc.objects] == [("dog", Box(60, 5, 100, 40)),
                                                                    ("cat", Box(11, 10, 51, 50))]
    assert said == ("a.xml: the version on disk plus your boxes it lacks are shown, unsaved; delete what you "
                    "do not want and save.")


def test_a_box_relabelled_in_theirs_is_said_to_have_both_labels_stacked(qtbot, window, folder, monkeypatch):
    """Theirs relabels my box (same place): Show both draws their dog exactly under my cat, the cat's tag over it,
    and "delete what you do not want" named nothing the user could see; the note names both labels."""
    doc, said = _show_both(qtbot, window, folder, monkeypatch, [("dog", Box(11, 10, 51, 50))])
    assert doc.dirty and [(o.name, o.box) for o in doc.objects] == [("dog", Box(11, 10, 51, 50)),
                                                                    ("cat", Box(11, 10, 51, 50))]
    assert said == ("a.xml: the version on disk plus your boxes it lacks are shown, unsaved; one box has two "
                    "labels stacked: dog (theirs) and cat (yours); B selects each, delete the one you do not "
                    "want and save.")
