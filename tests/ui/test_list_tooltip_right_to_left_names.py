"""The Images list's row tooltip of a file or class named in Hebrew read scrambled: "predicted cat, confidence
1.00 ,חתול jpg — annotated; labels disagree (≠): labelled.תמונה". Its first strong letter was the name's, so the
whole tooltip was laid out right to left. Each name is set apart now (U+2068 … U+2069, `core.text.isolated`, as
the header does): the name reads as it is, the sentence around it in its own order."""

from __future__ import annotations

from PySide6.QtCore import Qt

from petloc_gui.core.boxes import Box
from petloc_gui.core.text import FIRST_STRONG_ISOLATE as FSI
from petloc_gui.core.text import POP_DIRECTIONAL_ISOLATE as PDI
from petloc_gui.ui.review.file_list import COL_NAME, FileListModel


def _tip(model: FileListModel, item: int) -> str:
    return model.data(model.index(model.view_row(item), COL_NAME), Qt.ToolTipRole)


def test_hebrew_file_and_class_names_are_set_apart_in_the_rows_tooltip():
    box = Box(10, 10, 50, 50)
    model = FileListModel(["תמונה.jpg", "b.jpg"], [True, True])
    model.set_ground_truth(0, "חתול", box, False, objects=[("חתול", box)])
    model.set_prediction(0, "cat", 1.0, box)
    tip = _tip(model, 0)
    assert tip.startswith(f"{FSI}תמונה.jpg{PDI} — ")
    assert tip.endswith(f"labels disagree (≠): labelled {FSI}חתול{PDI}, predicted cat, confidence 1.00")
    model.set_prediction(0, "כלב", 0.5, box)  # a predicted class in Hebrew too
    assert _tip(model, 0).endswith(f"labelled {FSI}חתול{PDI}, predicted {FSI}כלב{PDI}, confidence 0.50")
    model.set_ground_truth(1, "cat", box, False, objects=[("cat", box)])
    model.set_prediction(1, "cat", 0.9, box)
    assert FSI not in _tip(model, 1) and _tip(model, 1).startswith("b.jpg — ")  # English names as they are
