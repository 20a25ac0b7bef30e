"""Edit → Classes… changes the folder's classes through `FolderClasses` (`renamed`, `forget`,
`set_predefined`), which drops a class only once no box has it. `ClassEditor` took the class out of
`used` itself: a box the rename or the delete did not find kept its class, and the class list dropped it.

Such a box: one `rows_using` does not find in its file, which another program rewrote after the list
read it (before `rows_using` read what the parser reads, an annotation file in Latin-1 was one too: now it
is renamed, as a name spelled with character references is)."""

from __future__ import annotations

import pytest

from .conftest import open_and_wait


def _latin1_cafe(folder) -> None:
    """e.png's box (a dog) labelled "café", in a file written in ISO-8859-1."""
    xml = folder / "e.xml"
    text = xml.read_text(encoding="utf-8").replace("<name>dog</name>", "<name>café</name>")
    text = text.replace("encoding='UTF-8'", "encoding='ISO-8859-1'")
    assert "ISO-8859-1" in text and "café" in text
    xml.write_bytes(text.encode("latin-1"))


@pytest.fixture
def e_png_not_found(monkeypatch):
    """`rows_using` passes over e.png's file (as when it no longer holds the box the list knows)."""
    from petloc_gui.app import class_list
    from petloc_gui.ui.review import class_editor

    def without_e(store, label):
        rows = class_list.rows_using(store, label)
        return {row: found for row, found in rows.items() if store.dataset.items[row].image_path.name != "e.png"}

    monkeypatch.setattr(class_editor, "rows_using", without_e)


def _editor(window, host=None):  # (None: the window)
    from petloc_gui.ui.review.class_editor import ClassEditor

    return ClassEditor(window.session, window.edits, lambda: ("cat", "dog"), host=host or window)


def test_a_class_a_rename_did_not_reach_stays_listed_and_is_said(qtbot, window, folder, e_png_not_found):
    _latin1_cafe(folder)
    open_and_wait(qtbot, window, folder)
    assert "café" in window.session.classes.used  # read off e.png's box
    result = _editor(window).rename("café", "cafe")
    assert "1 image still has boxes labelled café that were not renamed (e.png): relabel them by hand." in result
    qtbot.wait(50)  # (the look for unused labels the edits would queue)
    # e.png's box is still a café: the class stays in the list and in what the model choice is told
    assert "café" in window.session.classes.used and "café" in window.labels.names()


def test_a_class_still_on_a_box_is_not_deleted(qtbot, window, folder, e_png_not_found):
    _latin1_cafe(folder)
    open_and_wait(qtbot, window, folder)
    result = _editor(window).delete("café")
    assert result == "1 image still has boxes labelled café (e.png): relabel or delete those boxes first."
    qtbot.wait(50)
    assert "café" in window.session.classes.used and "café" in window.labels.names()


def test_latin1_and_referenced_names_are_renamed_and_saved(qtbot, window, folder):
    """e.png's café is in Latin-1, b.png's spelled caf&#233;: both renamed (they kept café before, and
    the class stayed listed), and written so once saved."""
    from petloc_gui.core.voc import read_voc

    _latin1_cafe(folder)
    xml = folder / "b.xml"
    xml.write_text(xml.read_text(encoding="utf-8").replace("<name>dog</name>", "<name>caf&#233;</name>"),
                   encoding="utf-8")
    open_and_wait(qtbot, window, folder)
    assert window.session.classes.rows_labelled("café") == [1, 4]
    result = _editor(window).rename("café", "cafe")
    assert result.startswith("Renamed café to cafe on 2 boxes in 2 images (unsaved: Save all writes them, and "
                                 "predefined_classes.txt with them).")
    assert "not renamed" not in result
    qtbot.wait(50)
    assert "café" not in window.session.classes.used and "café" not in window.labels.names()
    assert window.save_all()
    assert [obj.name for obj in read_voc(folder / "e.xml").objects] == ["cafe"]
    assert [obj.name for obj in read_voc(folder / "b.xml").objects] == ["cafe"]


def test_a_rename_and_a_delete_go_through_the_folders_classes(qtbot, window, folder):
    from petloc_gui.app.class_list import read_classes

    open_and_wait(qtbot, window, folder)
    classes = window.session.classes
    editor = _editor(window)
    assert editor.add("owl") == "Added owl."
    assert classes.predefined == read_classes(folder) == ["cat", "dog", "owl"]
    editor.rename("cat", "kitty")  # on a.png's and c.png's boxes
    assert "cat" not in classes.used and "kitty" in classes.used  # at once, not after this turn
    assert classes.rows_labelled("kitty") == [0, 2] and classes.rows_labelled("cat") == []
    assert window.save_all()  # the file's rename waits for a relabelled image saved
    assert classes.predefined == read_classes(folder) == ["kitty", "dog", "owl"]
    # the model's cat, listed after the file's classes, moves up into owl's key
    assert editor.delete("owl") == ("Deleted owl. The number keys moved: key 3 gives cat (Edit → Classes… and F1 "
                                    "list every class's key).")
    assert classes.predefined == read_classes(folder) == ["kitty", "dog"]
    assert "owl" not in window.labels.names()


def test_the_model_note_goes_to_the_host_given(qtbot, window, folder):
    class Host:
        def __init__(self):
            self.said = []

        def model_state(self):
            return window.model_state()

        def show_status(self, text, ms):
            self.said.append(text)

    assert window.open_folder(folder)  # no model named: the folder's classes (cat, dog) choose pets
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    qtbot.waitUntil(window.session.watchers.scan_finished, timeout=10_000)
    host = Host()
    result = _editor(window, host).rename("cat", "kitty")  # pets knows the dogs' boxes only now: it goes
    assert "With cat gone from this folder" in result
    assert len(host.said) == 1 and host.said[0].startswith("Renamed cat to kitty:")
