"""The toolbar's Label box: the class list, picking a class, typing a new one.

It shows the selected box's label (nothing when no box is selected, also
right after a delete), applies a picked or typed label through the edit
controller, and gives the keyboard back to the image on Enter and Escape, and
when its list closes (a class picked with the mouse or not), so a single-key
shortcut never types into it. The number keys pick a class (`class_keys.number_keys`: F1's list and the class
editor take its rules through this module too).

One rule for typing: only Enter applies it (or a pick from the list). Typing
left any other way (a click on the image or a box, Tab, a save, another image
or box shown while the box keeps the keyboard) is dropped, visibly: the box shows
the selected box's label again and the status line says the typed label was not
applied (`drop_typing`); Escape, and Enter on a blank box, drop it unsaid and put back the label the box had
when it got the keyboard (the arrows relabel as they go: `label_box_escape`). Switching to another window, or
reaching a menu (the mouse, Alt, Alt+G), leaves nothing: the keyboard comes back to the box, the typing still
there. A mouse wheel over the box does nothing (it relabelled the box: `eventFilter`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMenu, QMenuBar, QWidget

from petloc_gui.app.unstorable_class import refused_class
from petloc_gui.core.text import tidy_name, visible
from petloc_gui.core.voc_types import VocObject
from petloc_gui.ui.editing.box_shown import BoxShown
from petloc_gui.ui.editing.class_keys import NUMBER_KEYS, number_keys
from petloc_gui.ui.editing.class_keys import key_of as key_of  # (F1's list and the class editor take it from here)
from petloc_gui.ui.editing.edit_controller import EditController
from petloc_gui.ui.editing.label_box_escape import LabelsPutBack
from petloc_gui.ui.editing.label_box_items import fill_items, label_at
from petloc_gui.ui.editing.undo_keys import is_undo_or_redo
from petloc_gui.ui.plain_text import as_plain

HELP = ("Label of the selected box: pick one (a number key gives the class of that name, else the n-th: F1 "
        "lists them; Up/Down relabel as they go) or type one + Enter (Esc: the label it had back, and back to the "
        "image); a typed name that matches a class apart from case or spaces gives that class (\"Dog\" gives dog). "
        "Edit → Classes… renames classes (to another case too) or deletes them.")
ACCESSIBLE_NAME = "Label"
# Why the box lost the keyboard, when its typing is kept (`LabelBox._left`): a menu or its own list over it,
# the menu bar, another window
KEPT_WHILE_AWAY = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.MenuBarFocusReason,
                   Qt.FocusReason.ActiveWindowFocusReason)


def _application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)  # (a Label box exists in a widgets application only)
    return app


class LabelBox(QObject):
    """Owns the editable QComboBox ``combo`` and its ``caption`` ("Label:", Alt+L); emits ``typing_done``
    when the keyboard should go back."""

    typing_done = Signal()

    def __init__(self, edits: EditController, parent: QWidget | None = None) -> None:
        combo = QComboBox(parent)
        super().__init__(combo)  # lives and dies with its combo box (and its event filter with it)
        self.edits = edits
        self.combo = combo
        self.combo.setMinimumContentsLength(12)
        # Not Qt's wheel focus for a combo box: a wheel over the box (scrolling or zooming near the toolbar)
        # gave it the keyboard, and the next D was typed there ("ddog"); the wheel itself: see eventFilter
        self.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Editable: a class the model does not know can be typed (Enter applies it).
        self.combo.setEditable(True)
        line, completer = self.combo.lineEdit(), self.combo.completer()
        assert line is not None and completer is not None  # setEditable(True) gave the box both
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Qt completes and activates an item only on its exact text: a text that names a class apart from
        # case is matched by `label_of_text`, on Enter alone (with Qt's case-blind completion, leaving the
        # box with Escape activated the item it completed to, and relabelled the box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)
        self.combo.setToolTip(HELP)
        # The caption names the box for a screen reader (it was a QLabel linked to nothing: the box and
        # the line edit typed into were announced without a name), and Alt+L puts the keyboard in it.
        self.caption = QLabel(" &Label: ", parent)
        self.caption.setBuddy(combo)
        combo.setAccessibleName(ACCESSIBLE_NAME)
        line.setAccessibleName(ACCESSIBLE_NAME)
        self._leaving = False  # set while the keyboard goes back to the image: see _done
        self.combo.activated.connect(self._picked)
        line.returnPressed.connect(self._typed)
        self._line = line
        # Typed since the box last showed a label (its inline completion sets the text, which clears
        # the line edit's own isModified: "c" completed to "cat" did not count as typed)
        self._typing = False
        self._line.textEdited.connect(self._edited)
        # The image and box the typing is for (`_shown_box`), taken at its first key: Enter applies to the
        # box selected then. A toolbar button or a menu takes no keyboard from the box, so N or Go → Next
        # image left "dog" typed for a cat there, and Enter relabelled the next image's box.
        self._typed_for: BoxShown | None = None
        self._away = False  # typing kept while the keyboard is away (a menu, another window): see _left
        self._refused = ""  # the text Enter last refused (`_typed`): leaving the box does not advise Enter again
        # The typing Ctrl+Z last took back, and the box it was for, until the box shows anything else: a Redo key
        # brings it back (`_undo_key`)
        self._taken_back: tuple[str, BoxShown | None] | None = None
        self._put_back = LabelsPutBack(edits, combo, KEPT_WHILE_AWAY)  # what Esc puts back (`_cancel`)
        # Escape: see eventFilter. The combo box is the focus widget (its line edit's focus proxy) and
        # hands keys to the line edit directly, past the line edit's filters: both are watched.
        self.combo.installEventFilter(self)
        self._line.installEventFilter(self)
        # The list closing, a class picked or not (Escape and a click outside close it without
        # `hidePopup`): back to the image once Qt has put the focus back in the box. A pick with
        # the mouse left the keyboard there, and D typed "catd".
        self._popup = self.combo.view().window()
        self._popup.installEventFilter(self)
        edits.selection_changed.connect(lambda _index: self.show_selected())
        edits.document_changed.connect(lambda doc: self.show_selected() if doc is edits.doc else None)
        if parent is not None:
            # Every number key, here beside `number_keys` and `pick`: on the window, whatever has the keyboard
            # (the window bound 1-9 and this box 0, two lists of one set of keys)
            for key in NUMBER_KEYS:
                action = QAction(f"Label key {key}", parent)
                action.setShortcut(QKeySequence(key))
                action.triggered.connect(lambda _=False, k=int(key): self.pick(k))
                parent.addAction(action)

    # --- the list ------------------------------------------------------------------
    def names(self) -> list[str]:
        return [self.label_at(i) for i in range(self.combo.count())]

    def label_at(self, i: int) -> str:
        """The label of item ``i`` (`label_box_items.label_at`)."""
        return label_at(self.combo, i)

    def label_of_text(self, text: str) -> str:
        """The label a shown (escaped) or typed text stands for: the class shown exactly so, else the first
        class it names apart from case (Turkish case too: "istanbul" is İstanbul), spaces and Unicode form
        (`core.label_variants.spelled_as`, the rule `petloc train` refuses variants by; typed "Abyssinian "
        is abyssinian: a class of its own that differs only in case is nearly always a slip, and split the
        class without a word), else the text itself, its spaces tidied: a new class.

        Hence a case variant of a class cannot be made by typing; renaming the class (Edit → Classes…)
        changes its case."""
        i = self.combo.findText(text)
        if i >= 0:
            return self.label_at(i)
        from petloc_gui.core.label_variants import spelled_as

        typed = tidy_name(text)
        found = spelled_as(typed, self.names())
        return found if found is not None else typed

    def set_names(self, names: list[str]) -> None:
        """Replace the class list (keeps the text shown, and, nothing typed, its item current: the refill made the
        first one current, under another label's text, and the arrows stepped from it)."""
        if self.names() == names:
            return
        current = self.combo.currentText()
        self.combo.blockSignals(True)
        fill_items(self.combo, names)
        if not self._typing:
            self.combo.setCurrentIndex(self.combo.findText(current))  # (as `_make_current`, signals blocked here)
        self.combo.setCurrentText(current)  # (after: an index of -1 empties the text)
        if not self._line.hasFocus():  # (typing: the cursor stays where the user types)
            self._line.setCursorPosition(0)  # a long name from its start (see _show_label_of_selected)
        self.combo.blockSignals(False)

    def key_map(self) -> dict[str, str]:
        """Number key -> the class it gives now (`number_keys`)."""
        return number_keys(self.names())

    def pick(self, key: int) -> None:
        """Number key ``key`` (0-9): its class (`number_keys`) for the selected box; none, nothing."""
        name = self.key_map().get(str(key))
        if name is not None:
            self.combo.setCurrentIndex(self.names().index(name))
            self._apply(name)

    # --- what it shows ----------------------------------------------------------------
    def show_selected(self) -> None:
        """The selected box's label; empty when none is selected. Typing for another image or box than the
        one selected now is dropped, and said (`drop_typing`)."""
        if self._typing and not self._shown_box().same_as(self._typed_for):
            if note := self.drop_typing():
                self.edits.said.emit(note)
            self._show_label_of_selected()  # (also when the typing is the new box's label: nothing to say)
            return
        if self._typing and self._line.hasFocus():
            return  # the user is typing a label: leave it alone (not typing: Ctrl+Z there changed the label)
        self._show_label_of_selected()

    def _selected_box(self) -> VocObject | None:
        doc, index = self.edits.doc, self.edits.selected
        return doc.objects[index] if doc is not None and 0 <= index < len(doc.objects) else None

    def _shown_box(self) -> BoxShown:
        return BoxShown(self.edits.index, self.edits.doc, self.edits.selected, self._selected_box())

    def _show_label_of_selected(self) -> None:
        self._show(self._label_of_selected())

    def _label_of_selected(self) -> str:
        box = self._selected_box()
        return box.name if box is not None else ""

    def _show(self, name: str) -> None:
        """``name`` in the box, its item current (the text alone left the last label's item current: the arrows
        stepped from it, and Qt activates the item matching the text when the box loses the keyboard and that
        is not the current one); its start, not its end ("ffordshire_terrier" of a long class), and the
        whole in the tooltip (the box is narrower than many class names)."""
        self._make_current(self.combo.findText(visible(name)))
        self.combo.setCurrentText(visible(name))  # (after: an index of -1 empties the text)
        self._typing = False
        self._refused = ""
        self._taken_back = None
        self._line.setCursorPosition(0)
        self.combo.setToolTip(as_plain(f"{visible(name)}\n\n{HELP}") if name else HELP)

    # --- typing --------------------------------------------------------------------------
    def _edited(self, _text: str) -> None:
        if not self._typing:
            self._typed_for = self._shown_box()
        self._typing = True

    def _apply(self, name: str) -> None:
        self._typing = False  # applied, not dropped: the box it changes does not say "not applied" (`show_selected`)
        self.edits.set_label(name)

    def _picked(self, index: int) -> None:
        """An item activated: picked from the list (not Qt's activation as Escape leaves the box: `_done`)."""
        if not self._leaving:
            self._typing = False  # the pick replaced the typing (with no box selected, it shows the next box's label)
            self._apply(self.label_at(index))

    def _typed(self) -> None:
        name = self.label_of_text(self.combo.currentText())
        if refused := refused_class(name):
            # a NUL pasted ("do\x00g") was given to the box, and Ctrl+S failed without naming the label; a
            # "\u200b" labelled it with a class that looked empty (Edit → Classes… refuses both so): the box
            # keeps its label, the status line says why, and the text and the keyboard stay here for the user
            # to correct it
            self.edits.said.emit(refused)
            self._refused = self.combo.currentText()
            return
        if not name:
            # emptied or spaces alone: no class can be blank, so the user meant none, as Escape (it left the
            # box empty, and spaces were "not applied: press Enter", just pressed): the box's label again
            self._cancel()
            return
        self._apply(name)
        # the class it named ("Dog " typed: dog), not the typing, and its tooltip: `show_selected` leaves
        # the box alone while it has the keyboard, and the tooltip named the class before
        self._show(name)
        self.typing_done.emit()  # back to the image, so single-key shortcuts work again

    def typed_not_applied(self) -> str:
        """The text typed in the box that Enter has not applied ("" when none): typed (not shown by the
        program, nor kept from before) and other than the selected box's label."""
        typed = self.combo.currentText()
        return typed if self._typing and typed != visible(self._label_of_selected()) else ""

    def drop_typing(self) -> str:
        """Drop typing Enter has not applied: the box shows the selected box's label again, and the
        keyboard goes back to the image if the box had it (so the next D steps, not types "catd").
        Returns what the status line should say ("" when nothing was typed), for the caller to say."""
        typed = self.typed_not_applied()
        if not typed:
            return ""
        had_keyboard = self.combo.hasFocus() or self._line.hasFocus()
        refused = typed == self._refused  # (before `_show` forgets it)
        self._take_back_typing()
        if had_keyboard:
            self.typing_done.emit()
        if refused:
            return f"Typed label '{visible(typed)}' not applied"  # Enter refused it (said why): no Enter advice
        # dropped, the box showing the box's label again: "press Enter in the Label box to apply it" read as if
        # the typing were still there to apply (after Go → Next image, the next image's label was)
        return (f"Typed label '{visible(typed)}' not applied and cleared: type it again in the Label box and press "
                "Enter to apply it")

    def _take_back_typing(self) -> None:
        """The selected box's label shown again (`_show`: its item current, Qt's activation finds nothing)."""
        self._show(self._label_of_selected())

    def _undo_key(self, event) -> bool:
        """Ctrl+Z or a Redo key in the box, as a shortcut override or a key press. The line edit took them as a
        text field's keys with no history (the box's completion leaves none): Ctrl+Z left "cat" typed, Ctrl+Shift+Z
        did nothing, and Ctrl+Y (no text field key under X11) was the window's Redo, which relabelled the box
        under the typing and dropped it. The rule is a text field's, for every Redo key: typing there, Ctrl+Z
        takes it back, unsaid, the keyboard still here, and a Redo key keeps it (the typing is the newest change:
        nothing to redo over it), but right after Ctrl+Z it brings the typing back; nothing typed, they are the
        window's Undo and Redo."""
        undo = event.matches(QKeySequence.StandardKey.Undo)
        if not self._typing and (undo or self._taken_back is None):
            event.ignore()  # (an override not accepted: the window's shortcut runs)
            return True
        event.accept()
        if event.type() != QEvent.Type.KeyPress:
            return True
        if undo:
            taken_back = (self.combo.currentText(), self._typed_for)
            self._take_back_typing()
            self._taken_back = taken_back  # (after: showing the label forgets it)
            self._line.selectAll()  # (the next key replaces it, as after a click in the box)
        elif not self._typing and self._taken_back is not None:
            (typed, self._typed_for), self._taken_back = self._taken_back, None
            self.combo.setCurrentText(typed)
            self._typing = True  # (set by the program, the text is no typing of the line edit's: said here)
        return True

    def _left(self, reason: Qt.FocusReason) -> None:
        """The box lost the keyboard: typing is dropped, and said, unless a menu or the box's own list opened
        over it (a pick from the list applies; the list closing, or a save from the menu, drops it), the menu
        bar took it (Alt, Alt+G, Escape out of a menu opened with the mouse: the reviewer's "3" was dropped
        there and kept under the same menu opened with the mouse), or the window itself lost the keyboard
        (another program, Alt+Tab; a window-modal question): Qt gives the keyboard back to the box when the
        menu or the window lets it go, and the typing was gone ("cat" back to dog). Kept until the keyboard
        lands on another widget of this window (`_landed`)."""
        if reason not in KEPT_WHILE_AWAY:
            self._taken_back = None  # (the box left, as the typing would be: a Redo key back here is the window's)
            if note := self.drop_typing():
                self.edits.said.emit(note)
            return
        if not self._typing:
            return
        # kept, but not applied by Qt as the box loses the keyboard: it activates the item matching the text
        # when that is not the current one, so that item is made current first (none matching: nothing to
        # activate, and making none current emptied the box: a new class typed was gone under a menu)
        if (matching := self.combo.findText(self.combo.currentText())) >= 0:
            self._make_current(matching)
        if not self._away:
            self._away = True
            _application().focusChanged.connect(self._landed)

    def _landed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Where the keyboard went while typing was kept (`_left`): back in the box, kept; to a widget of this
        window that is not a menu (a click on the image from the menu bar), the box was left: dropped, said."""
        if new is None or isinstance(new, (QMenuBar, QMenu)) or new.window() is not self.combo.window():
            return  # still away: a menu, the box's list (its own window), another window
        self._away = False
        _application().focusChanged.disconnect(self._landed)
        if new is not self.combo and new is not self._line and (note := self.drop_typing()):
            self.edits.said.emit(note)

    def _make_current(self, index: int) -> None:
        """Item ``index`` current, no signal, no pick (-1: none, which empties the text)."""
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)

    def _done(self, say: bool = True) -> None:
        """Back to the image, the box showing the selected box's label: typing not applied is dropped,
        and said unless ``say`` is False (Escape: the user dropped it)."""
        if self.combo.view().isVisible():
            return  # the list opened again meanwhile
        if say and (note := self.drop_typing()):
            self.edits.said.emit(note)
        focus = QApplication.focusWidget()
        if focus is not None and focus is not self.combo and focus is not self._line:
            self.show_selected()  # the click that closed the list put the keyboard elsewhere: it stays there
            return
        # Qt 6 applies typed text that matches a class when the box loses the keyboard (its line
        # edit's editingFinished activates the item): Escape typed "dog" and left, and the box
        # became a dog. The text goes back first, and an activation while leaving is ignored.
        self._leaving = True
        try:
            self._show_label_of_selected()
            self.typing_done.emit()
        finally:
            self._leaving = False

    def _cancel(self) -> None:
        """Esc, or Enter on a blank box: the typing dropped unsaid, the label the selected box had when the box
        got the keyboard put back (`label_box_escape`: the arrows relabel as they go), and back to the image."""
        self._take_back_typing()  # (first: the label put back is no image change that drops typing, said)
        self._put_back.put_back()
        self._done(say=False)

    def eventFilter(self, watched, event) -> bool:  # Qt's name
        if event.type() == QEvent.Type.Wheel and (watched is self.combo or watched is self._line):
            # Qt's combo box takes a wheel notch as a pick of the next class: the pointer crossing the box
            # relabelled the selected box, unsaid. No wheel relabels (labelImg's neither): the list, the
            # arrows, a number key or typing + Enter do.
            return True
        # The combo box swallows Escape before a shortcut sees it, so it is caught here.
        # (`is`, not `in`: an equality test reaches into a wrapper whose C++ object may be going away)
        if (event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape
                and (watched is self.combo or watched is self._line)):
            self._cancel()
            return True
        if (event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
                and (watched is self.combo or watched is self._line) and is_undo_or_redo(event)):
            return self._undo_key(event)
        if event.type() == QEvent.Type.FocusOut and watched is self.combo:  # (it hands the line edit its focus out)
            self._left(event.reason())
        if event.type() == QEvent.Type.Hide and watched is self._popup:
            QTimer.singleShot(0, self, self._done)  # dropped if the box goes first
        return super().eventFilter(watched, event)
