"""The words of the save guard (`save_guard`): the unsaved-changes question, the warning after a failed
save, the status lines of a conflict answered (Cancel: the save stopped), and of the folder kept open after one
answered on leaving; the conflict question's line on what differs between the two versions."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Collection
from itertools import pairwise
from pathlib import Path

from petloc_gui.core.name_forms import form_difference
from petloc_gui.core.text import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE, counted, isolated, visible
from petloc_gui.ui.model_label_fit import name_elided
from petloc_gui.ui.wrap_points import one_character

NAMES_SHOWN = 10
NAME_CHARS = 60  # a longer name is cut to this many characters, whatever the room (`_shown`)
BULLET = "  • "


def _elided(name: str) -> str:
    """A long name keeps its start and its end (where camera names put the number)."""
    if len(name) <= NAME_CHARS:
        return name
    half = (NAME_CHARS - 1) // 2
    return f"{name[:half]}…{name[-half:]}"


# Where a name may not be broken: a space is glued (NO-BREAK SPACE), and a word joiner (U+2060) stands on
# each side of any other character but an ASCII letter, digit, "." or "_", between which no line breaks anyway
NO_BREAK_SPACE = "\u00a0"
WORD_JOINER = "\u2060"
LEFT_TO_RIGHT_MARK = "\u200e"


def _unbroken(name: str) -> str:
    """``name`` as one piece a wrapped line cannot break: the dialog's label broke a long name after its "…" (and
    would at a space, a hyphen, between two ideographs), and the tail, flush left on a line of its own, read as
    another image of the list. A line wider than the dialog can only break after its bullet, the name whole. No
    joiner goes inside a character as read ("e" and its accent, joined emoji: `wrap_points.one_character`)."""
    def plain(char: str) -> bool:
        return char.isascii() and (char.isalnum() or char in "._")

    glued = "".join(NO_BREAK_SPACE if char.isspace() else char for char in name)
    return glued[:1] + "".join(after if (plain(before) and plain(after)) or one_character(before, after)
                               else WORD_JOINER + after for before, after in pairwise(glued))


def _shown(name: str, fits: Callable[[str], bool] | None) -> str:
    """``name`` on its line of the list: with ``fits`` (whether a line fits the question unwrapped:
    `question_room.line_fits`), elided in its middle to fit, and to `NAME_CHARS` at most; without, cut to
    `NAME_CHARS`. Only a name shortened so, or any where the room is not known, is made one unbroken piece
    (`_unbroken`): the others read, copy and sound as they are, with no invisible characters among theirs."""
    name = visible(name)
    if fits is None:
        return _apart(_unbroken(_elided(name)), name)
    if len(name) <= NAME_CHARS and fits(BULLET + _apart(name, name)):
        return _apart(name, name)
    return _apart(_unbroken(name_elided(name, lambda shown: len(shown) <= NAME_CHARS
                                        and fits(BULLET + _apart(shown, name)))), name)


def _apart(shown: str, name: str) -> str:
    """``shown`` (``name`` as its line has it: whole, elided or unbroken) set apart as `isolated` sets ``name``
    apart, its line kept left to right: a Hebrew name put in raw made its line right to left (flush right, the
    bullet at its right end, among the left-to-right lines of the Latin names). The isolates alone do not do it:
    the question's label (a `QTextDocument`) takes a line's direction from its first strong letter, isolated or
    not (`QTextBlock.textDirection`), so a left-to-right mark comes first. ``name`` is `visible` already; a name
    that needs no isolates is left as it is."""
    if isolated(name) == name:  # no right-to-left letter: nothing to set apart
        return shown
    return f"{LEFT_TO_RIGHT_MARK}{FIRST_STRONG_ISOLATE}{shown}{POP_DIRECTIONAL_ISOLATE}"


def _listed(names: list[str], note=lambda name: "", fits: Callable[[str], bool] | None = None) -> str:
    """The images as bullet lines, the first ten, then how many more; ``note`` adds to a line (and may wrap)."""
    lines = [f"{BULLET}{_shown(name, fits)}{note(name)}" for name in names[:NAMES_SHOWN]]
    more = f"\n  … and {len(names) - NAMES_SHOWN} more" if len(names) > NAMES_SHOWN else ""
    return "\n".join(lines) + more


def left_as(reload: bool) -> str:
    """How the folder is being left, as the words say it: "read again" (``reload``, F5), else "closed"."""
    return "read again" if reload else "closed"


GONE_NOTE = " (image gone from the folder: cannot be saved; put it back under its name, or Discard)"


def unsaved_text(names: list[str], gone: Collection[str] = (), reload: bool = False,
                 autosave_failures: list[str] | None = None, fits: Callable[[str], bool] | None = None) -> str:
    """The question's text, naming the images (the first ten, then how many more). Those in ``gone``
    (deleted, renamed or moved from the folder since) cannot be saved (`core.voc_write.check_image_there`):
    said on their line, and that Save All then saves the others and leaves the folder as it is, so
    that nobody expects Save All to close it. ``reload``: the folder is read again (F5), not closed.
    ``autosave_failures``: autosave tried to save these on leaving and could not, for these reasons. ``fits``: whether
    a line fits the question unwrapped (`question_room.line_fits`), each name fitted to it (`_shown`)."""
    then = left_as(reload)
    listed = _listed(names, lambda name: GONE_NOTE if name in gone else "", fits)
    if autosave_failures is None:
        head = "1 image has" if len(names) == 1 else f"{len(names)} images have"
        text = f"{head} unsaved changes:\n{listed}\n\nSave them before the folder is {then}?"
    else:
        why = f"\n\n{_reasons(autosave_failures)}" if autosave_failures else ""
        text = (f"Autosave could not save {counted(len(names), 'image')}, which still "
                f"{'has' if len(names) == 1 else 'have'} unsaved changes:\n{listed}{why}\n\n"
                f"Try to save {'it' if len(names) == 1 else 'them'} again before the folder is {then}?")
    unsavable = sum(name in gone for name in names)
    if unsavable:
        others = "the others" if unsavable < len(names) else "nothing"
        text += (f"\n\nSave All saves {others}, and the folder is not {then} while an image gone is "
                 "unsaved (its edits are kept); Discard drops every edit listed.")
    return text


def failed_text(failures: list[str], saved: int, failed: list[str], leaving: str | None = None) -> str:
    """The warning after a save that failed: why (the first ten reasons), what was saved meanwhile. With
    ``leaving`` (Save All in the question on close or reload, "closed" or "read again"), the images whose save
    failed (``failed``) by name and that the folder is not left: their edits are kept, nothing is lost. Not one
    a Cancel left unsaved, nor those after it: the status line says that Cancel (`stopped_text`)."""
    reasons = _reasons(failures)
    done = f"Saved {counted(saved, 'image')}. " if saved else ""
    if leaving is None:
        return f"{done}{reasons}\n\nYour edits are kept in memory; fix the problem and save again."
    left = "1 image could not be saved" if len(failed) == 1 else f"{len(failed)} images could not be saved"
    return (f"{done}{left}, so the folder is not {leaving}; the edits are kept:\n{_listed(failed)}\n\n"
            f"{reasons}\n\nFix the problem and save again, or choose Discard when asked again to drop them.")


def stopped_text(name: str, choose: str, saved: int, not_saved: int, batch: bool, leaving: str | None,
                 notes: int = 0) -> str:
    """The status line of a save stopped by Cancel in the question about another program's version of ``name``
    (``choose``: what saving again asks, "which version to keep"): no warning, since nothing failed, and the
    next step said. ``batch`` (Save all, the question on leaving): the images saved before it and those left.
    ``leaving`` ("closed", "read again"): the folder is not, its edits kept. ``notes``: how many notes on the
    images before it (a version taken, what a save removed) were said as messages of their own, before this one.

    ``name`` comes first: a line longer than the bar keeps its start and end (`status_line`), and at scale 1.5
    the name, in its middle, was what the "…" took."""
    if batch:
        text = (f"{name}: you cancelled, so Save all stopped: {counted(saved, 'image')} saved, {not_saved} not "
                f"saved. Your edits are kept: save again to choose {choose}.")
    else:
        text = f"{name}: not saved (you cancelled). Your edits are kept: save it again to choose {choose}."
    if notes:
        text += f" {'Notes on images' if notes > 1 else 'A note on an image'} before it: Help → Recent messages."
    return visible(text + (f" The folder is not {leaving}." if leaving else ""))


def link_refusal(path: Path) -> str:
    """Why an annotation that is a symbolic link to a file that is not a readable VOC annotation is not saved."""
    return (f"{path}: not saved: it is a symbolic link to {os.path.realpath(path)}, which is "
            "not a readable VOC annotation; that file is left untouched")


def _reasons(failures: list[str]) -> str:
    """Why the saves failed, the first ten, then how many more."""
    return "\n".join(visible(f) for f in failures[:10]) + (
        f"\n… and {len(failures) - 10} more" if len(failures) > 10 else "")


def taken_note(name: str, doc, undoable: bool = True) -> str:
    """What a save's "Take theirs" says: the version on disk shown; or, the file gone (deleted by another
    program: "Discard mine"), that no annotation is shown now, which read as a blank file of theirs. Ctrl+Z is
    promised only when ``undoable``: taking a version that holds what a save of mine would write makes
    no undo step (`TheirVersion.writes_the_same`)."""
    back = "; Ctrl+Z brings your edits back" if undoable else ""
    if doc.disk_state is not None and not doc.disk_state.exists:
        again = " (saving them writes the file again)" if undoable else ""
        return f"{name} was deleted by another program: no annotation is shown now{back}{again}."
    return f"{name}: the version on disk is shown{back}."


def kept_open_text(notes: list[str], reload: bool, autosave: bool, failures: list[str]) -> str:
    """The status line when leaving stopped at a conflict answered Take theirs or Show both (``notes``: what
    each answer shows): the folder is not closed (with ``reload``, not read again), since leaving would drop what
    the answer promised (the boxes of both versions to sort out, the edits one Ctrl+Z away). ``failures``: the
    other images' saves that failed meanwhile (their reasons; no warning said them)."""
    then = left_as(reload)
    it = "it" if len(notes) == 1 else "them"
    again = "reading it" if reload else "leaving it"
    then_does = "saves" if autosave else "asks about"
    text = (" ".join(notes) + f" The folder is not {then}, so that you can check {it} first; {again} again "
            f"{then_does} what is still unsaved (and ends Ctrl+Z).")
    if failures:
        more = f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""
        text += f" Not saved either: {failures[0]}{more}"
    return visible(text)


