"""A accepts the model's prediction, and never replaces a person's box without the user knowing.

labelImg users press A for "previous image": with autosave on, A then D wrote the model's box over a box a
person had drawn or saved, and nothing said so. A stays one key where it is meant to be fast: an image with
no box yet, or with only the model's own pre-label as read (`petloc predict --write-voc`, unreviewed), not
marked verified. On an image with a person's box (a pre-label marked verified is theirs: V makes it ground
truth), the first A says so in the status line and changes nothing; a second A on the same image within
``CONFIRM_S`` seconds, nothing changed meanwhile, replaces the box (Ctrl+Z undoes).
No dialog: the keyboard stays on the image, and A then D (labelImg's back and forth) loses nothing.

A held down is one press. The accept action does not auto-repeat, but Qt marks a key's repeats as such only
where the system says so: under X (Xvfb measured: 14 of 15 repeats unmarked) a held key arrives as release
and press pairs with one timestamp, each an ordinary A, and the first of them, ~0.5 s after the key went
down, confirmed the replacement. `KeyReleaseWatch` notes when A was last let go: a press that follows the
release at once (no hand lets go and presses again within `REPEAT_GAP_S`) is the key still held; once let
go, it is not (Edit > Accept with the mouse then is the second A). The application has one such watch, for
A and D (`application_key_watch`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.boxes import Box
from petloc_gui.ui.editing.edit_controller import PREVIOUS_IMAGE_IS, EditController

CONFIRM_S = 5.0  # how long a first A waits for the second
# (a labelImg user pressed A for the previous image: the questions name the key here, `PREVIOUS_IMAGE_IS`)
ASK_AGAIN = ("This image has your box: press A again to replace it with the model's (Ctrl+Z undoes); "
             f"{PREVIOUS_IMAGE_IS}.")
REPLACED = "Your box was replaced by the model's: Ctrl+Z brings it back."
PRELABEL_ACCEPTED = "Pre-label accepted as it is: verified; saved, its box stays marked as the model's (Ctrl+Z undoes)."
# the box is the model's still (ADR 0013), only its label a person's: the second A gives back the model's label
ASK_AGAIN_LABEL = ("This image has your label on the model's box: press A again to give it the model's label "
                   f"(Ctrl+Z undoes); {PREVIOUS_IMAGE_IS}.")
REPEAT_GAP_S = 0.02  # a repeat's press follows its release at once; a finger needs far longer to press again
# the keys whose repeats are told from a second press: A (accept, here) and D (Ctrl+D duplicate, `edit_actions`)
WATCHED_KEYS = (Qt.Key.Key_A, Qt.Key.Key_D)
_WATCH_NAME = "petloc_key_watch"


@dataclass
class _KeyTimes:
    """One watched key: when it was last let go and pressed."""

    released_at: float | None = None  # by the watch's clock
    released_ms: int = 0  # the events' timestamps (ms; 0: none given)
    pressed_ms: int = 0
    repeat: bool = False  # the last press marked as a repeat by the system
    # down now: a press marked as a repeat read as held until the key's next press, so the menu's (or the
    # mouse's) Accept or Duplicate after the key was held and let go did nothing for up to `CONFIRM_S`
    down: bool = False


class KeyReleaseWatch(QObject):
    """When each of ``keys`` was last let go and pressed, for the whole application (its event filter sees a
    release whichever widget has the keyboard, and a press as the ShortcutOverride Qt asks before a shortcut):
    by the events' own times where they have them (a window busy between the two handles the press late, but
    a repeat's press still bears its release's time), else by ``clock`` as they are handled."""

    def __init__(self, keys: tuple[int, ...] = WATCHED_KEYS, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.clock = clock
        self._keys = {int(key): _KeyTimes() for key in keys}

    def eventFilter(self, watched, event) -> bool:  # Qt's name
        kind = event.type()
        if kind == QEvent.Type.ApplicationDeactivate:  # a key let go in another program: its release never comes here
            for each in self._keys.values():
                each.down = False
        elif kind in (QEvent.Type.KeyRelease, QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            times = self._keys.get(event.key())
            if times is None:
                return False
            times.down = kind != QEvent.Type.KeyRelease
            if kind == QEvent.Type.KeyRelease:
                times.released_at, times.released_ms = self.clock(), event.timestamp()
            else:
                times.pressed_ms, times.repeat = event.timestamp(), event.isAutoRepeat()
        return False

    def held(self, key: int = Qt.Key.Key_A) -> bool:
        """Whether the press of ``key`` being handled now is the key still held down: down, and marked a
        repeat or pressed right after a release (within `REPEAT_GAP_S`, by the events' times when both have
        one). Let go, it is held no more."""
        times = self._keys[int(key)]
        if not times.down:
            return False
        if times.repeat:
            return True
        if times.released_ms and times.pressed_ms:
            return 0 <= times.pressed_ms - times.released_ms < REPEAT_GAP_S * 1000
        return times.released_at is not None and self.clock() - times.released_at < REPEAT_GAP_S


def application_key_watch() -> KeyReleaseWatch:
    """The application's one `KeyReleaseWatch` of `WATCHED_KEYS`, made and installed at the first call: a
    Python event filter on the application runs for every event of every widget (one for A and another for D
    ran ~1,450 times each over 20 image steps), so the keys share it. Without an application, one of its own."""
    app = QApplication.instance()
    if app is None:
        return KeyReleaseWatch()
    watch = app.findChild(KeyReleaseWatch, _WATCH_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if watch is None:
        watch = KeyReleaseWatch()
        watch.setObjectName(_WATCH_NAME)
        watch.setParent(app)  # (lives with the application: every window's keys are the same keys)
        app.installEventFilter(watch)
    return watch


def replaces_a_persons_box(doc: ImageDocument, label: str, box: Box) -> bool:
    """Whether accepting (``label``, ``box``) would change a box a person drew, moved, labelled or saved:
    the primary one (`EditController.accept_prediction` replaces it), unless it is a model's unreviewed
    pre-label nobody has touched yet: not moved, not relabelled, not marked verified (saved or not; the
    replaced box would stay under the person's "verified")."""
    primary = doc.primary
    if primary is None or (primary.name == label and primary.box == doc.clamp_box(box)):
        return False  # no box yet, or the model's already: nothing of a person's goes
    as_read = doc.annotation.objects if doc.annotation is not None else []
    if doc.prelabel_shown and not doc.verified and primary in as_read:
        return False  # the model's own pre-label, as read
    if doc.stays_prelabel:
        # renamed folder-wide, nothing of the image edited by hand: the box is the model's, the label the
        # person's rename, which the model's label would take back (asked: one A undid the rename unsaid)
        return primary.name != label
    return True


def only_the_label_differs(doc: ImageDocument, label: str, box: Box) -> bool:
    """Whether the image's box is the model's proposal accepted unchanged (a person relabelled it) and the
    prediction is that box: accepting changes the label alone."""
    primary = doc.primary
    return (primary is not None and primary.accepted_from is not None and primary.box == doc.clamp_box(box)
            and primary.name != label)


def confirms_the_prelabel(doc: ImageDocument, label: str, box: Box) -> bool:
    """Whether accepting (``label``, ``box``) leaves the box as it is and marks the model's unreviewed
    pre-label verified (`EditController.accept_prediction`): nothing on the image moves."""
    primary = doc.primary
    return (primary is not None and primary.name == label and primary.box == doc.clamp_box(box)
            and doc.prelabel_shown and not doc.verified)


class AcceptGuard:
    """Decides whether an A may replace the image's box now, and says why not (``show_status``)."""

    def __init__(self, show_status: Callable[[str, int], None], clock: Callable[[], float] = time.monotonic) -> None:
        self.show_status = show_status
        self.clock = clock
        self._asked: tuple[tuple, float] | None = None  # (what the first A saw, when)
        self.releases = application_key_watch()

    def may_replace(self, edits: EditController, label: str, box: Box) -> bool:
        """True when accepting (``label``, ``box``) on the image shown may go ahead now."""
        doc = edits.doc
        if doc is None or not replaces_a_persons_box(doc, label, box):
            self._asked = None
            if doc is not None and confirms_the_prelabel(doc, label, box):
                self.show_status(PRELABEL_ACCEPTED, 6000)  # the box does not move: say what A did
            return True
        # the same image, with the same boxes, and the same prediction: a box moved in between is asked again
        seen = (edits.index, id(doc), doc.shown(), label, box)
        now = self.clock()
        if self._asked is not None and self.releases.held(Qt.Key.Key_A):
            return False  # A still held down: its repeats confirm nothing, and the question stays as it is
        if self._asked is not None and self._asked[0] == seen and now - self._asked[1] <= CONFIRM_S:
            self._asked = None
            self.show_status(REPLACED, 8000)
            return True
        self._asked = (seen, now)
        self.show_status(ASK_AGAIN_LABEL if only_the_label_differs(doc, label, box) else ASK_AGAIN,
                         int(CONFIRM_S * 1000))
        return False
