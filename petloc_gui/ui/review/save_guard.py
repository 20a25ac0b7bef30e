"""Saving with feedback, and the "unsaved changes" question.

A failed save (read-only folder, full disk) shows the error, keeps the
edits in memory and leaves the image marked dirty. A file whose XML could
not be read (at loading, or made so by another program since) is only
overwritten after the user says so; through a symbolic link it is never
overwritten. It is looked at again before the question (`app.annotation_look`): an error
read while its folder was unreadable for a moment is stale, and a file readable now is
another program's version, asked about as one.

Files changed by another program since they were read (``ExternalChangeError``
from core.voc) are never overwritten silently: without local edits the disk
version is taken; with edits the user chooses to keep theirs own version,
take the disk version (their edits stay one Ctrl+Z away) or see both; an
autosave leaves the image unsaved and says why. Cancel stops the save, Save all too (a git pull changed 30 edited
files: one Cancel, not 30); no warning (nothing failed), the status line says what was saved and that saving again
asks again; on leaving, the folder stays. Keep mine or Take theirs ticked "for the other … files in the rest of
this save" answers its later conflicts of the same kind unasked (30 files, one question, not 30: `ask_conflict`). A
symbolic link leading out of the dataset folder is only written through after a question that names the file it
points to.

An edited image gone from its folder cannot be saved (its annotation would
belong to no image): the question on close or reload says so, and its Save
All saves the others, names the ones left and keeps the folder open.

A batch (Save All, the question on close) syncs each file as it is written and their folder once
at its end (`core.atomic.folders_synced_once`: 1 + N fsyncs, not 2N), and says "Saving 3 of 5…"
with each row painted as it lands (`SaveProgress`): on a slow disk the window was blank for seconds.

With autosave on, leaving saves without asking; what that save could not
write (an image gone, any failure) is then asked about with the same
question, saying why, so that Discard is always within reach.

A save on leaving (either way) that asks about another program's version and is answered Take theirs or
Show both keeps the folder open, saying why on the status line: leaving would drop the edits Take theirs
keeps one Ctrl+Z away, and the boxes Show both puts beside theirs, unsaved, to sort out.

A save the user asks for (not an autosave) first drops what is typed in the Label box and not applied
with Enter (`LabelBox.drop_typing`), and says so after its own words: Ctrl+S wrote the old label while
the box still showed the typed one, and the next D typed into it.

The questions themselves (which version, a link, an unreadable file) are `save_questions`; the words, `save_texts`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

from petloc_gui.app.annotation_look import unreadable_now
from petloc_gui.app.disk_change import DELETED, change_kind, change_words
from petloc_gui.core.atomic import folders_synced_once, sync_written_folders
from petloc_gui.core.errors import ExternalChangeError, LinkTargetError, PetlocError
from petloc_gui.core.folder_listing import stat_state
from petloc_gui.core.text import counted, visible
from petloc_gui.core.voc_write import InaccessibleTargetError, UnreadableTargetError
from petloc_gui.ui.keyboard_back import keyboard_back
from petloc_gui.ui.plain_text import literal
from petloc_gui.ui.review import save_questions, save_texts
from petloc_gui.ui.review.question_room import line_fits
from petloc_gui.ui.review.review_session import ReviewSession
from petloc_gui.ui.review.save_progress import SaveProgress
from petloc_gui.ui.review.save_questions import CANCEL as CANCEL  # (a test answers `ask_conflict` with it)
from petloc_gui.ui.review.save_questions import FOR_THE_REST, KEEP_MINE, SHOW_BOTH, TAKE_THEIRS
from petloc_gui.ui.review.save_texts import failed_text, kept_open_text, left_as, taken_note, unsaved_text
from petloc_gui.ui.review.their_version import TAKEN


class SaveHost(Protocol):
    """What the guard needs from the window (it used to reach into the window's and the
    edit controller's private attributes)."""

    session: ReviewSession | None

    def autosave(self) -> bool: ...

    def saved(self, row: int) -> None:
        """Image ``row`` was written: its undo stack is clean now, redraw it if shown."""

    def refresh_modified(self) -> None:
        """The window's "*" follows whether anything is unsaved."""

    def show_status(self, text: str, ms: int) -> None: ...

    def drop_typing(self) -> str:
        """Drop what is typed in the Label box and not applied with Enter (`LabelBox.drop_typing`): what the
        status line should say of it, "" when nothing was typed."""


def _is_link(path) -> bool:
    try:
        return path.is_symlink()
    except OSError:
        return False  # cannot even look: the question says why


class SaveGuard:
    """Saves documents of the window's session and guards against losing edits."""

    def __init__(self, host: SaveHost, parent: QWidget) -> None:
        self.host = host
        self.parent = parent  # of the message boxes
        # the note of the last `save_rows` (what a save removed, the version on disk taken), as the status line
        # said it; "" when it gave none: a caller that says more after a save keeps it by this, never by the
        # status line's words (an image named "Saved …" gives a note that starts like a plain save's count)
        self.last_note = ""
        # the notes of the last `save_rows`'s conflicts answered Take theirs, or Show both with boxes of mine left
        # to sort out: leaving the folder now would lose what the answer promised (`confirm_leave` stays)
        self.to_check: list[str] = []
        self.stopped: tuple[str, str] | None = None  # the last `save_rows` Cancel stopped at: (name, what it asks)
        self._left = 0  # the images after the one `save_rows` saves now (the conflict question's box to tick)
        self._differs = ""  # what differs in the conflict about to be asked (`save_texts.what_differs`)
        # the answers ticked "Do the same for the other … files in the rest of this save" in `save_rows`, by kind of
        # change
        self._for_the_rest: dict[str, str] = {}

    def save_rows(self, rows: list[int], force: bool = False, quiet: bool = False,
                  leaving: str | None = None, failures_out: list[str] | None = None) -> bool:
        """Save these images; True if all were saved. ``force`` saves even clean ones.

        ``quiet`` (autosave): no question is asked; anything that would need
        one is left unsaved and reported in the status bar. ``leaving`` (how the
        folder is left: "closed", "read again"): a failure says which images are
        left unsaved and that the folder is not left, their edits kept.
        ``failures_out``: the reasons of the failures go there instead of into a
        warning (the caller says them in its own question), unless a Cancel stopped it (no question follows).
        """
        self.last_note = ""
        self.to_check = []
        self.stopped = None
        self._for_the_rest = {}
        session = self.host.session
        if session is None:
            return True
        # (Ctrl+S does not take the keyboard from the Label box, so its own rule on leaving never ran)
        typing = "" if quiet else self.host.drop_typing()
        failures: list[str] = []
        failed: list[int] = []  # the rows of ``failures``: not one a Cancel left unsaved, nor any after it
        notes: list[str] = []
        saved = 0
        todo = [row for row in rows if force or session.store.document(row).dirty]
        progress = SaveProgress(self.parent, self.host.show_status, len(todo))
        # each file synced as it is written, their folder once at the end (`core.atomic`): 1 + N fsyncs, not 2N
        with folders_synced_once():
            for number, row in enumerate(todo, start=1):
                doc = session.store.document(row)
                if not doc.dirty and not force:
                    continue  # another program's version taken meanwhile (while a question was open)
                progress.saving(number, doc.annotation_path.name)
                self._left = len(todo) - number
                failing_before = len(failures)
                # looked at again: the error read at loading may be stale (a folder unreadable for a moment), and
                # asked from it, Yes replaced a valid annotation; readable now, the save asks which version to keep
                # (it looks whether the file is there itself, `annotation_look.looked_at`: one rule, not two)
                why = unreadable_now(doc) if doc.load_error else None
                if why is not None and _is_link(doc.annotation_path):
                    # Never offered: the link may point at anything (notes.txt).
                    failures.append(save_texts.link_refusal(doc.annotation_path))
                elif why is not None and (quiet or not self._asked(save_questions.confirm_overwrite, self.parent,
                                                                   doc, why)):
                    failures.append(f"{doc.annotation_path.name}: not saved (its XML could not be read)")
                else:
                    saved += self._save_one(row, doc, why is not None, quiet, failures, notes)
                    session.refresh_row(row)
                if len(failures) > failing_before:
                    failed.append(row)
                if self.stopped is not None:
                    break  # Cancel: the rest is not asked about one by one
            if progress.said:
                progress.paint(now=True)  # the last row saved, while its folder is synced
        not_saved = [row for row in rows if session.store.document(row).dirty]
        self.host.refresh_modified()
        after = f" {typing}" if typing else ""
        if self.stopped is not None:  # (no warning: nothing failed; the failures before it still warn)
            # the notes on the images before it, a message of their own (Help → Recent messages keeps it): joined
            # in, they pushed the name the Cancel was at into the "…" of a line too long for the bar
            if notes:
                self.host.show_status(visible(" ".join(notes)), 30000)
            said = save_texts.stopped_text(*self.stopped, saved, len(not_saved), len(todo) > 1, leaving, len(notes))
            self.host.show_status(said + after, 30000)
        if failures or self.stopped is not None:
            if self.stopped is None:
                self.host.show_status(f"Save failed: {visible(failures[0])}{after}", 15000)
            if failures_out is not None and self.stopped is None:
                failures_out.extend(failures)
            elif failures and not quiet:  # (stopped: the caller asks nothing after, so the warning says them)
                names = [session.model.names[row] for row in failed]  # (a Cancel, said on the status line, failed none)
                said = literal(failed_text(failures, saved, names, leaving))
                with keyboard_back():
                    QMessageBox.warning(self.parent, "Could not save", said)
            return False
        if notes:
            self.last_note = visible(" ".join(notes))
            self.host.show_status(self.last_note + after, 15000)
        elif saved:
            self.host.show_status(f"Saved {counted(saved, 'image')}.{after}", 10000 if typing else 4000)
        elif typing:
            self.host.show_status(typing, 10000)
        return True

    def _save_one(self, row: int, doc, overwrite: bool, quiet: bool, failures: list[str],
                  notes: list[str]) -> int:
        """Save one document, resolving a link question or an external change; 1 if written."""
        session = self.host.session
        if session is None:  # (`save_rows` saves only while a folder is open)
            return 0
        name = doc.annotation_path.name
        keep_mine = False
        for _attempt in range(4):  # a link question, an unreadable file, a conflict, then the save
            try:
                session.store.save(row, overwrite_unreadable=overwrite, keep_mine=keep_mine)
            except LinkTargetError as exc:
                if (exc.outside and not doc.link_target_allowed and not quiet
                        and self._asked(save_questions.confirm_link, self.parent, doc, exc)):
                    doc.link_target_allowed = True
                    continue
                failures.append(str(exc))
                return 0
            except UnreadableTargetError as exc:
                # made unreadable by another program after it was read (load_error is asked about
                # before the save): the same question, never a dead end. Yes is also "keep mine" over
                # the file changed since it was read.
                cannot_look = isinstance(exc, InaccessibleTargetError)  # no access, not a broken file
                if overwrite or quiet or not self._asked(save_questions.confirm_overwrite, self.parent, doc,
                                                         exc.reason, since_read=True, cannot_look=cannot_look):
                    state = "cannot be looked at" if cannot_look else "is not a readable annotation"
                    failures.append(f"{name}: not saved (the file on disk {state}: {exc.reason})"
                                    if not overwrite else str(exc))
                    return 0
                overwrite = keep_mine = True
                continue
            except ExternalChangeError as exc:
                # changed, deleted or created (`app.disk_change`), from the state read: before a take_theirs
                kind, what = change_kind(doc.disk_state, exc.found), change_words(doc.disk_state, exc.found)
                if not doc.dirty:
                    session.take_theirs(row)
                    notes.append(f"{name} was {what}: {TAKEN[kind]} (you had no edits to save).")
                    return 0
                if exc.found is not None:  # the question names what the file is now (the watcher may not have)
                    doc.external_change = exc.found
                if kind != DELETED and session.their_version.writes_the_same(row):
                    # theirs is what a save of mine would write (the other program wrote the box accepted here,
                    # its mark too): nothing to choose, and Take theirs promised a Ctrl+Z that did nothing; taken
                    session.take_theirs(row)
                    notes.append(f"{name} was {what}; it shows what you see here, so there is nothing to save.")
                    return 0
                choose = "whether to write it again" if kind == DELETED else "which version to keep"
                if quiet:
                    failures.append(f"{name}: {what}; not saved. Your edits are kept: save it to choose {choose}.")
                    return 0
                choice = self._for_the_rest.get(save_questions.asked_kind(doc))
                if choice is None:
                    self._differs = "" if kind == DELETED else self._what_differs(row, doc)
                    choice = self._asked(self.ask_conflict, doc)
                if choice == KEEP_MINE:
                    keep_mine = True
                    continue
                if choice == TAKE_THEIRS:
                    same = session.their_version.writes_the_same(row)  # (a file deleted, mine no box: no undo step)
                    session.take_theirs(row)
                    notes.append(taken_note(name, doc, undoable=not same))
                    if not same:  # (no Ctrl+Z promised: leaving loses nothing)
                        self.to_check.append(notes[-1])
                    return 0
                if choice == SHOW_BOTH:
                    stacked = session.show_both(row)
                    if doc.dirty:
                        notes.append(f"{name}: the version on disk plus your boxes it lacks are shown, "
                                     f"unsaved; {stacked or 'delete what you do not want'} and save.")
                        self.to_check.append(notes[-1])
                    else:  # it lacks none (nor my verified mark): their version as reloaded, clean
                        notes.append(f"{name}: the version on disk already has all your boxes, so it is shown "
                                     "as it is, with nothing to save.")
                    return 0
                self.stopped = (name, choose)  # Cancel: the batch stops here
                return 0
            except (PetlocError, OSError) as exc:
                failures.append(str(exc))
                return 0
            session.dataset.items[row].has_annotation = True
            self.host.saved(row)
            if doc.dropped:
                notes.append(f"{name}: saved; removed what other tools would have acted on: "
                             + "; ".join(doc.dropped) + ".")
            return 1
        return 0

    @staticmethod
    def _asked(question, *args, **kwargs):
        """A question's answer; the files the batch saved before it are made durable first (their folders
        synced: `core.atomic.folders_synced_once`), not left waiting on a person."""
        sync_written_folders()
        return question(*args, **kwargs)

    def ask_conflict(self, doc) -> str:
        """Which version to keep (`save_questions.ask_conflict`); a method, for a test to answer it. An answer
        ticked for the rest of the save is kept for its later conflicts of the same kind (`FOR_THE_REST`)."""
        answer = save_questions.ask_conflict(self.parent, doc, self._left, self._differs)
        if answer.for_the_rest and answer.choice in FOR_THE_REST:
            self._for_the_rest[save_questions.asked_kind(doc)] = answer.choice
        return answer.choice

    def _what_differs(self, row: int, doc) -> str:
        """What differs between ``doc`` and image ``row``'s file read now, when it is simple; "" otherwise."""
        session = self.host.session
        if session is None:
            return ""
        loaded = session.store.loaded(row)  # (read as `their_version` reads it)
        theirs = session.store.read_disk_version(row, loaded.image_size if loaded is not None else None)
        return "" if theirs.load_error else save_texts.what_differs(doc, theirs)

    def confirm_leave(self, reload: bool = False) -> bool:
        """True if it is fine to close the folder, or with ``reload`` to read it again (saved,
        discarded, or nothing to lose)."""
        session = self.host.session
        if session is None or not session.store.has_unsaved():
            return True
        dirty = session.store.dirty_indices()
        then = left_as(reload)
        autosave_failures: list[str] | None = None
        if self.host.autosave():
            # Saved without asking; what could not be saved (an image gone, a full disk) or is left
            # unsaved on purpose (Show both) is asked about below, else no Discard would ever be
            # offered and the folder could never be left.
            autosave_failures = []
            self.save_rows(dirty, leaving=then, failures_out=autosave_failures)
            if self.stopped is not None or self._kept_open(reload, autosave_failures):  # (Cancel: stay)
                return False
            dirty = session.store.dirty_indices()
            if not dirty:
                return True
        names = [session.model.names[row] for row in dirty]  # as the list names them (day2/g.png)
        # a reload after another program deleted it
        gone = {name for name, row in zip(names, dirty, strict=True) if _gone(session.image_path(row))}
        # Always the three buttons; Enter is Save All (labelme's Save: an Enter never loses edits), Esc
        # Cancel (tests/ui/test_unsaved_box_buttons.py checks them inside the box at scale 2)
        buttons = (QMessageBox.StandardButton.SaveAll | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        fits = line_fits(self.parent, buttons)  # each name fitted to the room its line has there
        # Not left (Cancel, or a Save All kept open below): the keyboard goes back where it was (the Images list,
        # floating or not), after the save's own questions too; only a folder left gives it to the image of the
        # one opened next. (Given away on any answer but Cancel, a Save All stopped by a conflict left it on the
        # image of the folder still open.)
        with keyboard_back() as back:
            answer = QMessageBox.question(self.parent, "Unsaved changes",
                                          unsaved_text(names, gone, reload, autosave_failures, fits),
                                          buttons, QMessageBox.StandardButton.SaveAll)
            left = answer == QMessageBox.StandardButton.Discard
            if answer == QMessageBox.StandardButton.SaveAll:
                # one that cannot be saved keeps the folder open (`failed_text`)
                saved = self.save_rows(dirty, leaving=then)
                left = not self._kept_open(reload, []) and saved
            if left:
                back.given_elsewhere()
        return left

    def _kept_open(self, reload: bool, failures: list[str]) -> bool:
        """True (the folder is not left) when the save on leaving had a conflict answered Take theirs or
        Show both (`to_check`); the status line says why. One rule for autosave and Save All: the folder
        left, the edits Take theirs keeps one Ctrl+Z away were gone with its undo history, and Show both's
        merge with it (nothing asked: the autosave branch found nothing unsaved after Take theirs, and Save
        All counted Show both, which fails nothing, as saved). Left again, what is unsaved is asked about."""
        if not self.to_check:
            return False
        self.host.show_status(kept_open_text(self.to_check, reload, self.host.autosave(), failures), 30000)
        return True


def _gone(image: Path) -> bool:
    """Whether ``image`` is no longer there: one that cannot be looked at (its folder unreadable for a while)
    is not said to be deleted, and `Path.exists` raised PermissionError there, so no question came. Not
    ``annotation_look.looked_at(image) is False``: that is the look at an annotation file (anything there for
    its reader to read or refuse), kept apart from whether an image is gone."""
    return stat_state(image) is None  # gone as `Path.exists` read it: not found, or under what is a file now