def _in_line(name: str) -> str:
    """A class ``name`` in `what_differs`'s line: elided in its middle to `NAME_CHARS` (two 200-character names
    made an 840-character line, and the question grew to the screen's width, both names cut at its edge; the file
    holds them whole), set apart (`isolated`)."""
    return isolated(name_elided(visible(name), lambda shown: len(shown) <= NAME_CHARS))


# Two names cut around their first difference (`_both_in_line`): so much of their common start, then so much
# before the difference
COMMON_START_CHARS = 10
BEFORE_DIFFERENCE_CHARS = 15


def _both_in_line(yours: str, theirs: str) -> tuple[str, str]:
    """Two class names in `what_differs`'s line, as `_in_line`; two that come out alike so (long names differing
    only in their middle: "…_from_kennel_A_…" and "…_B_…" both read "american_pit_bull_terrier_xxxx…yyyy_end") are
    each cut around their first difference instead (`_around`)."""
    one, other = _in_line(yours), _in_line(theirs)
    if one != other:
        return one, other
    a, b = visible(yours), visible(theirs)
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return isolated(_around(a, at)), isolated(_around(b, at))


def _around(name: str, at: int) -> str:
    """``name`` cut around its character ``at``: a short start, "…", the part just before ``at`` and what follows,
    cut at `NAME_CHARS`."""
    start = at - BEFORE_DIFFERENCE_CHARS
    if start > COMMON_START_CHARS + 1:  # (cutting less saves nothing)
        name = f"{name[:COMMON_START_CHARS]}…{name[start:]}"
    return name if len(name) <= NAME_CHARS else f"{name[:NAME_CHARS - 1]}…"


