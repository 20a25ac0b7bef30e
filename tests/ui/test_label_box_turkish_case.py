"""Typed in the Label box, a Turkish case pair of a class is that class, as "bengal" is "Bengal": typed
"istanbul" with "İstanbul" listed made a second class ("İ" is not "I" in `str.lower`), as did "\u0131ş\u0131k"
with "IŞIK" listed; `petloc train` then refuses the two (core.label_variants.same_class)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from petloc_gui.ui.editing.edit_controller import EditController
from petloc_gui.ui.editing.label_box import LabelBox


def _box(qtbot, names: list[str]) -> tuple[LabelBox, QWidget]:
    """A Label box listing ``names``, and the window it is on (kept: the box goes with it)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    box = LabelBox(EditController(parent), parent)
    box.set_names(names)
    return box, parent


def test_a_turkish_case_pair_typed_is_the_listed_class(qtbot):
    box, _window = _box(qtbot, ["Bengal", "\u0130stanbul", "I\u015eIK"])
    assert box.label_of_text("istanbul") == "\u0130stanbul"
    assert box.label_of_text(" ISTANBUL ") == "\u0130stanbul"
    assert box.label_of_text("\u0131\u015f\u0131k") == "I\u015eIK"
    assert box.label_of_text("bengal") == "Bengal"


def test_a_different_letter_is_still_a_new_class(qtbot):
    box, _window = _box(qtbot, ["k\u0131r"])
    assert box.label_of_text("kir") == "kir"  # dirt, not field
    box.set_names(["k\u0131r", "kir"])
    assert box.label_of_text("KIR") == "kir"  # the usual case pair before the Turkish one
