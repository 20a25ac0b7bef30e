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

from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QToolTip

RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def plain_locale() -> QLocale:
    """ASCII digits, "." for the decimal point, no group separator ("1000", never "1,000")."""
    locale = QLocale.c()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator | QLocale.NumberOption.RejectGroupSeparator)
    return locale


def _refused_on_return(field: QSpinBox | QDoubleSpinBox, event) -> bool:
    """Return on a text the field cannot take: say why beside it and keep the key (True), so the dialog's
    default button does not start with the value the field would silently put back."""
    if event.key() not in RETURN_KEYS or field.hasAcceptableInput():
        return False
    low, high = field.textFromValue(field.minimum()), field.textFromValue(field.maximum())
    message = f"{field.cleanText() or 'An empty field'} is not a number from {low} to {high}"
    field.setToolTip(message)
    QToolTip.showText(field.mapToGlobal(QPoint(0, field.height())), message, field)
    event.accept()
    return True


class DecimalField(QDoubleSpinBox):
    """A decimal number, written ``0.35``; typed with "." or ","."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.setLocale(plain_locale())

    def validate(self, text: str, pos: int):  # Qt's name
        return super().validate(text.replace(",", "."), pos)

    def valueFromText(self, text: str) -> float:  # Qt's name
        return super().valueFromText(text.replace(",", "."))

    def fixup(self, text: str) -> str:  # Qt's name
        return super().fixup(text.replace(",", "."))

    def keyPressEvent(self, event) -> None:  # Qt's name
        if not _refused_on_return(self, event):
            super().keyPressEvent(event)


class WholeNumberField(QSpinBox):
    """A whole number in ASCII digits."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.setLocale(plain_locale())

    def keyPressEvent(self, event) -> None:  # Qt's name
        if not _refused_on_return(self, event):
            super().keyPressEvent(event)

