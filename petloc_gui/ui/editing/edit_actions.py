"""Wiring of the Edit actions and the ground-truth pane's gestures to the edit controller."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar, QWidget

from petloc_gui.core.boxes import Box
from petloc_gui.ui.editing.accept_guard import application_key_watch
from petloc_gui.ui.editing.edit_controller import NUDGE_FAST_PX, NUDGE_PX, EditController
from petloc_gui.ui.editing.resize_corner import connect_resize_corner

PLACED_SHARE = 0.5  # a box placed from the keyboard: this share of the image's visible part, each way
NO_IMAGE_FOR_A_BOX = "No image to put a box on: open a folder, or pick an image that can be shown."
PLACED = "New box in the middle: arrows move it, Alt+arrows resize it (C: from the top-left corner)."
DROPPED = "No box drawn: Escape dropped it."
DRAW_MODE_ON = "Draw mode on: a drag draws a box, over a box too (Escape leaves it)."
DRAW_MODE_LEFT = "Draw mode off: a drag on a box moves it again."
PUT_BACK = "Box put back where it was: Escape cancelled the move or resize."
# Del, the arrows and Alt+arrows with no box showing handles: they change nothing (labelImg), and say why
NO_BOX_SELECTED = "No box selected: click a box, or press B to select one (Del and the arrows act on the selected box)."

NO_BOX_TO_COPY = "No box to duplicate: Ctrl+D copies the selected box."
COPY_OFFSET_PX = 2.0  # labelImg's: its Ctrl+D puts the copy this far up and left, else down and right
# where the copy is, said: 2 image px is about 1 screen px at the fitted zoom, and the copy looked like no copy
COPIED = ("Box duplicated with its label, {where} of the original, and selected: arrows move it, "
          "Alt+arrows resize it (a run learns an image's first box only).")
COPIED_UP_LEFT = COPIED.format(where=f"{COPY_OFFSET_PX:g} px up and left")
COPIED_DOWN_RIGHT = COPIED.format(where=f"{COPY_OFFSET_PX:g} px down and right")
COPIED_IN_PLACE = "Box duplicated in place: it covers the original; arrows move it, Alt+arrows resize it."

# action name -> (edge, pixels): the four edges from the keyboard
EDGE_ACTIONS = {
    "grow_width": ("right", 1), "shrink_width": ("right", -1),
    "grow_height": ("bottom", 1), "shrink_height": ("bottom", -1),
    "left_edge_left": ("left", -1), "left_edge_right": ("left", 1),
    "top_edge_up": ("top", -1), "top_edge_down": ("top", 1),
}


def middle_box(canvas) -> Box | None:
    """A box in the middle of the part of the image ``canvas`` shows, half its width and height (None:
    no image shown). Where the user looks, at a size the arrows and Alt+arrows fit in a few presses."""
    seen = canvas.mapToScene(canvas.viewport().rect()).boundingRect().intersected(canvas.image_rect())
    if seen.isEmpty():
        return None
    centre = seen.center()
    half_width, half_height = seen.width() * PLACED_SHARE / 2, seen.height() * PLACED_SHARE / 2
    return Box(centre.x() - half_width, centre.y() - half_height, centre.x() + half_width, centre.y() + half_height)


def copied_box(box: Box, image_size: tuple[int, int] | None) -> Box:
    """Where labelImg's Ctrl+D puts a copy of ``box``: up and left by `COPY_OFFSET_PX`, else down and right
    where that leaves the image (``image_size``: width, height; None: unknown), else on the box itself."""
    for step in (-COPY_OFFSET_PX, COPY_OFFSET_PX):
        moved = box.translated(step, step)
        inside = moved.xmin >= 0 and moved.ymin >= 0
        if inside and (image_size is None or (moved.xmax <= image_size[0] and moved.ymax <= image_size[1])):
            return moved
    return box


def connect_edit_actions(act: dict[str, QAction], edits: EditController, canvas, status: QStatusBar, *,
                         list_has_focus: Callable[[], bool], step_image: Callable[[int], None],
                         label_for_new_box: Callable[[], str], other_panes: Sequence[QWidget] = (),
                         focus_image: Callable[[], None] | None = None) -> None:
    """``canvas``: the editable BoxCanvas. Arrow keys step through the list when it has the focus.
    ``status``: the window's status line (what a key did, and which corner Alt+arrows move).
    ``other_panes``: the image panes beside ``canvas`` (the prediction pane): Escape is theirs too, and W
    leaves the keyboard where it is on any of them. ``focus_image``: the window's way of giving the image
    the keyboard (None: ``canvas.setFocus``, for a canvas with no window rule around it)."""
    image_panes = [canvas, *other_panes]
    give_image_the_keyboard = focus_image if focus_image is not None else canvas.setFocus
    # what an edit that changed no box did (a number key with none selected), as long as Del's and the arrows'
    edits.said.connect(lambda text: status.showMessage(text, 5000))

    def on_the_selected_box(edit: Callable[[], object]) -> None:
        """``edit`` of the selected box; with boxes on the image but none selected, the status line says so."""
        doc = edits.doc
        if doc is not None and doc.objects and edits.target_index() < 0:
            status.showMessage(NO_BOX_SELECTED, 5000)
            return
        edit()

    def arrow(dx: int, dy: int, pixels: float) -> None:
        if list_has_focus():
            if dy:
                step_image(dy)
            return
        on_the_selected_box(lambda: edits.nudge(dx * pixels, dy * pixels))

    def next_box() -> None:
        doc = edits.doc
        if doc is not None and doc.objects:
            edits.select((edits.selected + 1) % len(doc.objects))

    # A held Ctrl+D is one copy: each repeat copied the copy just made (held a few seconds, hundreds of boxes,
    # each repaint slower). Repeats marked as such trigger nothing; those X leaves unmarked, release and
    # press pairs back to back, are told by the application's key watch (as a held A is, `accept_guard`); once
    # D is let go, Edit → Duplicate with the mouse copies.
    act["duplicate"].setAutoRepeat(False)
    keys = application_key_watch()

    def duplicate() -> None:
        """labelImg's Ctrl+D: a copy of the selected box and its label, one undo step, the copy selected (the
        key did nothing, and said nothing, for a labelImg user's hands)."""
        if keys.held(Qt.Key.Key_D):
            return
        if edits.doc is None or not edits.doc.objects:
            status.showMessage(NO_BOX_TO_COPY, 5000)
            return
        on_the_selected_box(copy_the_selected_box)

    def copy_the_selected_box() -> None:
        doc = edits.doc
        if doc is None:  # (never: `duplicate` asked for an image with boxes, and nothing ran between)
            return
        copied = doc.objects[edits.target_index()]
        if edits.add_box(copied_box(copied.box, doc.image_size), copy_of=copied):
            # no room to offset it (a box over the whole image): on the original, which "arrows move it" hid
            copy = doc.objects[edits.target_index()].box
            if copy == copied.box:
                status.showMessage(COPIED_IN_PLACE, 5000)
            else:
                status.showMessage(COPIED_UP_LEFT if copy.xmin < copied.box.xmin else COPIED_DOWN_RIGHT, 5000)

    def drawn(box) -> None:
        edits.add_box(box, label_for_new_box())
        # Draw mode ends after one box (as in labelImg), unless the user asked to stay in it.
        if act["draw_mode"].isChecked() and not act["stay_in_draw_mode"].isChecked():
            act["draw_mode"].setChecked(False)

    def place_box() -> None:
        """A box drawn without a mouse: as one dragged in the middle of the view (its label, one undo
        step, draw mode ending after it); a folder with no model had no way to get a first box by keys."""
        box = middle_box(canvas) if edits.doc is not None else None
        if box is None:
            status.showMessage(NO_IMAGE_FOR_A_BOX, 5000)
            return
        drawn(box)
        status.showMessage(PLACED, 5000)

    # Enter places a box in draw mode only, and only on the image: in the search or Label box it ends typing.
    place_keys = act["place_box"].shortcuts()
    act["place_box"].setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    act["place_box"].setShortcuts([])
    canvas.addAction(act["place_box"])

    def set_draw_mode(on: bool) -> None:
        canvas.draw_mode = on
        if on and not any(pane.hasFocus() for pane in image_panes):
            # Enter and Escape are the image's keys: W from the Images list (or the menu from anywhere) said
            # "(Escape leaves it)" while the list kept the keyboard, and neither key did anything there.
            # The window's own rule (a floating dock's window is left for the main one).
            give_image_the_keyboard()
        canvas.viewport().update()  # the crosshair comes and goes with draw mode
        act["place_box"].setShortcuts(place_keys if on else [])
        # what W did, each way: a "Draw mode off" left by Escape stayed up to 5 s after W had turned it on again
        status.showMessage(DRAW_MODE_ON if on else DRAW_MODE_LEFT, 5000)

    # Escape, on the image (in the search and Label boxes it ends typing): it was no key's, and W, Escape,
    # Enter still placed a box. Offered while there is something to leave: draw mode, a box being
    # dragged out (the pane says its size while one is, None when it ends), or one moved or resized.
    # On the prediction pane too: a click gives it the keyboard, W turns draw mode on there as anywhere,
    # and Escape, the ground-truth pane's only, did nothing.
    leave = act["leave_draw_mode"]
    leave.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    for pane in image_panes:
        pane.addAction(leave)

    def escape() -> None:
        # a box moved or resized by mistake goes back, no undo step left (no draw mode to leave: a press draws in it)
        if any([item.cancel_drag() for item in canvas.box_items()]):
            status.showMessage(PUT_BACK, 5000)
            return
        dropped = canvas.cancel_drawing()
        act["draw_mode"].setChecked(False)
        status.showMessage(DROPPED if dropped else DRAW_MODE_LEFT, 5000)

    def offer_leave(dragged_size=None) -> None:
        box_dragged = any(item.dragging for item in canvas.box_items())
        leave.setEnabled(act["draw_mode"].isChecked() or dragged_size is not None or box_dragged)

    offer_leave()
    canvas.drawing_size.connect(offer_leave)
    canvas.box_dragging.connect(lambda _on: offer_leave())
    act["draw_mode"].toggled.connect(lambda _on: offer_leave())
    leave.triggered.connect(escape)
    act["draw_mode"].toggled.connect(set_draw_mode)
    act["place_box"].triggered.connect(place_box)
    connect_resize_corner(act, status)
    act["verify"].triggered.connect(lambda: edits.toggle_verified())
    act["delete"].triggered.connect(lambda: on_the_selected_box(edits.delete_selected))
    act["next_box"].triggered.connect(next_box)
    act["duplicate"].triggered.connect(duplicate)
    for name, dx, dy in (("left", -1, 0), ("right", 1, 0), ("up", 0, -1), ("down", 0, 1)):
        act[f"nudge_{name}"].triggered.connect(lambda _=False, x=dx, y=dy: arrow(x, y, NUDGE_PX))
        act[f"nudge_{name}_fast"].triggered.connect(lambda _=False, x=dx, y=dy: arrow(x, y, NUDGE_FAST_PX))
    for name, (edge, pixels) in EDGE_ACTIONS.items():
        act[name].triggered.connect(
            lambda _=False, e=edge, p=pixels: on_the_selected_box(lambda: edits.move_edge(e, p)))
    canvas.box_drawn.connect(drawn)
    canvas.box_edited.connect(lambda i, old, new: edits.set_box(i, old, new, "Move/resize box"))
    canvas.box_selected.connect(edits.select)
