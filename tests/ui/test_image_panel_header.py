"""The header over the panes is one line of fixed height: at a narrow width (scale 1.5) it wrapped
onto a second line when "● unsaved" appeared after the first edit, which moved both panes down ~14 px
and refitted the image under the mouse mid-drag (an hour's hunt under Xvfb). What does not fit gives
way: the wording, then the file name and the class names elided in their middle (the name keeps its
number: `test_header_keeps_the_image_number`); the tooltip has the whole line."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from PySide6.QtWidgets import QLabel

from petloc_gui.app.image_document import ImageDocument, make_object
from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.image_panel import ImagePanel

from .image_panel_shown import shown_image_panel

NAME = "train_00000_digit0_with_a_rather_long_name.png"


def _document(label: str = "0") -> ImageDocument:
    return ImageDocument(Path(NAME), Path(NAME).with_suffix(".xml"), objects=[make_object(label, Box(10, 10, 50, 50))])


def _prediction(label: str = "0") -> SimpleNamespace:
    return SimpleNamespace(label=label, confidence=1.0, box=Box(12, 12, 50, 50))


def _one_line_width(header: QLabel) -> int:
    probe = QLabel(header.text())
    probe.setStyleSheet(header.styleSheet())
    return probe.sizeHint().width()


def _one_line(panel: ImagePanel) -> bool:
    return panel.header.sizeHint().width() <= panel.header.width()


def test_the_panes_do_not_move_when_the_unsaved_mark_appears_at_a_narrow_width(qtbot):
    panel = shown_image_panel(qtbot, 1600)
    doc = _document()
    doc.image_path = Path("train_00000_digit0.png")
    panel.show_annotation(doc)
    panel.show_prediction(_prediction())
    panel.resize(_one_line_width(panel.header) + 10, 400)  # the line just fits, as in the hunt at scale 1.5
    qtbot.wait(20)
    height, top = panel.header.height(), panel.splitter.y()
    assert "…" not in panel.header.text() and panel.header.toolTip() == ""
    doc.objects[0] = make_object("0", Box(11, 10, 50, 50))  # the first drag of a handle
    assert doc.dirty
    panel.show_annotation(doc)
    qtbot.wait(20)
    assert "●" in panel.header.text()
    assert (panel.header.height(), panel.splitter.y()) == (height, top)  # the image under the mouse stays
    assert _one_line(panel)
    # the wording gave way ("● unsaved" read "●"), the name whole (`test_header_keeps_the_image_number`); the
    # tooltip has the whole line
    assert "train_00000_digit0.png" in panel.header.text() and "train_00000_digit0.png" in panel.header.toolTip()
    assert "● unsaved" in panel.header.toolTip()


def test_the_header_keeps_its_height_whatever_it_says(qtbot):
    panel = shown_image_panel(qtbot, 700)
    top = panel.splitter.y()
    for doc, prediction in ((_document(), None), (_document("american_staffordshire_terrier"),
                                                  _prediction("staffordshire_bull_terrier"))):
        panel.show_annotation(doc)
        panel.show_prediction(prediction, "" if prediction else "Loading model… " + "a long problem " * 20)
        qtbot.wait(20)
        assert panel.splitter.y() == top
    assert _one_line(panel)  # the file name and then the class names gave way
    assert "american_staffordshire_terrier" in panel.header.toolTip()
    panel.resize(1600, 400)  # wide: nothing is elided
    qtbot.wait(20)
    assert NAME in panel.header.text() and panel.header.toolTip() == "" and panel.splitter.y() == top


def test_a_long_message_without_an_image_takes_one_line_too(qtbot):
    panel = shown_image_panel(qtbot, 420)
    top = panel.splitter.y()
    panel.show_image(None, "error: " + "a very long message " * 30)
    panel.show_annotation(None)
    qtbot.wait(20)
    assert panel.splitter.y() == top and _one_line(panel)
    assert panel.header.toolTip().startswith("error: a very long message")


def test_a_narrow_window_shares_its_width_between_the_two_panes(qtbot):
    panel = shown_image_panel(qtbot, 900)
    panel.resize(260, 400)  # as at the window's narrowest
    qtbot.wait(20)
    left, right = (panel.splitter.widget(i).width() for i in range(2))
    # the ground truth title's text held its pane wide and squeezed the prediction's
    assert abs(left - right) <= 4, (left, right)


def test_a_narrow_header_keeps_the_unsaved_mark_in_fewer_words(qtbot):
    panel = shown_image_panel(qtbot, 460)  # at scale 1.5 the line was cut after "labels DIS", the mark lost
    doc = _document("7")
    doc.objects[0] = make_object("7", Box(11, 10, 50, 50))
    panel.show_annotation(doc)
    panel.show_prediction(_prediction("0"))
    qtbot.wait(20)
    assert _one_line(panel)
    assert "●" in panel.header.text() and "labels DIFFER" in panel.header.text() and "Pred: " in panel.header.text()
    assert "● unsaved" in panel.header.toolTip() and "labels DISAGREE" in panel.header.toolTip()
    assert panel.header.width() - panel.header.sizeHint().width() < 24  # elided no more than needed


def test_an_image_that_cannot_be_decoded_is_said_so_and_a_model_failure_is_the_predictions(qtbot):
    """The header said "prediction failed" of an image whose file cannot be decoded (`ImageLoadError`): the
    file is at fault, not the model. A model's failure is still the prediction's."""
    from petloc_gui.core.errors import ImageLoadError, PetlocError

    panel = shown_image_panel(qtbot, 1600)
    panel.show_annotation(_document())
    panel.show_prediction(ImageLoadError("cannot read image: truncated file", Path(NAME)))
    assert "cannot read the image" in panel.header.text() and "prediction failed" not in panel.header.text()
    panel.show_prediction(PetlocError("out of memory"))
    assert "prediction failed" in panel.header.text() and "cannot read" not in panel.header.text()
