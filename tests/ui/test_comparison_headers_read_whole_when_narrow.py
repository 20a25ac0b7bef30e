"""The comparison table's model columns keep their headers whole in a narrow window.

Before (gallery, 1.5x, the Retraining window as narrow as the image list): the row labels took their whole
width ("Validation images" on one line) and the two model columns were left "Cur...del" and "New...del"."""

from __future__ import annotations

import pytest

from petloc_gui.ui.training.model_comparison import ModelComparison

FIGURES = {"accuracy": 0.5, "mean_iou": 0.4, "iou_ge_50": 0.3, "n_images": 9}


def _shown(qtbot, width: int, count_label: str = "Validation images") -> ModelComparison:
    comparison = ModelComparison()
    qtbot.addWidget(comparison)
    comparison.set_metrics(FIGURES, FIGURES)
    comparison.set_count_label(count_label)
    comparison.resize(width, 300)
    comparison.show()
    qtbot.waitExposed(comparison)
    qtbot.wait(20)
    return comparison


def _cut_headers(comparison: ModelComparison) -> list[str]:
    header = comparison.table.horizontalHeader()
    metrics = header.fontMetrics()
    cut = []
    for column in range(2):
        text = comparison.table.horizontalHeaderItem(column).text()
        if header.sectionSize(column) < metrics.horizontalAdvance(text):
            cut.append(text)
    return cut


@pytest.mark.parametrize("count_label", ["Validation images", "Validation images (reported)"])
def test_a_narrow_table_keeps_both_model_headers_whole(qtbot, count_label):
    comparison = _shown(qtbot, 260, count_label)
    assert _cut_headers(comparison) == []
    rows = comparison.table.verticalHeader()
    label = rows.model().headerData(3, rows.orientation())
    assert label.split() == count_label.split()  # the same words, wrapped
    assert comparison.count_label() == count_label  # the label itself, not its wrapping


def test_a_wide_table_keeps_its_row_labels_on_one_line(qtbot):
    comparison = _shown(qtbot, 600)
    assert _cut_headers(comparison) == []
    rows = comparison.table.verticalHeader()
    assert "\n" not in rows.model().headerData(3, rows.orientation())
