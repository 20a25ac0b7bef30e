"""What Esc in the Label box puts back (`label_box.LabelBox`): the label the selected box had when the box got the
keyboard, or when it was shown there since (another image or box, the keyboard kept in the box), or was saved with
since. Qt's combo box keys relabel at each press there (Up/Down, PgUp/PgDown: the box is seen changing as they go),
as do the number keys, and Esc, the box's cancel (README), left the last of them applied: only Ctrl+Z, once a press,
took them back."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox

from petloc_gui.app.image_document import ImageDocument
from petloc_gui.ui.editing.edit_controller import EditController
from petloc_gui.ui.editing.undo_commands import SetLabelCommand


@dataclass(frozen=True, eq=False)
class _Mark:
    """The image's undo history as the Label box got the keyboard: its stack, where it stood, and the box;
    ``box_left``: no box was selected since, for a moment (its box deleted by the toolbar); ``again_at``: where the
    history stood when a box was selected at its place after that (the one deleted, brought back by Undo, or the
    next one moved up into its place: told apart at Esc, when the history has settled; while Undo brings the box
    back its selection comes before the stack's index moves)."""

    stack: QUndoStack
    index: int
    doc: ImageDocument
    place: int
    box_left: bool = False
    again_at: int | None = None

    def settled(self) -> _Mark:
        """This mark, or, when the box selected again at its place is another (the delete still among the steps
        since: Select next box, the next box moved up into the deleted one's place), one where it was selected: the
        old mark, below the delete, left Esc putting back nothing there."""
        if self.again_at is None or self.only_its_labels_since():
            return self
        return _Mark(self.stack, self.again_at, self.doc, self.place)

    def only_its_labels_since(self) -> bool:
        """Every step from the mark to where the image stands relabels the marked box (none: the delete undone)."""
        return all(isinstance(step, SetLabelCommand) and step.doc is self.doc and step.index == self.place
                   for step in (self.stack.command(i) for i in range(self.index, self.stack.index())))


class LabelsPutBack(QObject):
    """Marks where the image's undo history stood when the Label box ``combo`` got the keyboard (`mark`), and on
    Esc takes back the label changes of the selected box made since (`put_back`): undone, not relabelled again, so
    the image is as it was (a saved one not "edited", a pre-label still one) and Ctrl+Y brings them back. The box
    losing the keyboard for a reason in ``kept_while_away`` (a menu, its list, another window) keeps the mark; the
    image or the selected box changing under it moves the mark to the one shown now (`_shown_changed`)."""

    def __init__(self, edits: EditController, combo: QComboBox,
                 kept_while_away: tuple[Qt.FocusReason, ...]) -> None:
        super().__init__(combo)
        self.edits = edits
        self._combo = combo
        self._kept_while_away = kept_while_away
        self._mark: _Mark | None = None
        combo.installEventFilter(self)  # (the focus widget: its line edit's focus proxy)
        edits.selection_changed.connect(self._shown_changed)  # (another image shown selects its first box)
        edits.document_changed.connect(self._shown_changed)  # (an undo that removes the selected box)

    def eventFilter(self, watched, event) -> bool:  # Qt's name
        if watched is self._combo and event.type() == QEvent.Type.FocusIn:
            self.mark(fresh=event.reason() not in self._kept_while_away)
        elif watched is self._combo and event.type() == QEvent.Type.FocusOut \
                and event.reason() not in self._kept_while_away:
            self.forget()
        return False

    def mark(self, fresh: bool) -> None:
        """The box got the keyboard: ``fresh`` (a click, Tab, Alt+L), or back from a menu, its list or another
        window over it, where the mark it had stays."""
        stack, doc = self.edits.stack(), self.edits.doc
        if stack is None or doc is None:
            self._mark = None
        elif fresh or self._mark is None:
            self._mark = _Mark(stack, stack.index(), doc, self.edits.selected)

    def _shown_changed(self, _what: object = None) -> None:
        """The image shown or its selected box may have changed while the box has the keyboard, or keeps its mark
        away from it: a toolbar button (Next to review, Select next box) takes no keyboard from the box, and Go →
        Next image from the menu gives it back with the menu's reason, which keeps the mark. The old image's mark
        stayed, and Esc after Down on the new one put nothing back: the mark is now the one shown's, as it is."""
        mark = self._mark
        if mark is None and not self._combo.hasFocus():
            return
        same_image = mark is not None and self.edits.doc is mark.doc and self.edits.stack() is mark.stack
        if mark is not None and same_image and self.edits.selected in (-1, mark.place):
            # no box selected on the same image, for a moment (its box deleted by the toolbar, the keyboard still
            # here, then Undo): the mark stays, and Esc, the box back, puts back its label (the mark moved to "no
            # box" and on to the box back, and Esc left the arrows' dog); `put_back` checks the box and image, and
            # whether the box selected again at its place is it (`_Mark.again_at`)
            if self.edits.selected == -1:
                self._mark = replace(mark, box_left=True, again_at=None)
            elif mark.box_left and mark.again_at is None:  # (not moved by the relabels that follow)
                self._mark = replace(mark, again_at=mark.stack.index())
            return
        self.mark(fresh=True)

    def forget(self) -> None:
        """The box left (Enter, a click elsewhere, Tab, another image): what it changed stays."""
        self._mark = None

    def put_back(self) -> bool:
        """Undo the label changes made since `mark`, when they are all the selected box's on the image shown and
        the last of its history (another edit among them, by a toolbar button that leaves the keyboard here: Esc
        undoes nothing); not below where the image was saved since while it stands above that save (Ctrl+S and
        the toolbar's Save leave the keyboard here: Esc took back the label saved, the screen "edited" and the file
        as saved), and down to the mark once an undo went below the save. True when it undid any."""
        mark, self._mark = self._mark and self._mark.settled(), None
        stack = self.edits.stack()
        if mark is None or stack is not mark.stack or self.edits.doc is not mark.doc \
                or self.edits.selected != mark.place:
            return False
        # The saved point is a floor only between the mark and where the image stands: above it (Ctrl+Z past the
        # save) or none (-1: not reachable by undo), the mark is (a max() with it left Esc undoing nothing there)
        clean = stack.cleanIndex()
        back_to = clean if mark.index < clean <= stack.index() else mark.index
        if back_to >= stack.index() or not replace(mark, index=back_to).only_its_labels_since():
            return False
        stack.setIndex(back_to)
        return True
