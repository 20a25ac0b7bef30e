"""The Dataset panel's "classes: …" line with long names that have no space (80 characters, underscored):
the label could not wrap them, so it made the whole panel wider than its dock, every line cut at the
dock's edge and a horizontal scrollbar shown. Right-to-left names took the commas beside them into their
own direction. Long names break anywhere now, right-to-left ones are isolated (in the shown text only)."""

from __future__ import annotations

from petloc_gui.ui.model_info import ModelInfo
from petloc_gui.ui.review.dataset_panel import DatasetPanel
from petloc_gui.ui.review.wrapped_names import BREAK, FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE

LONG = ["american_staffordshire_terrier_with_a_white_patch_and_a_very_long_tail_name_v1",
        "x" * 80, "Abyssinian"]
TURKISH = "\u0131\u015f\u0131k"  # "light", a left-to-right name with dotless i


def _panel(qtbot, names) -> DatasetPanel:
    panel = DatasetPanel()
    qtbot.addWidget(panel)
    panel.resize(340, 500)
    panel.show()
    panel.set_model(ModelInfo(spec="m", name="breeds", path=None, version_id="m@1", class_names=tuple(names),
                              metrics={}))
    qtbot.wait(50)  # laid out
    return panel


def test_long_names_never_make_the_panel_wider_than_its_dock(qtbot):
    panel = _panel(qtbot, LONG)
    scroll = panel.widget()
    assert not scroll.horizontalScrollBar().isVisible()
    assert scroll.widget().width() <= scroll.viewport().width()
    assert panel.model_label.width() <= scroll.viewport().width()


def test_names_shown_whole_and_in_order(qtbot):
    panel = _panel(qtbot, [TURKISH, "כלב", "קטן 2", "كلب", "猫", *LONG])
    line = panel.model_label.text().split("<br>")[-1]
    isolated = {"כלב", "קטן 2", "كلب"}
    for name in isolated:
        assert f"{FIRST_STRONG_ISOLATE}{name}{POP_DIRECTIONAL_ISOLATE}" in line
    assert f"{FIRST_STRONG_ISOLATE}{TURKISH}" not in line and f"{TURKISH}, " in line  # a left-to-right name as it is
    # the text read without the marks is the names, in order
    plain = line.replace(BREAK, "").replace(FIRST_STRONG_ISOLATE, "").replace(POP_DIRECTIONAL_ISOLATE, "")
    assert plain == "classes: " + ", ".join([TURKISH, "כלב", "קטן 2", "كلب", "猫", *LONG])
