"""F5 after the shown image was deleted by another program, under a search that matched it alone: the list
now shows no image. The prediction pane kept drawing the deleted image's box over empty space (the
ground-truth pane was cleared, the prediction pane was not)."""

from __future__ import annotations

from PySide6.QtGui import QTextDocumentFragment

from .conftest import open_and_wait, wait_image_shown, write_image


def test_a_reload_that_lists_nothing_draws_no_box_of_the_image_gone(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(window.session.model.names.index("c.png"))
    assert [item.label for item in window.panel.pred_pane.box_items()] == ["dog 0.80"]  # c.png's prediction
    qtbot.keyClicks(window.file_dock.search, "c.png")
    assert window.file_dock.model.rowCount() == 1
    (folder / "c.png").unlink()  # by another program
    window.act["reload_folder"].trigger()
    assert window.session.current is None and window.file_dock.model.rowCount() == 0
    assert window.panel.gt_pane.box_items() == []
    assert window.panel.pred_pane.box_items() == []  # c.png's box was drawn on
    said = f"The list shows no image: its search or filter matches none of the 4 images in {folder}"
    assert window.panel.gt_pane.accessibleDescription() == said  # "No images found in ..." (4 are there)
    assert window.panel.pred_pane.accessibleDescription() == said
    header = QTextDocumentFragment.fromHtml(window.panel.header.text()).toPlainText()
    assert said in (header, window.panel.header.toolTip()), header  # elided in its middle: whole in the tooltip
    assert window.panel.gt_pane.accessibleName() == "Ground truth"
    assert window.panel.pred_pane.accessibleName() == "Prediction"


def test_an_image_still_loading_shows_no_box_of_the_image_left(qtbot, window, tmp_path):
    root = tmp_path / "many"
    root.mkdir()
    for i in range(12):  # more than the neighbours decoded ahead: the last one is not decoded yet
        write_image(root / f"img{i:02d}.png", seed=i)
    open_and_wait(qtbot, window, root)
    session = window.session
    assert session.current == 0 and [item.label for item in window.panel.pred_pane.box_items()] == ["cat 0.50"]
    session.show(11)
    assert session.loading is not None  # "Loading img11.png…"
    assert window.panel.pred_pane.box_items() == []  # img00's box was drawn over it
    wait_image_shown(qtbot, window)
    assert [item.label for item in window.panel.pred_pane.box_items()] == ["cat 0.50"]  # img11's own
