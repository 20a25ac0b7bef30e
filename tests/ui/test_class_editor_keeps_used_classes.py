"""Edit → Classes… changes the folder's classes through `FolderClasses` (`renamed`, `forget`,
`set_predefined`), which drops a class only once no box has it. `ClassEditor` took the class out of
`used` itself: a box the rename or the delete did not find kept its class, and the class list dropped it.

Such a box: an annotation file in Latin-1, which `rows_using` (a search for the label's UTF-8 bytes)
passes over; the list read it (the XML parser follows the file's encoding)."""

from __future__ import annotations

from .conftest import open_and_wait


def _latin1_cafe(folder) -> None:
    """e.png's box (a dog) labelled "café", in a file written in ISO-8859-1."""
    xml = folder / "e.xml"
    text = xml.read_text(encoding="utf-8").replace("<name>dog</name>", "<name>café</name>")
    text = text.replace("encoding='UTF-8'", "encoding='ISO-8859-1'")
    assert "ISO-8859-1" in text and "café" in text
    xml.write_bytes(text.encode("latin-1"))


def _editor(window, host=None):  # (None: the window)
    from petloc_gui.ui.review.class_editor import ClassEditor

    return ClassEditor(window.session, window.edits, lambda: ("cat", "dog"), host=host or window)


def test_a_class_a_rename_did_not_reach_stays_listed_and_is_said(qtbot, window, folder):
    _latin1_cafe(folder)
    open_and_wait(qtbot, window, folder)
    assert "café" in window.session.classes.used  # read off e.png's box
    result = _editor(window).rename("café", "cafe")
    assert "1 image still has boxes labelled café that were not renamed (e.png): relabel them by hand." in result
    qtbot.wait(50)  # (the look for unused labels the edits would queue)
    # e.png's box is still a café: the class stays in the list and in what the model choice is told
    assert "café" in window.session.classes.used and "café" in window.labels.names()


def test_a_class_still_on_a_box_is_not_deleted(qtbot, window, folder):
    _latin1_cafe(folder)
    open_and_wait(qtbot, window, folder)
    result = _editor(window).delete("café")
    assert result == "1 image still has boxes labelled café (e.png): relabel or delete those boxes first."
    qtbot.wait(50)
    assert "café" in window.session.classes.used and "café" in window.labels.names()


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
    assert classes.predefined == read_classes(folder) == ["kitty", "dog", "owl"]
    assert editor.delete("owl") == "Deleted owl."
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
    result = _editor(window, host).rename("cat", "kitty")  # pets does not know kitty: it goes
    assert "does not know kitty" in result
    assert len(host.said) == 1 and host.said[0].startswith("Renamed cat to kitty:")
