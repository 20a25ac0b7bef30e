"""Names from disk and from VOC files, said in the window's tooltips and warnings as they are. An image
"<b>x_with_a_rather_long_name.png" elided in the header had its tooltip drawn as markup (a bold name, its tags
gone), as did a folder "<b>pets" in File > Open recent and in "Cannot open folder", and a label "<b>cat" in
the notes over the image: Qt took each text for HTML (an "<img src=…>" had it load a local file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from petloc_gui.app.image_document import ImageDocument, make_object
from petloc_gui.core.boxes import Box

from .conftest import PRED, FakeFactory, open_and_wait
from .image_panel_shown import shown_image_panel
from .shown_text import shown

NAME = "<b>x_with_a_rather_long_name_that_the_header_elides_in_its_middle.png"


def test_the_header_tooltip_names_the_image_as_it_is(qtbot):
    panel = shown_image_panel(qtbot, 300)
    panel.show_annotation(ImageDocument(Path(NAME), Path(NAME).with_suffix(".xml"),
                                        objects=[make_object("cat", Box(10, 10, 50, 50))]))
    qtbot.wait(20)
    assert "…" in panel.header.text()
    assert NAME in shown(panel.header.toolTip())


def test_the_notes_tooltip_says_a_label_as_read(qtbot, tmp_path):
    panel = shown_image_panel(qtbot, 900)
    note = "label '<b>cat' had spaces around it: trimmed"
    panel.show_annotation(ImageDocument(tmp_path / "a.png", tmp_path / "a.xml", problems=[note, "two"]))
    assert shown(panel.notes.toolTip()).splitlines() == [note, "two"]


def test_open_recent_tooltip_names_the_folder_as_it_is(qtbot, folder, tmp_path):
    from petloc_gui.ui.main_window import MainWindow
    from petloc_gui.ui.settings import Settings

    marked = folder.rename(folder.with_name("<b>pets"))
    window = MainWindow(model_factory=FakeFactory(dict(PRED)), settings=Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(window)
    open_and_wait(qtbot, window, marked)
    window.recent_menu.rebuild()
    assert str(marked) in [shown(action.toolTip()) for action in window.recent_menu.actions()]
    window.shutdown()


def test_cannot_open_folder_names_it_as_it_is(qtbot, window, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: told.append(text))
    missing = tmp_path / "<b>gone"
    assert not window.open_folder(missing)
    assert str(missing) in shown(told[0])
