"""Wiring of the Edit actions and the ground-truth pane's gestures to the edit controller."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction

from petloc_gui.ui.editing.edit_controller import NUDGE_FAST_PX, NUDGE_PX, EditController

# action name -> (edge, pixels): the four edges from the keyboard
EDGE_ACTIONS = {
    "grow_width": ("right", 1), "shrink_width": ("right", -1),
    "grow_height": ("bottom", 1), "shrink_height": ("bottom", -1),
    "left_edge_left": ("left", -1), "left_edge_right": ("left", 1),
    "top_edge_up": ("top", -1), "top_edge_down": ("top", 1),
}


def connect_edit_actions(act: dict[str, QAction], edits: EditController, canvas, *,
                         list_has_focus: Callable[[], bool], step_image: Callable[[int], None],
                         label_for_new_box: Callable[[], str]) -> None:
    """``canvas``: the editable BoxCanvas. Arrow keys step through the list when it has the focus."""

    def arrow(dx: int, dy: int, pixels: float) -> None:
        if list_has_focus():
            if dy:
                step_image(dy)
            return
        edits.nudge(dx * pixels, dy * pixels)

    def next_box() -> None:
        doc = edits.doc
        if doc is not None and doc.objects:
            edits.select((edits.selected + 1) % len(doc.objects))

    def drawn(box) -> None:
        edits.add_box(box, label_for_new_box())
        # Draw mode ends after one box (as in labelImg), unless the user asked to stay in it.
        if act["draw_mode"].isChecked() and not act["stay_in_draw_mode"].isChecked():
            act["draw_mode"].setChecked(False)

    def set_draw_mode(on: bool) -> None:
        canvas.draw_mode = on
        canvas.viewport().update()  # the crosshair comes and goes with draw mode

    act["draw_mode"].toggled.connect(set_draw_mode)
    act["verify"].triggered.connect(lambda: edits.toggle_verified())
    act["delete"].triggered.connect(lambda: edits.delete_selected())
    act["next_box"].triggered.connect(next_box)
    for name, dx, dy in (("left", -1, 0), ("right", 1, 0), ("up", 0, -1), ("down", 0, 1)):
        act[f"nudge_{name}"].triggered.connect(lambda _=False, x=dx, y=dy: arrow(x, y, NUDGE_PX))
        act[f"nudge_{name}_fast"].triggered.connect(lambda _=False, x=dx, y=dy: arrow(x, y, NUDGE_FAST_PX))
    for name, (edge, pixels) in EDGE_ACTIONS.items():
        act[name].triggered.connect(lambda _=False, e=edge, p=pixels: edits.move_edge(e, p))
    canvas.box_drawn.connect(drawn)
    canvas.box_edited.connect(lambda i, old, new: edits.set_box(i, old, new, "Move/resize box"))
    canvas.box_selected.connect(edits.select)
