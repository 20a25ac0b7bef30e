"""The comparison table shortens a model's name in the middle and names it whole in its tooltip wherever it is
shown (it was RetrainProgress that set both, since 20f0efb)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from petloc_gui.ui.training.model_comparison import ModelComparison

FIGURES = {"accuracy": 0.5, "mean_iou": 0.4, "iou_ge_50": 0.3, "n_images": 9}


def test_the_table_elides_a_models_name_in_the_middle_and_names_it_whole(qtbot):
    comparison = ModelComparison()
    qtbot.addWidget(comparison)
    name = "photo-20261205T060442Z-9c17bb"
    comparison.set_metrics(FIGURES, FIGURES, old_name=name)
    assert comparison.table.horizontalHeader().textElideMode() == Qt.TextElideMode.ElideMiddle
    assert name in comparison.table.horizontalHeaderItem(0).toolTip()
