"""Edit → Classes…'s filter field and its list's type-ahead, for a folder of many classes.

With 120 classes, DOG_1, Dog and dog among them, the list had no filter and QListWidget's own type-ahead
(a case-blind prefix search) took a typed "Dog" to DOG_1, the first of the three: F2 and a rename to
"dog" then merged DOG_1's boxes into dog, when the user meant Dog. The filter narrows the list as the
user types, matching as the image search does (case and Unicode form ignored, `core.name_search`), and
makes current the class typed in its exact case where there is one; the list's type-ahead prefers a name
that starts with the typed text in its exact case too.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget

from petloc_gui.core.name_search import FoldedNames, search_key

# keys typed in the filter that choose among the classes shown, as they do on the list
_MOVES = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


def class_name(view: QListWidget, row: int) -> str:
    """The class of ``row`` (its item's text has its "key N" too)."""
    return view.item(row).data(Qt.ItemDataRole.UserRole)


def visible_rows(view: QListWidget) -> list[int]:
    """The rows the filter shows, in order."""
    return [row for row in range(view.count()) if not view.item(row).isHidden()]


class TypeAheadList(QListWidget):
    """A list whose type-ahead (keys typed on it) passes over the classes the filter hides, and takes a
    name starting with the typed text in its exact case before one starting with it in another case."""

    def __init__(self) -> None:
        super().__init__()
        self._typed = ""
        self._typed_at = QElapsedTimer()

    def keyboardSearch(self, search: str) -> None:  # Qt's name
        # as QAbstractItemView's: keys typed within the input interval add up; a new search, or one key
        # typed again and again ("ddd"), starts past the current class, stepping through those it starts
        fresh = (not search or not self._typed_at.isValid()
                 or self._typed_at.elapsed() > QApplication.keyboardInputInterval())
        self._typed = search if fresh else self._typed + search
        self._typed_at.restart()
        if not self._typed:
            return
        repeated = len(self._typed) > 1 and self._typed.count(self._typed[-1]) == len(self._typed)
        row = self.row_starting_with(self._typed[0] if repeated else self._typed, past_current=fresh or repeated)
        if row >= 0:
            self.setCurrentRow(row)

    def row_starting_with(self, text: str, past_current: bool) -> int:
        """The first shown row, from the current one (or the one after it) round to it, whose class starts
        with ``text`` in its exact case, else in any case and Unicode form; -1 where none does."""
        count, current = self.count(), self.currentRow()
        start = 0 if current < 0 else current + 1 if past_current else current
        shown = [row for row in ((start + step) % count for step in range(count)) if not self.item(row).isHidden()]
        exact = next((row for row in shown if class_name(self, row).startswith(text)), -1)
        if exact >= 0:
            return exact
        key = search_key(text)
        return next((row for row in shown if search_key(class_name(self, row)).startswith(key)), -1)


class ClassFilter(QLineEdit):
    """The field above the list: only the classes holding its text are shown. Up, Down, Page Up and Page
    Down choose among them from the field, F2 renames the one chosen, Enter gives the keyboard to the list,
    and Esc (in the field or on the list) clears the filter; with no filter Esc closes the dialog as
    before. Ctrl+F comes back to it (the dialog's shortcut)."""

    # F2 typed in the field (a signal, not a callback: a dialog's method held here kept the dialog's
    # wrapper alive in a cycle after Qt had deleted the dialog)
    rename_asked = Signal()

    def __init__(self, view: QListWidget) -> None:
        super().__init__()
        self._view = view
        self._folded = FoldedNames([])
        self.setPlaceholderText("Filter classes (Ctrl+F)")
        self.setAccessibleName("Filter classes")
        self.setAccessibleDescription("Shows only the classes holding the text typed. Up and Down choose "
                                      "among them, F2 renames, Enter goes to the list, Esc clears the filter")
        self.setClearButtonEnabled(True)
        self.textChanged.connect(lambda _text: self.apply(choose=True))
        self.installEventFilter(self)
        view.installEventFilter(self)  # Esc on the list clears the filter too

    def listed(self, names: list[str]) -> None:
        """The list now holds ``names``, in its order (folded once, not at each key typed)."""
        self._folded = FoldedNames(names)
        self._folded.look_for(self.text())

    def shows(self, row: int) -> bool:
        """Whether the filter shows ``row`` of the names last `listed`."""
        return self._folded.finds(row)

    def clear_quietly(self) -> None:
        """No filter, the current class left as it is (the caller chooses it)."""
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)
        self._folded.look_for("")

    def apply(self, choose: bool) -> None:
        """Hide the classes the text is not in; with ``choose``, make current the class typed in its exact
        case where there is one, else the first shown (the current one kept where the filter is cleared)."""
        self._folded.look_for(self.text())
        for row in range(self._view.count()):
            self._view.item(row).setHidden(not self._folded.finds(row))
        if choose:
            self._view.setCurrentRow(self._best_row())

    def _best_row(self) -> int:
        shown, text = visible_rows(self._view), self.text()
        if not shown:
            return -1
        current = self._view.currentRow()
        if not text:
            return current if current in shown else shown[0]
        for exact in (lambda name: name == text, lambda name: text in name):  # the whole name, then a part
            row = next((row for row in shown if exact(class_name(self._view, row))), -1)
            if row >= 0:
                return row
        return shown[0]

    def take_keyboard(self) -> None:
        """Ctrl+F: the keyboard to the field, its text selected to be typed over."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if (not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress
                or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            return super().eventFilter(watched, event)
        key = event.key()
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            return True
        if watched is not self:
            return super().eventFilter(watched, event)
        if key in _MOVES:
            QApplication.sendEvent(self._view, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier))
            return True
        if key == Qt.Key.Key_F2:
            self.rename_asked.emit()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)
