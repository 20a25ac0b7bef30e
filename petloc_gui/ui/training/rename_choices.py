"""The Retrain dialog's classes of a fine-tune: each class new to the current model, "a new class" or
"renamed from <old>" (ADR 0011), and what the new model's classes will be.

A class renamed with Edit → Classes (american_bulldog → bulldog) is the same class: told so, the
fine-tune lists bulldog in american_bulldog's place and starts it from that class's weights; not told,
bulldog starts untrained and the new model keeps american_bulldog (it went on predicting it). Offered
when the current model has classes on no box of the folder; prefilled from the renames of this session.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from petloc_gui.core.text import visible
from petloc_gui.model.class_renames import class_names_after

NEW_CLASS = ""  # a combo's data for "a new class"


def classes_text(parent: Sequence[str], new: Sequence[str], unused: Sequence[str],
                 renamed: Mapping[str, str]) -> str:
    """"The new model's classes: a, bulldog (american_bulldog renamed: starts from its weights), kitten
    (new: starts untrained)." and the current model's classes on no box that it keeps; "" when the
    fine-tune adds no class."""
    if not new:
        return ""
    names = class_names_after(parent, renamed, new)
    shown = [f"{visible(n)} ({visible(renamed[n])} renamed: starts from its weights)" if n in renamed else
             f"{visible(n)} (new: starts untrained)" if n in new else visible(n) for n in names]
    text = f"The new model's classes: {', '.join(shown)}."
    kept = [visible(n) for n in unused if n not in renamed.values()]
    if kept:
        it = "it" if len(kept) == 1 else "them"
        text += (f" No box of this folder has {', '.join(kept)}: the new model keeps {it} as the current model "
                 f"learned {it}.")
    return text


class RenameChoices(QWidget):
    """A row per class new to the current model: "a new class" or "<old> renamed" for each of its
    classes on no box of the folder; `renamed` is the choice (``{new name: old name}``)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._classes: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None = None
        self._combos: dict[str, QComboBox] = {}
        self.heading = QLabel("Classes new to the current model: is one of them one of its classes, renamed?")
        self.heading.setWordWrap(True)
        self.form = QFormLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # class names ("<b>cat") as they are, never markup
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.summary)

    def set_classes(self, parent: Sequence[str], new: Sequence[str], unused: Sequence[str],
                    session_renames: Mapping[str, str]) -> None:
        """The current model's classes, the folder's classes new to it and its classes on no box; a new
        class that ``session_renames`` (``{old: name now}``) made of one of those is prefilled
        "renamed". The same classes again (a preview redone) keep the choices made."""
        classes = (tuple(parent), tuple(new), tuple(unused))
        if classes != self._classes:
            self._classes = classes
            self._fill(new, unused, session_renames)
        self._show_summary()

    def renamed(self) -> dict[str, str]:
        """``{new name: the current model's name}`` as chosen."""
        return {new: combo.currentData() for new, combo in self._combos.items() if combo.currentData()}

    def asks(self) -> bool:
        """Whether there is a choice to make (some new class and some class of the model on no box)."""
        return bool(self._combos)

    def combo(self, new: str) -> QComboBox:
        return self._combos[new]

    def _fill(self, new: Sequence[str], unused: Sequence[str], session_renames: Mapping[str, str]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self._combos = {}
        offered = list(unused) if new else []
        self.heading.setVisible(bool(offered))
        if not offered:
            return
        taken: set[str] = set()
        for name in new:
            combo = QComboBox()
            combo.addItem("a new class (starts untrained)", NEW_CLASS)
            for old in offered:
                combo.addItem(f"{visible(old)} renamed (starts from its weights)", old)
            prefill = next((old for old in offered if session_renames.get(old) == name and old not in taken), None)
            if prefill is not None:
                combo.setCurrentIndex(combo.findData(prefill))
                taken.add(prefill)
            combo.currentIndexChanged.connect(lambda _i, chosen=name: self._chosen(chosen))
            self._combos[name] = combo
            label = QLabel(f"{visible(name)}:")  # addRow(str, …) made an AutoText label: "<b>kitten" in bold
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setBuddy(combo)  # as addRow(str, …) did: the combo is named by its class (accessibility)
            self.form.addRow(label, combo)

    def _chosen(self, name: str) -> None:
        """One old class is one new class's: another new class that had it is a new class again (seen)."""
        old = self._combos[name].currentData()
        if old:
            for other, combo in self._combos.items():
                if other != name and combo.currentData() == old:
                    combo.setCurrentIndex(combo.findData(NEW_CLASS))
        self._show_summary()
        self.changed.emit()

    def _show_summary(self) -> None:
        parent, new, unused = self._classes or ((), (), ())
        self.summary.setText(classes_text(parent, new, unused, self.renamed()))
        self.summary.setVisible(bool(self.summary.text()))
