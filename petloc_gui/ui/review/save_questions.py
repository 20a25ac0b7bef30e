"""The questions a save asks (`save_guard`): which version to keep of a file another program changed, deleted or
created since it was read; whether to write through a symbolic link leading out of the dataset folder; whether to
replace an annotation file that cannot be read. Each names the file as written (plain text, `core.text.visible`)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QMessageBox, QWidget

from petloc_gui.app.disk_change import CHANGED, CREATED, DELETED, change_kind, change_words
from petloc_gui.core.errors import LinkTargetError
from petloc_gui.core.text import counted, visible
from petloc_gui.ui.keyboard_back import keyboard_back
from petloc_gui.ui.modal import modal
from petloc_gui.ui.plain_text import literal

KEEP_MINE, TAKE_THEIRS, SHOW_BOTH, CANCEL = "mine", "theirs", "both", "cancel"
# The answers "Do the same for the other … files" gives the later conflicts of a save: not Show both, whose merge
# each image needs sorted out by hand, nor Cancel, which stops the save anyway
FOR_THE_REST = (KEEP_MINE, TAKE_THEIRS)
_KIND_SHORT = {CHANGED: "changed", DELETED: "deleted", CREATED: "new"}


@dataclass(frozen=True)
class ConflictAnswer:
    """The button clicked (KEEP_MINE…), and whether "Do the same for the other … files in the rest of this save" was
    ticked."""

    choice: str
    for_the_rest: bool = False


def asked_kind(doc) -> str:
    """The kind of change (`app.disk_change`) the conflict question about ``doc`` names."""
    return change_kind(doc.disk_state, doc.external_change)


def ask_conflict(parent: QWidget, doc, left: int = 0, differs: str = "") -> ConflictAnswer:
    """Keep mine / take theirs / show both / cancel, for a file another program changed, deleted or
    created since it was read (``doc.external_change``: as found now; said as such, `app.disk_change`).
    A file deleted has no version to take or show beside mine: Keep mine writes it again, Discard
    mine (taking theirs: none) leaves it deleted. With ``left`` images after it in the save (Save all: 28
    files a git pull changed were 28 questions in a row), a box to tick answers the later ones of the same kind
    alike (`FOR_THE_REST`). ``differs``: a line on what differs between the two versions (`save_texts.what_differs`),
    "" when not simple."""
    kind = asked_kind(doc)
    box = QMessageBox(parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # a file "<b>x.xml" is named as it is, not drawn as markup
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(f"{kind.capitalize()} by another program")
    since = "" if kind == CREATED else " since you opened it"  # its words say "there was none" already
    box.setText(f"{visible(doc.annotation_path)} was {change_words(doc.disk_state, doc.external_change)}"
                f"{since}, and you have unsaved edits." + (f"\n{differs}" if differs else ""))
    if kind == DELETED:
        back = " (Ctrl+Z brings your edits back)" if doc.objects or doc.verified else ""  # (none: no undo step)
        box.setInformativeText(
            "Keep mine: save your version, which writes the file again.\n"
            f"Discard mine: leave it deleted, with no annotation shown{back}.")
        buttons: dict[QAbstractButton, str] = {
            box.addButton("Keep mine", QMessageBox.ButtonRole.AcceptRole): KEEP_MINE,
            box.addButton("Discard mine", QMessageBox.ButtonRole.DestructiveRole): TAKE_THEIRS,
            box.addButton(QMessageBox.StandardButton.Cancel): CANCEL,
        }
    else:
        box.setInformativeText(
            "Keep mine: save your version over theirs.\n"
            "Take theirs: show the version on disk (Ctrl+Z brings your edits back).\n"
            "Show both: the version on disk as it is, its verified mark too, plus your boxes it lacks, "
            "unsaved.")
        buttons = {
            box.addButton("Keep mine", QMessageBox.ButtonRole.DestructiveRole): KEEP_MINE,
            box.addButton("Take theirs", QMessageBox.ButtonRole.AcceptRole): TAKE_THEIRS,
            box.addButton("Show both", QMessageBox.ButtonRole.ActionRole): SHOW_BOTH,
            box.addButton(QMessageBox.StandardButton.Cancel): CANCEL,
        }
    tick = None
    if left:
        # (the count is of every image left in the save, changed or not: "(27 images left)" read as 27 changed files)
        tick = QCheckBox(f"Do the same for the other {_KIND_SHORT[kind]} files in the rest of this save "
                         f"({counted(left, 'image')} left to save)")
        tick.setToolTip("Keep mine or Take theirs then answers them without asking; after Show both each "
                        "image is asked, and Cancel stops the save.")
        box.setCheckBox(tick)
    with keyboard_back(), modal(box):
        box.exec()
        return ConflictAnswer(buttons.get(box.clickedButton(), CANCEL), tick is not None and tick.isChecked())


def confirm_link(parent: QWidget, doc, exc: LinkTargetError) -> bool:
    """Yes/No: write through ``doc``'s annotation, a symbolic link to a file outside the dataset folder."""
    with keyboard_back():
        answer = QMessageBox.question(
            parent, "Save through a symbolic link?",
            literal(f"{visible(doc.annotation_path.name)} is a symbolic link to\n{visible(exc.target)}\n"
                    "which is outside the dataset folder. Saving replaces that file.\n\n"
                    f"Write the annotation to {visible(exc.target)}?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def confirm_overwrite(parent: QWidget, doc, reason: str | None = None, since_read: bool = False,
                      cannot_look: bool = False) -> bool:
    """Yes/No: replace an annotation file that cannot be read (``reason``: why, as looked at now; by
    default the document's load error; ``since_read``: another program made it so after it was read;
    ``cannot_look``: it cannot be opened at all now, a permission or I/O failure, not a broken file)."""
    if cannot_look:
        how = "cannot be looked at now (it could be read when it was opened)"
    elif since_read:
        how = "was replaced by another program with a file that cannot be read"
    else:
        how = "cannot be read"
    with keyboard_back():
        answer = QMessageBox.question(
            parent, "Overwrite unreadable annotation?",
            literal(f"{visible(doc.annotation_path)} {how}:\n{visible(reason or doc.load_error)}\n\n"
                    "Replace it with the boxes shown?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
