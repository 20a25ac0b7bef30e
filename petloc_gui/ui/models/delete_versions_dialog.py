"""Model → Versions → Delete versions…: check the trained versions to delete, each with the disk space it takes.

A user retraining daily piled up versions (3.6 MB each for digits, more for pets) and the menu could only pick
one or open the versions folder: deleting by hand there skipped every check Discard makes, and took the model a
folder remembers or the one a window predicts with. Each version is deleted through
`app.version_users.delete_version`, as `petloc models --delete` does; one in use is listed greyed with why (this
window's model, a folder that remembers it, another window that has it loaded, a Retraining window that still
asks Use or Discard), and one that came into use since the list was made is kept, said below the list with what
to do. A version others were fine-tuned from says so in its row, still deletable, and again once deleted
(`app.version_children`): deleted unsaid, the children's record of the images they learned from broke. The
list is made again after each delete; Close (Escape) leaves. Nothing is checked at first and Delete is never the
default button: Enter alone deletes nothing.

Keyboard: Tab from the list goes to "Delete checked", then Close (the box made Close first, so the focus chain
went list → Close: Space, Tab, Space closed the dialog with nothing deleted and nothing said). Enter in the list
checks or unchecks the row as Space does: it reached the dialog, which closed, the checks silently dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from petloc_gui.app.version_children import children, children_said, store_name
from petloc_gui.app.version_users import delete_version, folder_bytes, in_use_said, size_text, users_now, way_out
from petloc_gui.core.errors import SaveError
from petloc_gui.core.text import visible
from petloc_gui.model.versions import Version, VersionError, VersionInUse, VersionStore
from petloc_gui.ui.plain_text import literal

TITLE = "Delete model versions"
INTRO = ("Check the trained versions to delete (Space checks the one selected). Their files are deleted; this "
         "cannot be undone. A version in use is greyed, with why.")
THIS_WINDOW = "this window uses it as its model: pick another in Model → Versions first"
ASKED_HERE = "its Retraining window asks Use or Discard for it: choose there"
NONE_TEXT = "No trained versions: nothing to delete."


class DeleteVersionsDialog(QDialog):
    """The store's versions, newest first, checkable where not in use; Delete deletes the checked ones."""

    def __init__(self, store: VersionStore, current_spec: Callable[[], str], parent: QWidget | None = None,
                 undecided: Callable[[], str | None] = lambda: None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self._store, self._current_spec, self._undecided = store, current_spec, undecided
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Trained model versions")
        # why a version is in use on lines of its own, wrapped: on one line it ran past the list's edge (a folder's
        # whole path), cut by a scroll bar
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemChanged.connect(lambda _item: self._enable_delete())
        self.said = QLabel()  # what the last Delete did
        self.said.setWordWrap(True)
        self.said.setTextFormat(Qt.TextFormat.PlainText)  # a folder "<b>data" named as it is
        self.said.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.delete_button = QPushButton("&Delete checked")
        self.delete_button.setAutoDefault(False)  # Enter in the list never deletes
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.delete_button.clicked.connect(self.delete_checked)
        self.list.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.said)
        layout.addWidget(buttons)
        # (once all are in this window) where its place left of Close says it is
        self.setTabOrder(self.list, self.delete_button)
        self.setTabOrder(self.delete_button, buttons.button(QDialogButtonBox.StandardButton.Close))
        self.resize(720, 360)
        self.refresh()
        self.list.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the list checks or unchecks the current row (as Space does) instead of closing the dialog."""
        if (watched is self.list and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):  # type: ignore[attr-defined]
            item = self.list.currentItem()
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                checked = item.checkState() == Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            return True  # a greyed or no row: Enter does nothing, never closes
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        """List the store's versions again, each in use greyed with why."""
        self.list.clear()
        try:
            versions = list(reversed(self._store.list()))
        except OSError as exc:
            versions = []
            self.said.setText(visible(f"The versions in {self._store.root} cannot be listed: {exc}"))
        here, asked = model_folder(self._current_spec()), self._undecided()
        loaded_here = {version.path for version in versions if here is not None and model_folder(version.path) == here}
        asked_here = {version.path for version in versions if version.id == asked}
        # this window's own mark and asking left out where THIS_WINDOW / ASKED_HERE say them (else said twice)
        used = users_now(self._store, versions, loaded_here=loaded_here, asked_here=asked_here)
        fine_tuned = children(self._store)
        for version in versions:
            why = "; ".join(part for part in (THIS_WINDOW if version.path in loaded_here else "",
                                              ASKED_HERE if version.path in asked_here else "",
                                              used.get(version.path, "")) if part)
            self.list.addItem(_item(version, why, children_said(fine_tuned.get(version.path, []))))
        if not versions:
            empty = QListWidgetItem(NONE_TEXT)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        first = next((row for row in range(self.list.count())
                      if self.list.item(row).flags() & Qt.ItemFlag.ItemIsEnabled), 0)
        self.list.setCurrentRow(first)
        self._enable_delete()

    def checked_folders(self) -> list[Path]:
        """The folders of the versions checked: an id can be in two preset folders (a copy filed in another
        preset's folder left behind), and the one checked is the one deleted."""
        return [Path(item.data(Qt.ItemDataRole.UserRole)) for item in self._items()
                if item.checkState() == Qt.CheckState.Checked]

    def item_of(self, version: str | Path) -> QListWidgetItem | None:
        """The row of the version in the folder ``version``, or of the first one whose id it is."""
        return next((item for item in self._items() if (folder := Path(item.data(Qt.ItemDataRole.UserRole))) ==
                     Path(version) or folder.name == version), None)

    def delete_checked(self) -> None:
        """Delete each checked version (`delete_version`: one in use since the list was made is kept), say what
        was done below the list, and list the store again."""
        lines = []
        fine_tuned = children(self._store)  # before: a deleted one's meta.json no longer names its id
        for folder in self.checked_folders():
            name = store_name(folder)
            try:
                freed = delete_version(self._store, folder)
            except VersionInUse as used:
                lines.append(f"Kept {name}: {in_use_said(used)}; {way_out(used)}.")
            except (OSError, SaveError, VersionError) as exc:
                lines.append(f"Could not delete {name}: {exc}")
            else:
                note = children_said(fine_tuned.get(folder, []))
                lines.append(f"Deleted {name} ({size_text(freed)} freed){f'; {note}' if note else ''}.")
        self.refresh()
        self.said.setText(visible("\n".join(lines), keep_newlines=True))

    def _items(self) -> list[QListWidgetItem]:
        return [item for row in range(self.list.count()) if (item := self.list.item(row)).data(
            Qt.ItemDataRole.UserRole)]

    def _enable_delete(self) -> None:
        self.delete_button.setEnabled(bool(self.checked_folders()))