def what_differs(mine, theirs) -> str:
    """One line of the conflict question (`save_questions.ask_conflict`) saying what differs between the user's
    version and the file on disk (``mine``, ``theirs``: their boxes and verified marks), when it is simple: a
    label only, where a box is only, how many boxes, the verified mark only; "" otherwise (both a label and a
    box, a mark nothing shows). A class renamed in two windows read as any change, looked up by hand."""
    ours, other = [(o.name, o.box) for o in mine.objects], [(o.name, o.box) for o in theirs.objects]
    if len(ours) != len(other):
        return f"Yours has {counted(len(ours), 'box', 'boxes')}, theirs {counted(len(other), 'box', 'boxes')}."
    if sorted(ours, key=repr) == sorted(other, key=repr):  # (the same boxes in another order: the same too)
        if mine.verified == theirs.verified:
            return ""
        return ("Only the verified mark differs: "
                + ("yours is verified, theirs is not." if mine.verified else "yours is not verified, theirs is."))
    if mine.verified != theirs.verified:
        return ""
    relabelled = [(a[0], b[0]) for a, b in zip(ours, other, strict=True) if a[0] != b[0]]
    moved = sum(a[1] != b[1] for a, b in zip(ours, other, strict=True))
    if relabelled and not moved:
        if len(set(relabelled)) > 1:
            return f"Only labels differ, of {len(relabelled)} of the {len(ours)} boxes; the boxes are the same."
        yours, their = relabelled[0]  # (one class named otherwise: a rename)
        if unicodedata.normalize("NFC", yours) == unicodedata.normalize("NFC", their):
            # (drawn alike: "yours Café, theirs Café" read as no difference at all)
            forms = form_difference(yours, their, "in yours", "in theirs")
            return f"Only the label differs: {_in_line(yours)}, {forms}."
        shown_yours, shown_theirs = _both_in_line(yours, their)
        return f"Only the label differs: yours {shown_yours}, theirs {shown_theirs}."
    if moved and not relabelled:
        if len(ours) == 1:
            return "Only the box differs (where it is or its size); the label is the same."
        return f"Only where {moved} of the {len(ours)} boxes are differs; the labels are the same."
    return ""
