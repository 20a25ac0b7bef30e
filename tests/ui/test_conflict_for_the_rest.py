"""Save all over images another program changed too (a class renamed in two windows, a git pull) asked "Changed by
another program" once per image, with no "for all": 28 images, 28 questions in a row and 28 clicks to keep one's
own version, each question silent on what differs (there only the label: feline against cat). Now, while more
images are left in the save, the question has a box to tick, "Do the same for the other changed files of this
save", whose Keep mine or Take theirs answers the later conflicts of the same kind unasked (never Show both, which
needs each image; Cancel stops the save as before)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from petloc_gui.core.voc import read_voc

from .conftest import GT, open_and_wait, write_annotation


@pytest.fixture
def conflict(monkeypatch):
    """Each conflict question as shown (text, its box to tick if any); ``click`` answers it, ``tick`` ticks it."""
    seen: dict = {"click": "Keep mine", "tick": True, "asked": []}

    def exec_(box):
        tick = box.checkBox()
        seen["asked"].append({"text": box.text(), "tick": tick.text() if tick is not None else None})
        if tick is not None:
            tick.setChecked(seen["tick"])
        {b.text().replace("&", ""): b for b in box.buttons()}[seen["click"]].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return seen


ROWS = {0: "a", 1: "b", 2: "c"}  # a.png cat, b.png dog, c.png cat


def _renamed(name: str) -> list:
    """Image ``name``'s boxes with the class renamed by another program (cat: feline, dog: canine)."""
    return [({"cat": "feline", "dog": "canine"}[label], box) for label, box in GT[name]]


def _three_edited_and_changed_on_disk(qtbot, window, folder, theirs=_renamed) -> dict:
    """a, b and c relabelled here (cat <-> dog), unsaved; another program then writes ``theirs`` of each."""
    open_and_wait(qtbot, window, folder)
    mine = {}
    for row, stem in ROWS.items():
        window.show_row(row)
        label = "dog" if GT[f"{stem}.png"][0][0] == "cat" else "cat"
        window.edits.set_label(label)
        mine[stem] = [(label, GT[f"{stem}.png"][0][1])]
    window.session.watchers.disk.stop()  # the save finds the changes itself (a network folder)
    for stem in ROWS.values():
        write_annotation(folder / f"{stem}.png", theirs(f"{stem}.png"))
    return mine


def _on_disk(folder, stem: str) -> list:
    return [(o.name, o.box) for o in read_voc(folder / f"{stem}.xml", find_image=False).objects]


def test_keep_mine_ticked_for_the_rest_is_asked_once_and_saves_all_three(qtbot, window, folder, conflict):
    mine = _three_edited_and_changed_on_disk(qtbot, window, folder)
    assert window.save_all()
    assert len(conflict["asked"]) == 1
    assert conflict["asked"][0]["tick"] == ("Do the same for the other changed files in the rest of this save "
                                            "(2 images left to save)")
    assert all(_on_disk(folder, stem) == mine[stem] for stem in ROWS.values())
    assert not window.has_unsaved()


def test_take_theirs_ticked_for_the_rest_takes_every_version_on_disk(qtbot, window, folder, conflict):
    _three_edited_and_changed_on_disk(qtbot, window, folder)
    conflict["click"] = "Take theirs"
    window.save_all()
    assert len(conflict["asked"]) == 1
    store = window.session.store
    assert [store.document(row).objects[0].name for row in ROWS] == ["feline", "canine", "feline"]
    assert not window.has_unsaved()


def test_not_ticked_each_image_is_asked(qtbot, window, folder, conflict):
    _three_edited_and_changed_on_disk(qtbot, window, folder)
    conflict["tick"] = False
    assert window.save_all()
    assert [asked["tick"] is not None for asked in conflict["asked"]] == [True, True, False]  # none on the last
    assert conflict["asked"][1]["tick"].endswith("(1 image left to save)")


def test_show_both_ticked_still_asks_each_image(qtbot, window, folder, conflict):
    _three_edited_and_changed_on_disk(qtbot, window, folder)
    conflict["click"] = "Show both"
    window.save_all()
    assert len(conflict["asked"]) == 3  # each image's merge is the user's to sort out


def test_cancel_ticked_stops_the_save(qtbot, window, folder, conflict):
    _three_edited_and_changed_on_disk(qtbot, window, folder)
    conflict["click"] = "Cancel"
    assert not window.save_all()
    assert len(conflict["asked"]) == 1
    assert all(window.session.store.document(row).dirty for row in ROWS)


def test_one_image_saved_has_nothing_to_tick(qtbot, window, folder, conflict):
    _three_edited_and_changed_on_disk(qtbot, window, folder)
    window.show_row(0)
    assert window.save_current()
    assert [asked["tick"] for asked in conflict["asked"]] == [None]


def test_the_images_left_are_counted_as_images_to_save_not_as_changed_files(qtbot, window, folder, conflict):
    """The count is of every image left in the save, changed by another program or not: "(2 images left)" read as
    two more changed files when only this one was."""
    open_and_wait(qtbot, window, folder)
    for row in ROWS:
        window.show_row(row)
        window.edits.set_label("bird")
    window.session.watchers.disk.stop()
    write_annotation(folder / "a.png", _renamed("a.png"))  # only a.png changed on disk
    assert window.save_all()
    [asked] = conflict["asked"]
    assert asked["tick"].endswith("in the rest of this save (2 images left to save)"), asked["tick"]
    assert [_on_disk(folder, stem)[0][0] for stem in ROWS.values()] == ["bird"] * 3
