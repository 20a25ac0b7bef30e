"""Number entry fields that read and write numbers as the rest of petloc does: ASCII digits and a "."
(``0.35``, as the docs and `petloc train --val-fraction` write it), whatever the system's locale.

Qt's spin boxes follow the default locale: under de_DE "0.35" read as 35 (the "." a group separator) and
the field showed "0" while the run got the old value; under ar_EG it showed 0.20 in Arabic-Indic digits
and refused "0.3" and "0,3" alike, next to labels that write "0.11". Only the fields are set to the C
locale, not the whole app (`QLocale.setDefault`): the file dialogs keep the user's dates and sizes.
A "," is read as the decimal point too (a German keyboard's habit). A value the field cannot take
(out of its range) is refused where it is typed: Return keeps the text and says why, rather than
putting the previous value back unsaid and letting the dialog's default button start with it. The
refusal stands, in view, until the field holds a value it can take: leaving the field keeps what it
refused (Qt put the previous value back, or kept the "60" of a refused "600"), and the dialog asks
`refused` before it is accepted by any route (Return in another field, its button).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QLocale, Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPalette, QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QSpinBox, QToolTip

RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def plain_locale() -> QLocale:
    """ASCII digits, "." for the decimal point, no group separator ("1000", never "1,000")."""
    locale = QLocale.c()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator | QLocale.NumberOption.RejectGroupSeparator)
    return locale


class _RefusalGuard:
    """What a text ``field`` refused, kept in view until it holds a value it can take.

    It names what was typed: Qt drops a keystroke its validator refuses, so "0.9" typed into a 0.05-0.50 field
    read "0." and the refusal said "0. is not a number…"; the text the validator last refused is named until the
    field's text changes. A refused keystroke that made the number out of range (`_out_of_range`) is a refusal too,
    where the text left is one the field takes: "600" typed for epochs up to 500 left "60", which a run then took,
    unsaid. (A junk keystroke, "60x", or a third decimal is dropped as Qt drops it: the text left is what was
    meant, or nearly.)

    A refusal said (Return in the field, the keyboard leaving it, the keystroke Qt dropped, the dialog's `refused`)
    stands until the field holds a value it can take: in the field's tooltip, its text marked, the field's
    ``refusal_said`` given it (a `RefusalNote` shows it); then the tooltip and the look it had before are back.
    Leaving the field keeps the text it refused: Qt put the previous value back unsaid (0.9 typed, then Tab, read
    0.20), or kept the 60 left of 600."""

    def __init__(self, field: QSpinBox | QDoubleSpinBox, said: SignalInstance) -> None:
        self._field = field
        self._said_to = said
        self._refused_text = ""  # what the validator last refused (a keystroke Qt dropped), until the text changes
        self._out_of_range = ""  # such a text that is a number out of the field's range, until the text changes
        self.said = ""  # the refusal said and standing: the field's tooltip, its text marked
        self._own_tooltip = ""  # the field's tooltip, while a refusal stands in its place
        self._own_palette: QPalette | None = None  # its text's look, while marked
        self._leaving = False  # the keyboard leaving: Qt puts the value's text back, which is no correction
        field.lineEdit().textChanged.connect(self._text_changed)

    def validated(self, text: str, answer):
        """The field's validator said ``answer`` of ``text`` (the text a keystroke or a paste would make): a
        refused one is kept to name (`refusal`). ``answer`` is passed back."""
        if (answer[0] if isinstance(answer, tuple) else answer) == QValidator.State.Invalid:
            field = self._field
            self._refused_text = text.removeprefix(field.prefix()).removesuffix(field.suffix()).strip()
            if self._is_out_of_range(self._refused_text):
                self._out_of_range = self._refused_text
        return answer

    def refusal(self) -> str:
        """Why the field cannot take what it holds ("600 is not a number from 1 to 500"); "" when it can."""
        field = self._field
        if field.hasAcceptableInput() and not self._out_of_range:
            return ""
        # each kind's bounds are its own kind of number, which mypy cannot pair up across the union
        low, high = field.textFromValue(field.minimum()), field.textFromValue(field.maximum())  # type: ignore[arg-type]
        typed = self._out_of_range or self._refused_text or field.cleanText() or "An empty field"
        return f"{typed} is not a number from {low} to {high}"

    def say(self) -> bool:
        """The field's refusal, if any, made to stand; whether there was one. Nothing pops up: a tooltip shown
        under Epochs sat over the Validation fraction field and took the click meant for it (the keyboard stayed
        in Epochs, and "0.9" typed there made it "09", taken); the `RefusalNote` under the fields says it."""
        message = self.refusal()
        if not message:
            return False
        field = self._field
        if not self.said:
            self._own_tooltip = field.toolTip()
            self._own_palette = QPalette(field.lineEdit().palette())
            field.lineEdit().setPalette(_marked(self._own_palette))
        self.said = message
        field.setToolTip(message)  # said again on hover
        self._said_to.emit(message)
        return True

    def key_pressed(self, event, press: Callable[[QKeyEvent], None]) -> None:
        """``event`` on the field, passed on to ``press`` (the field's own keyPressEvent) but Return on a refusal:
        said, the key kept from the dialog's default button. A keystroke Qt drops as out of range is said at once."""
        if event.key() in RETURN_KEYS and self.say():
            event.accept()
            return
        before = self._out_of_range
        press(event)
        if self._out_of_range and self._out_of_range != before:
            self.say()

    def focus_left(self, event, leave: Callable[[QFocusEvent], None]) -> None:
        """The keyboard left the field (``leave``: the field's own focusOutEvent): what it refused stays as typed,
        and is said."""
        text, refused = self._field.lineEdit().text(), (self._refused_text, self._out_of_range)
        if not self.refusal():
            leave(event)
            return
        self._leaving = True
        try:
            leave(event)
            self._field.lineEdit().setText(text)
        finally:
            self._leaving = False
        self._refused_text, self._out_of_range = refused
        self.say()

    def _is_out_of_range(self, typed: str) -> bool:
        try:
            number = float(typed.replace(",", "."))
        except ValueError:
            return False
        return not self._field.minimum() <= number <= self._field.maximum()

    def _text_changed(self, _text: str) -> None:
        if self._leaving:
            return
        self._refused_text = self._out_of_range = ""
        if self.said and self._field.hasAcceptableInput():
            self.said = ""
            self._field.setToolTip(self._own_tooltip)
            if self._own_palette is not None:
                self._field.lineEdit().setPalette(self._own_palette)
            QToolTip.hideText()  # the field's tooltip, hovered, may still say the refusal
            self._said_to.emit("")


def _marked(palette: QPalette) -> QPalette:
    """``palette`` with its text red, dark on a light field and light on a dark one (a dark theme)."""
    marked = QPalette(palette)
    dark_field = palette.color(QPalette.ColorRole.Base).lightness() < 128
    marked.setColor(QPalette.ColorRole.Text, QColor("#ff8080" if dark_field else "#b00000"))
    return marked


class _Refusing:
    """The two fields' refusals (`_RefusalGuard`). First in their bases, so its key and focus handlers are the ones
    Qt calls (a Python override of a Qt virtual reaches Qt from a mixin too); ``super()`` there is the spin box's."""

    _guard: _RefusalGuard | None

    def keyPressEvent(self, event) -> None:  # Qt's name
        if self._guard is not None:
            self._guard.key_pressed(event, super().keyPressEvent)  # type: ignore[misc]

    def focusOutEvent(self, event) -> None:  # Qt's name
        if self._guard is not None:
            self._guard.focus_left(event, super().focusOutEvent)  # type: ignore[misc]

    def refusal(self) -> str:
        """Why it cannot take what it holds ("600 is not a number from 1 to 500"); "" when it can."""
        return self._guard.refusal() if self._guard is not None else ""

    def said_refusal(self) -> str:
        """The refusal said and standing (its tooltip, its text marked); "" when none stands."""
        return self._guard.said if self._guard is not None else ""

    def say_refusal(self) -> bool:
        """Its refusal, if any, said (its tooltip, its text marked, the `RefusalNote`) and made to stand; whether
        there was one."""
        return self._guard is not None and self._guard.say()


class DecimalField(_Refusing, QDoubleSpinBox):
    """A decimal number, written ``0.35``; typed with "." or ","."""

    refusal_said = Signal(str)  # the refusal that stands now (`said_refusal`), "" once none does

    def __init__(self, **kwargs) -> None:
        self._guard: _RefusalGuard | None = None  # (Qt validates while the spin box is set up)
        super().__init__(**kwargs)
        self.setLocale(plain_locale())
        self._guard = _RefusalGuard(self, self.refusal_said)

    def validate(self, text: str, pos: int):  # Qt's name
        answer = super().validate(text.replace(",", "."), pos)
        return answer if self._guard is None else self._guard.validated(text, answer)

    def valueFromText(self, text: str) -> float:  # Qt's name
        return super().valueFromText(text.replace(",", "."))

    def fixup(self, text: str) -> str:  # Qt's name
        return super().fixup(text.replace(",", "."))


class WholeNumberField(_Refusing, QSpinBox):
    """A whole number in ASCII digits."""

    refusal_said = Signal(str)  # the refusal that stands now (`said_refusal`), "" once none does

    def __init__(self, **kwargs) -> None:
        self._guard: _RefusalGuard | None = None  # (Qt validates while the spin box is set up)
        super().__init__(**kwargs)
        self.setLocale(plain_locale())
        self._guard = _RefusalGuard(self, self.refusal_said)

    def validate(self, text: str, pos: int):  # Qt's name
        answer = super().validate(text, pos)
        return answer if self._guard is None else self._guard.validated(text, answer)


def refused(fields: Iterable[DecimalField | WholeNumberField]) -> bool:
    """Whether one of ``fields`` holds what it refused: the first says so and is given the keyboard. A
    dialog asks before it is accepted by any route (Return in another field, its button, the button's key): Qt
    left such a field the previous value or the digits it kept ("600" read 60), and the run started with them."""
    for field in fields:
        if field.refusal():
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            field.say_refusal()
            return True
    return False


class RefusalNote(QLabel):
    """What ``fields`` refused and stand by, a line each, in view under them until each holds a value it can take:
    where the refusal is said (no pop-up, which would cover the field under it)."""

    def __init__(self, *fields: DecimalField | WholeNumberField) -> None:
        super().__init__()
        self._fields = fields
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()
        for field in fields:
            field.refusal_said.connect(self._show_refusals)

    def _show_refusals(self, _said: str) -> None:
        text = "\n".join(field.said_refusal() for field in self._fields if field.said_refusal())
        self.setText(text)
        self.setVisible(bool(text))