def _item(version: Version, why: str, note: str = "") -> QListWidgetItem:
    """A version's row: its folders' name, date, id and size; greyed with why when in use; ``note``: what
    deleting it does to others (`children_said`), the row still checkable."""
    date = version.created[:16].replace("T", " ") if version.created else "date unknown"
    text = f"{version.path.parent.name} {date}  ·  {version.id}  ·  {size_text(folder_bytes(version.path))}"
    lines = [f"in use: {why}" if why else "", f"note: {note}" if note else ""]
    item = QListWidgetItem("\n    ".join([visible(text)] + [visible(line) for line in lines if line]))
    item.setData(Qt.ItemDataRole.UserRole, str(version.path))  # its folder: an id can be in two preset folders
    item.setToolTip(literal(visible("\n".join([str(version.path)] + [line for line in lines if line]))))
    if why:
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # greyed, never checked
    else:
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
    return item


def model_folder(spec: str | Path | None) -> Path | None:
    """The real folder of the model ``spec`` names, found as the window found it to load it (`bundle.resolve_model`):
    a store name "digits/<id>" (as --model and `petloc models` give it) is a version of the store from any working
    directory; taken for a path alone, the model in use was left unticked unless petloc was started in the store's
    folder. None when it names no model. (The Versions menu ticks by it too.)"""
    from petloc_gui.core.errors import PetlocError
    from petloc_gui.model.bundle import resolve_model

    if not spec:
        return None
    try:
        return resolve_model(spec).resolve()
    except (OSError, ValueError, PetlocError):
        return None
