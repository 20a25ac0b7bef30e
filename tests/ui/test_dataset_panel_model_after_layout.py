"""The Dataset panel lays out the same whether the model's figures arrive before or after it is shown: the
model is chosen in a worker, after the first layout, and the box-size chart kept the height it had grown to, so
the figures added above it pushed its x axis below the fold (body 784 px in a 700 px panel, a scrollbar)."""

from __future__ import annotations

from petloc_gui.ui.canvas.box_canvas import FOCUS_FRAME_PX
from petloc_gui.ui.models.model_handle import model_info
from petloc_gui.ui.review.dataset_panel import DatasetPanel


def _laid_out(qtbot, model_first: bool) -> tuple[int, int, int, int]:
    panel = DatasetPanel()
    qtbot.addWidget(panel)
    panel.resize(470, 700)
    if model_first:
        panel.set_model(model_info("pets"))
    panel.show()
    qtbot.waitExposed(panel)
    if not model_first:
        panel.set_model(model_info("pets"))
    scroll = panel.widget()
    qtbot.wait(50)  # the layout requests the label's growth posts
    return (scroll.widget().height(), scroll.verticalScrollBar().maximum(), panel.size_chart.height(),
            scroll.viewport().height())


def test_figures_arriving_after_the_first_layout_leave_the_chart_whole(qtbot):
    before = _laid_out(qtbot, model_first=True)
    after = _laid_out(qtbot, model_first=False)
    assert after == before
    body, scrollable, _chart, shown = after
    # all of it shown: the panel's height, less the frame that marks the keyboard's place
    assert scrollable == 0 and body == shown == 700 - 2 * FOCUS_FRAME_PX
