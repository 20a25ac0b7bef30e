"""Saving with feedback, and the "unsaved changes" question.

A failed save (read-only folder, full disk) shows the error, keeps the
edits in memory and leaves the image marked dirty. A file whose XML could
not be read is only overwritten after the user says so.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

from petloc_gui.core.errors import PetlocError
from petloc_gui.ui.review.review_session import ReviewSession


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


NAMES_SHOWN = 10
NAME_CHARS = 60


def _elided(name: str) -> str:
    """A long name keeps its start and its end (where camera names put the number)."""
    if len(name) <= NAME_CHARS:
        return name
    half = (NAME_CHARS - 1) // 2
    return f"{name[:half]}…{name[-half:]}"


def unsaved_text(names: list[str]) -> str:
    """The question's text, naming the images (the first ten, then how many more)."""
    listed = "\n".join(f"  • {_elided(name)}" for name in names[:NAMES_SHOWN])
    more = f"\n  … and {len(names) - NAMES_SHOWN} more" if len(names) > NAMES_SHOWN else ""
    return f"{len(names)} image(s) have unsaved changes:\n{listed}{more}\n\nSave them before leaving?"


class SaveGuard:
    """Saves documents of the window's session and guards against losing edits."""

    def __init__(self, host: SaveHost, parent: QWidget) -> None:
        self.host = host
        self.parent = parent  # of the message boxes

    def save_rows(self, rows: list[int], force: bool = False, quiet: bool = False) -> bool:
        """Save these images; True if all were saved. ``force`` saves even clean ones."""
        session = self.host.session
        if session is None:
            return True
        failures: list[str] = []
        for row in rows:
            doc = session.store.document(row)
            if not doc.dirty and not force:
                continue
            overwrite = False
            if doc.load_error and doc.annotation_path.exists():
                if quiet or not self._confirm_overwrite(doc):
                    failures.append(f"{doc.annotation_path.name}: not saved (its XML could not be read)")
                    continue
                overwrite = True
            try:
                session.store.save(row, overwrite_unreadable=overwrite)
            except (PetlocError, OSError) as exc:
                failures.append(str(exc))
            else:
                session.dataset.items[row].has_annotation = True
                self.host.saved(row)
            session.refresh_row(row)
        self.host.refresh_modified()
        if failures:
            text = "\n".join(failures[:10]) + (f"\n… and {len(failures) - 10} more" if len(failures) > 10 else "")
            self.host.show_status(f"Save failed: {failures[0]}", 15000)
            if not quiet:
                QMessageBox.warning(self.parent, "Could not save",
                                    f"{text}\n\nYour edits are kept in memory; fix the problem and save again.")
            return False
        if rows:
            self.host.show_status(f"Saved {len(rows)} image(s).", 4000)
        return True

    def _confirm_overwrite(self, doc) -> bool:
        answer = QMessageBox.question(
            self.parent, "Overwrite unreadable annotation?",
            f"{doc.annotation_path} could not be read:\n{doc.load_error}\n\n"
            "Replace it with the boxes shown?",
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def confirm_leave(self) -> bool:
        """True if it is fine to close the folder (saved, discarded, or nothing to lose)."""
        session = self.host.session
        if session is None or not session.store.has_unsaved():
            return True
        dirty = session.store.dirty_indices()
        if self.host.autosave():
            return self.save_rows(dirty)
        answer = QMessageBox.question(
            self.parent, "Unsaved changes", unsaved_text([session.image_path(row).name for row in dirty]),
            QMessageBox.SaveAll | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.SaveAll)
        if answer == QMessageBox.SaveAll:
            return self.save_rows(dirty)
        return answer == QMessageBox.Discard
