"""Number entry fields that read and write numbers as the rest of petloc does: ASCII digits and a "."
(``0.35``, as the docs and `petloc train --val-fraction` write it), whatever the system's locale.

Qt's spin boxes follow the default locale: under de_DE "0.35" read as 35 (the "." a group separator) and
the field showed "0" while the run got the old value; under ar_EG it showed 0.20 in Arabic-Indic digits
and refused "0.3" and "0,3" alike, next to labels that write "0.11". Only the fields are set to the C
locale, not the whole app (`QLocale.setDefault`): the file dialogs keep the user's dates and sizes.
A "," is read as the decimal point too (a German keyboard's habit). A value the field cannot take
(out of its range) is refused where it is typed: Return keeps the text and says why, rather than
putting the previous value back unsaid and letting the dialog's default button start with it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QToolTip

RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def plain_locale() -> QLocale:
    """ASCII digits, "." for the decimal point, no group separator ("1000", never "1,000")."""
    locale = QLocale.c()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator | QLocale.NumberOption.RejectGroupSeparator)
    return locale


class _ReturnGuard:
    """Return on a text ``field`` cannot take: says why beside it and keeps the key, so the dialog's default
    button does not start with the value the field would silently put back.

    It names what was typed: Qt drops a keystroke its validator refuses, so "0.9" typed into a 0.05-0.50 field
    read "0." and the refusal said "0. is not a number…"; the text the validator last refused (`validated`) is
    named until the field's text changes. The refusal stays in the field's tooltip until the field holds a value it
    can take (a valid "0.3" kept saying "0. is not a number…"), then the tooltip it had before is back. A refused
    keystroke that made the number out of range refuses Return even where the text left is one the field takes
    (`_typed_out_of_range`)."""

    def __init__(self, field: QSpinBox | QDoubleSpinBox) -> None:
        self._field = field
        self._refused_text = ""  # what the validator last refused (a keystroke Qt dropped), until the text changes
        self._own_tooltip: str | None = None  # the field's tooltip, while a refusal stands in its place
        field.lineEdit().textChanged.connect(self._text_changed)

    def validated(self, text: str, answer):
        """The field's validator said ``answer`` of ``text`` (the text a keystroke or a paste would make): a
        refused one is kept to name (`_refused_on_return`). ``answer`` is passed back."""
        if (answer[0] if isinstance(answer, tuple) else answer) == QValidator.State.Invalid:
            field = self._field
            self._refused_text = text.removeprefix(field.prefix()).removesuffix(field.suffix()).strip()
        return answer

    def key_pressed(self, event, press: Callable[[QKeyEvent], None]) -> None:
        """``event`` on the field, passed on to ``press`` (the field's own keyPressEvent) unless refused."""
        if not self._refused_on_return(event):
            press(event)

    def _refused_on_return(self, event) -> bool:
        field = self._field
        if event.key() not in RETURN_KEYS or (field.hasAcceptableInput() and not self._typed_out_of_range()):
            return False
        low, high = field.textFromValue(field.minimum()), field.textFromValue(field.maximum())
        typed = self._refused_text or field.cleanText() or "An empty field"
        message = f"{typed} is not a number from {low} to {high}"
        if self._own_tooltip is None:
            self._own_tooltip = field.toolTip()
        field.setToolTip(message)
        QToolTip.showText(field.mapToGlobal(QPoint(0, field.height())), message, field)
        event.accept()
        return True

    def _typed_out_of_range(self) -> bool:
        """Whether the text the validator last refused is a number out of the field's range: "600" typed for
        epochs up to 500 left "60", which Return took, unsaid. (A junk keystroke, "60x", or a third decimal is
        dropped as Qt drops it: the text left is what was meant, or nearly.)"""
        try:
            typed = float(self._refused_text.replace(",", "."))
        except ValueError:
            return False
        return not self._field.minimum() <= typed <= self._field.maximum()

    def _text_changed(self, _text: str) -> None:
        self._refused_text = ""
        if self._own_tooltip is not None and self._field.hasAcceptableInput():
            self._field.setToolTip(self._own_tooltip)
            self._own_tooltip = None
            QToolTip.hideText()


class DecimalField(QDoubleSpinBox):
    """A decimal number, written ``0.35``; typed with "." or ","."""

    def __init__(self, **kwargs) -> None:
        self._return_guard: _ReturnGuard | None = None  # (Qt validates while the spin box is set up)
        super().__init__(**kwargs)
        self.setLocale(plain_locale())
        self._return_guard = _ReturnGuard(self)

    def validate(self, text: str, pos: int):  # Qt's name
        answer = super().validate(text.replace(",", "."), pos)
        return answer if self._return_guard is None else self._return_guard.validated(text, answer)

    def valueFromText(self, text: str) -> float:  # Qt's name
        return super().valueFromText(text.replace(",", "."))

    def fixup(self, text: str) -> str:  # Qt's name
        return super().fixup(text.replace(",", "."))

    def keyPressEvent(self, event) -> None:  # Qt's name
        if self._return_guard is not None:
            self._return_guard.key_pressed(event, super().keyPressEvent)


class WholeNumberField(QSpinBox):
    """A whole number in ASCII digits."""

    def __init__(self, **kwargs) -> None:
        self._return_guard: _ReturnGuard | None = None  # (Qt validates while the spin box is set up)
        super().__init__(**kwargs)
        self.setLocale(plain_locale())
        self._return_guard = _ReturnGuard(self)

    def validate(self, text: str, pos: int):  # Qt's name
        answer = super().validate(text, pos)
        return answer if self._return_guard is None else self._return_guard.validated(text, answer)

    def keyPressEvent(self, event) -> None:  # Qt's name
        if self._return_guard is not None:
            self._return_guard.key_pressed(event, super().keyPressEvent)
