"""Edit → Classes…: the folder's class list, with Add, Rename and Delete.

Enter, F2 or a double-click on a class renames it, as in a file manager or labelme's label list;
each button has its own access key (Alt+A, Alt+R, Alt+D) and none is Enter's default, which made
Enter on a selected class open "Add a class". Enter on a focused button presses that button.

The dialog is as wide as its longest class needs, up to the screen's room; a name still too wide is
elided in the middle, so near-identical long names ("…_v1", "…_v10", "…_v2") and the "key N" after
them stay told apart, and each item's tooltip starts with the whole name.

A field above the list filters it as the user types (`class_filter`: a folder can hold 120 classes,
DOG_1, Dog and dog among them); the buttons act on the class selected among those shown, and the number
keys stay those of the whole list. Tab goes from the filter to the list, then to the buttons.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from petloc_gui.core.label_variants import form_notes
from petloc_gui.core.text import tidy_name
from petloc_gui.ui.editing.class_filter import ClassFilter, TypeAheadList, visible_rows
from petloc_gui.ui.editing.label_box import key_of
from petloc_gui.ui.editing.name_then_key import NameThenKey
from petloc_gui.ui.modal import modal
from petloc_gui.ui.plain_text import as_plain, literal
from petloc_gui.ui.window_geometry import shrink_to_screen
from petloc_gui.ui.wrap_points import breakable, breakable_words

MIN_WIDTH = 480
ITEM_PADDING_PX = 16  # a list item's margins and focus frame, with room to spare


def told_apart(name: str, notes: dict[str, str]) -> str:
    """``name`` with what tells it from a class it shows alike (``notes``, `form_notes`): "été (decomposed)"."""
    return f"{name} ({notes[name]})" if name in notes else name


class ClassActions(Protocol):
    """What the dialog asks of the open folder (review.class_editor.ClassEditor)."""

    def names(self) -> list[str]: ...

    def describe(self, name: str) -> str: ...

    def add(self, name: str) -> str: ...

    def rename(self, old: str, new: str) -> str: ...

    def delete(self, name: str) -> str: ...


class ClassListDialog(QDialog):
    """Each action answers with one line (done, or why not), shown under the list."""

    def __init__(self, actions: ClassActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Classes")
        # (not `actions` nor `result`: they would hide QWidget.actions() and QDialog.result())
        self.class_actions = actions
        self.list = TypeAheadList()
        self.list.setAccessibleName("Classes")
        # the ends of a long name tell it from its neighbours (…_v1, …_v10), and its number key follows it
        # (`NameThenKey`): an item as wide as the list, laid out again when the list is resized
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setItemDelegate(NameThenKey(self.list))
        self.list.setAccessibleDescription("Enter, F2 or a double-click renames the selected class")
        self.list.installEventFilter(self)  # Enter and F2 (`eventFilter`)
        self.list.itemDoubleClicked.connect(lambda _item: self._ask_rename())
        self.filter = ClassFilter(self.list)
        self.filter.rename_asked.connect(self._ask_rename)
        QShortcut(QKeySequence.StandardKey.Find, self, self.filter.take_keyboard)
        self.result_line = QLabel("")  # set by `_say`
        self.result_line.setWordWrap(True)
        # a class named "<b>cat" is said as typed, not as markup
        self.result_line.setTextFormat(Qt.TextFormat.PlainText)
        self.add_button = QPushButton("&Add…")
        self.rename_button = QPushButton("&Rename…")
        self.delete_button = QPushButton("&Delete")
        self.add_button.clicked.connect(self._ask_add)
        self.rename_button.clicked.connect(self._ask_rename)
        self.delete_button.clicked.connect(self._delete)
        self.list.currentRowChanged.connect(self._selected)
        note = QLabel("Kept in the folder's predefined_classes.txt (labelImg's format). Renaming relabels every "
                      "box of that class in this folder (undoable per image, saved when you save).")
        note.setWordWrap(True)
        side = QVBoxLayout()
        for button in (self.add_button, self.rename_button, self.delete_button):
            side.addWidget(button)
        side.addStretch(1)
        listed = QVBoxLayout()
        listed.addWidget(self.filter)
        listed.addWidget(self.list, 1)
        body = QHBoxLayout()
        body.addLayout(listed, 1)
        body.addLayout(side)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        # No default button: an auto-default one would be pressed by Enter wherever the focus is, and
        # Qt makes the first the dialog's default (Add… opened on Enter on the list; with Add… taken
        # out, Close shut the dialog on Enter on a focused Add…). Enter is given out in `eventFilter`.
        self._buttons = (self.add_button, self.rename_button, self.delete_button, self.close_button)
        for button in self._buttons:
            button.setAutoDefault(False)
            button.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(body, 1)
        layout.addWidget(self.result_line)
        layout.addWidget(close)
        # the layouts' order gives this chain today; set, so a layout moved cannot take the filter out of it
        for before, after in pairwise((self.filter, self.list, *self._buttons)):
            QWidget.setTabOrder(before, after)
        self.filter.setFocus(Qt.FocusReason.OtherFocusReason)  # typing at once filters the list
        self.refresh()
        self.resize(max(MIN_WIDTH, self._width_for_names()), 420)
        shrink_to_screen(self, parent)  # at 200% on a 1366 x 768 screen Close was below its edge; the list gives way

    def _width_for_names(self) -> int:
        """The dialog's width with its widest item whole: the list's text, its frame, scroll bar and item
        margins, and the dialog beside the list (the buttons, the margins)."""
        metrics = self.list.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.list.item(i).text()) for i in range(self.list.count())),
                     default=0)
        list_width = (widest + 2 * self.list.frameWidth() + self.list.verticalScrollBar().sizeHint().width()
                      + ITEM_PADDING_PX)
        return self.sizeHint().width() - self.list.sizeHint().width() + list_width

    def refresh(self, keep: str | None = None) -> None:
        """List the classes again, ``keep`` current (the filter cleared where it hides it), else the first shown."""
        self.list.clear()
        names = self.class_actions.names()
        # each class's number key, as F1 lists them: a rename or a delete may move them (the result says so)
        keys = key_of(names)
        notes = form_notes(names)  # "été" composed and decomposed: two rows alike, told apart ("(composed)")
        for name in names:
            told = told_apart(name, notes)
            # "no key" said where the key goes: a class past the ten keys read as a row cut short
            item = QListWidgetItem(f"{told}    key {keys[name]}" if name in keys else f"{told}    no key")
            item.setData(Qt.ItemDataRole.UserRole, name)
            # whole, however it is elided, and with places to wrap: a name wider than the screen ran off its edge
            item.setToolTip(as_plain(f"{breakable(name)}\n{self.class_actions.describe(name)}"))
            self.list.addItem(item)
        self.filter.listed(names)
        if keep in names and not self.filter.shows(names.index(keep)):
            self.filter.clear_quietly()  # a class added or renamed out of the filter's reach is shown
        self.filter.apply(choose=False)
        shown = visible_rows(self.list)
        self.list.setCurrentRow(names.index(keep) if keep in names else (shown[0] if shown else -1))
        self._selected(self.list.currentRow())

    def names(self) -> list[str]:
        """The classes listed, in order (each item shows its number key too)."""
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def current(self) -> str | None:
        """The class selected among those shown (one the filter hides is not acted on)."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None and not item.isHidden() else None

    def _selected(self, row: int) -> None:
        self.rename_button.setEnabled(self.current() is not None)
        self.delete_button.setEnabled(self.current() is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        # Enter and F2 on the list rename the class; Enter on a focused button presses it (a button
        # that is not auto-default passes Enter on to the dialog, which has no default to give it to).
        if (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)):
            if watched is self.list:
                self._ask_rename()
                return True
            if isinstance(watched, QPushButton) and watched in self._buttons and event.key() != Qt.Key.Key_F2:
                watched.click()
                return True
        return super().eventFilter(watched, event)

    def _ask_add(self) -> None:
        name, ok = self._ask_text("Add a class", "Class name:")
        if ok:
            self.add(name)

    def _ask_rename(self) -> None:
        old = self.current()
        if old is None:
            return
        # the prompt is Qt's AutoText: "<b>cat</b>" read "New name for **cat**:", its tags gone
        told = told_apart(old, form_notes(self.class_actions.names()))  # "chat_été (decomposed)"
        new, ok = self._ask_text("Rename a class", literal(f"New name for {told}:"), old)
        new = tidy_name(new)  # as `rename` takes it: "dog " is the class dog, and merges into it as "dog" does
        if ok and self._merge_agreed(old, new):
            self.rename(old, new)

    def _merge_agreed(self, old: str, new: str) -> bool:
        """Renaming into another class merges the two, and undo is per image: asked first."""
        if new == old or new not in self.class_actions.names():
            return True
        notes = form_notes([old, new])  # one name in two Unicode forms read "chat_été ... becomes chat_été"
        old, new = told_apart(old, notes), told_apart(new, notes)
        answer = QMessageBox.question(
            self, "Merge two classes?",
            literal(f"{new} is already a class: every box labelled {old} becomes {new}, and the two can only be "
                    "told apart again one image at a time (undo is per image). Merge them?"),  # "<b>cat" as named
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_text(self, title: str, label: str, text: str = "") -> tuple[str, bool]:
        """QInputDialog.getText, wide enough for its title (at ~200 px it read "Renam... class")."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        # on its text field: the dialog's layout sets the dialog's own minimum from its contents
        field = dialog.findChild(QLineEdit)
        if field is not None:  # (never None: setTextValue made the dialog's line edit)
            field.setMinimumWidth(max(300, 2 * dialog.fontMetrics().horizontalAdvance(title)))
        with modal(dialog):
            ok = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.textValue(), ok

    def _delete(self) -> None:
        name = self.current()
        if name is not None:
            self.delete(name)

    def _say(self, result: str) -> None:
        # the names in it breakable: "Added <a 200-character name>." set the label's least width, and the
        # dialog's, to 1502 px on a 1366 px screen (Add, Rename, Delete and Close off its edge)
        self.result_line.setText(breakable_words(result))

    # The actions themselves (the buttons' dialogs end here; tests call them directly).
    def add(self, name: str) -> None:
        name = tidy_name(name)
        self._say(self.class_actions.add(name) if name else "A class needs a name.")
        self.refresh(name)

    def rename(self, old: str, new: str) -> None:
        new = tidy_name(new)
        self._say(self.class_actions.rename(old, new) if new else "A class needs a name.")
        self.refresh(new or old)

    def delete(self, name: str) -> None:
        shown = [self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in visible_rows(self.list)]
        at = shown.index(name) if name in shown else len(shown)
        self._say(self.class_actions.delete(name))
        names = self.class_actions.names()
        # refused: it stays selected (a second Delete must not hit the first row's class); deleted: the
        # class shown that took its place (the next, else the one before), the filter kept
        followers = [other for other in (*shown[at + 1:], *reversed(shown[:at])) if other in names]
        self.refresh(name if name in names else followers[0] if followers else None)
