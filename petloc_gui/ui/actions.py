"""The window's actions: one table of (menu, name, text, shortcuts), used for menus and the help dialog.

Every action is reachable by keyboard (its shortcuts) and by mouse (its menu
entry, and for the common ones a toolbar button).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QMenu, QWidget

from petloc_gui.ui.about_dialog import add_about_action
from petloc_gui.ui.editing.label_box import LabelBox
from petloc_gui.ui.focused_widget_keys import keep_widget_keys
from petloc_gui.ui.labelimg_keys import add_labelimg_key_hints
from petloc_gui.ui.recent_messages import add_recent_messages_action

# Submenus ("menu/submenu"): the sixteen arrow keys' entries, each with an access key of its own,
# where in Edit itself they left most of its entries without one.
MOVE_MENU = "Edit/&Move box (arrows)"
RESIZE_MENU = "Edit/Re&size box (Alt+arrows)"


@dataclass(frozen=True)
class ActionSpec:
    menu: str
    name: str
    text: str
    shortcuts: tuple[str, ...] = ()
    checkable: bool = False
    tip: str = ""
    short: str = ""  # toolbar text
    when: str = ""  # when its keys act, for the help dialog ("in draw mode (W)")


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("File", "open_folder", "&Open folder…", ("Ctrl+O",), short="Open"),
    ActionSpec("File", "reload_folder", "Re&load folder", ("F5",),
               tip="Read the folder again: images added or removed since it was opened"),
    ActionSpec("File", "open_demo", "Open the &demo folder", ()),
    ActionSpec("File", "save", "&Save", ("Ctrl+S",), tip="Write this image's VOC XML (atomic)", short="Save"),
    ActionSpec("File", "save_all", "Save &all", ("Ctrl+Shift+S",)),
    ActionSpec("File", "autosave", "Autosave &when changing image", (), checkable=True),
    ActionSpec("File", "quit", "&Quit", ("Ctrl+Q",)),
    ActionSpec("Edit", "draw_mode", "&Draw box mode", ("W",), checkable=True,
               tip="Left-drag draws a new box even over existing ones (dragging on empty space always draws); "
                   "ends after one box unless 'Stay in draw mode' is on", short="Draw (W)"),
    ActionSpec("Edit", "stay_in_draw_mode", "Stay in draw mode after a bo&x", (), checkable=True,
               tip="Keep draw mode on after each new box (for drawing many boxes in a row)"),
    ActionSpec("Edit", "leave_draw_mode", "Leave draw mode, drop the box being dra&wn, or put back a moved one",
               ("Esc",),
               tip="Draw mode (W) ends; a new box being dragged out is dropped (the drag draws nothing); a box "
                   "being moved or resized goes back where it was",
               when="on the image"),
    ActionSpec("Edit", "place_box", "&New box in the middle of the view", ("Return", "Enter"),
               tip="A box half the size of the view, in its middle, labelled as a drawn one: arrows move it, "
                   "Alt+arrows resize it. The keys: Enter in draw mode (W), on the image", when="in draw mode (W)"),
    ActionSpec("Edit", "accept", "&Accept prediction as ground truth", ("A",), short="Accept (A)"),
    ActionSpec("Edit", "verify", "Mark &verified", ("V",), checkable=True, short="Verified (V)"),
    ActionSpec("Edit", "delete", "De&lete box", ("Del", "Backspace"), short="Delete"),
    ActionSpec("Edit", "next_box", "Select next &box", ("B",)),
    ActionSpec("Edit", "duplicate", "Du&plicate box", ("Ctrl+D",),
               tip="A copy of the selected box with its label and labelImg's fields (difficult, truncated, pose), "
                   "2 px up and left (as labelImg's Ctrl+D), selected; one undo step; a held Ctrl+D makes one copy. "
                   "A run learns an image's first box only"),
    ActionSpec("Edit", "classes", "&Classes…", ("Ctrl+L",),
               tip="The class list: add, rename (relabels the boxes) or delete classes"),
    # Arrows nudge the selected box; a focused widget that uses them keeps them (`focused_widget_keys`): in the
    # image list Up/Down show the next image (so do these entries, chosen in the menu while the list has the keys).
    ActionSpec(MOVE_MENU, "nudge_left", "Nudge &left 1 px", ("Left",)),
    ActionSpec(MOVE_MENU, "nudge_right", "Nudge &right 1 px", ("Right",)),
    ActionSpec(MOVE_MENU, "nudge_up", "Nudge &up 1 px", ("Up",)),
    ActionSpec(MOVE_MENU, "nudge_down", "Nudge &down 1 px", ("Down",)),
    ActionSpec(MOVE_MENU, "nudge_left_fast", "Nudge le&ft 10 px", ("Shift+Left",)),
    ActionSpec(MOVE_MENU, "nudge_right_fast", "Nudge ri&ght 10 px", ("Shift+Right",)),
    ActionSpec(MOVE_MENU, "nudge_up_fast", "Nudge u&p 10 px", ("Shift+Up",)),
    ActionSpec(MOVE_MENU, "nudge_down_fast", "Nudge do&wn 10 px", ("Shift+Down",)),
    # Each of the four edges from the keyboard: Alt moves the right/bottom edge, Alt+Shift the left/top one.
    ActionSpec(RESIZE_MENU, "grow_width", "&Right edge right 1 px", ("Alt+Right",)),
    ActionSpec(RESIZE_MENU, "shrink_width", "Right edge &left 1 px", ("Alt+Left",)),
    ActionSpec(RESIZE_MENU, "grow_height", "&Bottom edge down 1 px", ("Alt+Down",)),
    ActionSpec(RESIZE_MENU, "shrink_height", "Bottom edge &up 1 px", ("Alt+Up",)),
    ActionSpec(RESIZE_MENU, "left_edge_left", "L&eft edge left 1 px", ("Alt+Shift+Left",)),
    ActionSpec(RESIZE_MENU, "left_edge_right", "Left edge ri&ght 1 px", ("Alt+Shift+Right",)),
    ActionSpec(RESIZE_MENU, "top_edge_up", "&Top edge up 1 px", ("Alt+Shift+Up",)),
    ActionSpec(RESIZE_MENU, "top_edge_down", "Top edge &down 1 px", ("Alt+Shift+Down",)),
    # The left/top edges without Alt+Shift, which window managers take (openbox: to another desktop).
    ActionSpec(RESIZE_MENU, "resize_corner", "Alt+arrows move the top-left &corner", ("C",), checkable=True,
               tip="Alt+arrows move the left and top edges instead of the right and bottom ones (C again: back)"),
    ActionSpec("View", "overlay", "&Overlay prediction on ground truth", ("O",), checkable=True, short="Overlay (O)"),
    ActionSpec("View", "zoom_in", "Zoom &in", ("Ctrl++", "+", "=")),
    ActionSpec("View", "zoom_out", "Zoom o&ut", ("Ctrl+-", "-")),
    ActionSpec("View", "fit", "&Fit image", ("F", "Ctrl+0"), short="Fit (F)"),
    ActionSpec("View", "brighter", "&Brighter", ("Ctrl+Shift+Up",), tip="Display only: the file is not changed"),
    ActionSpec("View", "darker", "Dar&ker", ("Ctrl+Shift+Down",)),
    ActionSpec("View", "more_contrast", "More &contrast", ("Ctrl+Shift+Right",)),
    ActionSpec("View", "less_contrast", "&Less contrast", ("Ctrl+Shift+Left",)),
    ActionSpec("View", "reset_adjustment", "R&eset brightness and contrast", ("Ctrl+Shift+0",)),
    ActionSpec("View", "review_order", "Sort as &review queue", ("R",), checkable=True),
    ActionSpec("View", "focus_search", "&Search images…", ("Ctrl+F",)),
    ActionSpec("Go", "next_review", "&Next to review", ("N", "Space"),
               tip="The most suspicious unverified image not yet visited in this pass, among those the list shows (its "
                   "search and status filter); when they hide every one left, N stays and says so",
               short="Next to review (N)"),
    ActionSpec("Go", "next_image", "Next &image", ("D", "PgDown")),
    ActionSpec("Go", "prev_image", "&Previous image", ("Shift+D", "PgUp")),
    ActionSpec("Go", "first_image", "&First image", ("Home",)),
    ActionSpec("Go", "last_image", "&Last image", ("End",)),
    ActionSpec("Model", "open_model", "Open &model folder…", ("Ctrl+M",)),
    ActionSpec("Help", "help", "&Keyboard shortcuts", ("F1",)),
    ActionSpec("Help", "recent_messages", "&Recent messages…", ("Ctrl+H",),
               tip="The status line's last messages, newest first, each whole with its time (Esc: back to the image)"),
    ActionSpec("Help", "about", "&About petloc", ()),
)

LABEL_KEYS_HELP = ("0 … 9", "Label the selected box: the class named by the key, else the n-th class (0: the 10th)")
UNDO_HELP = (("Ctrl+Z", "Undo (this image)"), ("Ctrl+Shift+Z, Ctrl+Y", "Redo (this image)"))
MOUSE_HELP = (
    ("Left-drag on empty space", "Draw a new box"),
    ("Drag a box / its handles", "Move / resize (one undo step per drag)"),
    ("Right- or middle-drag", "Pan (both panes follow)"),
    ("Ctrl + wheel", "Zoom (both panes follow)"),
)


def build_actions(window: QWidget, menus: dict[str, QMenu]) -> dict[str, QAction]:
    """Create the QActions (no slots connected, but About's and Recent messages', and the labelImg keys'
    (`labelimg_keys`), which need nothing of the window's but its status bar and its Label box, found when
    pressed) and put them in their menus (a submenu of ``menus``' own, made at its first action: "Edit/&Move
    box"). Their single keys and arrows act on the image, not on a focused widget that uses them itself
    (`focused_widget_keys`)."""
    keep_widget_keys(window)
    actions: dict[str, QAction] = {}
    menus = dict(menus)
    for spec in ACTIONS:
        action = QAction(spec.text, window)
        action.setObjectName(spec.name)
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        if spec.name == "quit":  # also from the app's other windows (Retraining), as in most applications
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.setCheckable(spec.checkable)
        if spec.short:
            action.setIconText(spec.short)
        if spec.tip:
            action.setToolTip(spec.tip)
            action.setStatusTip(spec.tip)
        window.addAction(action)
        top, _, sub = spec.menu.partition("/")
        if sub and spec.menu not in menus and top in menus:
            menus[spec.menu] = menus[top].addMenu(sub)
        if spec.menu in menus:
            menus[spec.menu].addAction(action)
        if spec.name == "about":
            add_about_action(window, action)
        if spec.name == "recent_messages":
            add_recent_messages_action(window, action)
        actions[spec.name] = action
    # labelImg's Ctrl+E: the Label box, as Alt+L (the box made after the actions); Ctrl+Shift+D: a hint, no delete
    add_labelimg_key_hints(window, lambda: _label_box_of(window))
    return actions


def _label_box_of(window: QWidget) -> QComboBox | None:
    label_box = window.findChild(LabelBox)
    return label_box.combo if isinstance(label_box, LabelBox) else None


def shortcut_rows() -> list[tuple[str, str]]:
    """(keys, what it does) for the help dialog."""
    rows = [(", ".join(s.shortcuts), " ".join(filter(None, (s.text.replace("&", "").rstrip("…"), s.when))))
            for s in ACTIONS if s.shortcuts]
    rows.insert(0, LABEL_KEYS_HELP)
    rows[1:1] = list(UNDO_HELP)
    return rows
