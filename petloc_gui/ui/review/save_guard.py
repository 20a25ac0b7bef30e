"""Saving with feedback, and the "unsaved changes" question.

A failed save (read-only folder, full disk) shows the error, keeps the
edits in memory and leaves the image marked dirty. A file whose XML could
not be read is only overwritten after the user says so.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from petloc_gui.core.errors import PetlocError


class SaveGuard:
    """Saves documents of the window's session and guards against losing edits."""

    def __init__(self, window) -> None:
        self.window = window

    def save_rows(self, rows: list[int], force: bool = False, quiet: bool = False) -> bool:
        """Save these images; True if all were saved. ``force`` saves even clean ones."""
        session = self.window.session
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
                stack = self.window.edits._stacks.get(row)  # noqa: SLF001 - same package
                if stack is not None:
                    stack.setClean()
            session._doc_to_row(row, doc)  # noqa: SLF001 - same package
            if row == session.current:
                self.window.panel.show_annotation(doc, self.window.edits.selected)
        self.window.setWindowModified(self.window.has_unsaved())
        if failures:
            text = "\n".join(failures[:10]) + (f"\n… and {len(failures) - 10} more" if len(failures) > 10 else "")
            self.window.statusBar().showMessage(f"Save failed: {failures[0]}", 15000)
            if not quiet:
                QMessageBox.warning(self.window, "Could not save",
                                    f"{text}\n\nYour edits are kept in memory; fix the problem and save again.")
            return False
        if rows:
            self.window.statusBar().showMessage(f"Saved {len(rows)} image(s).", 4000)
        return True

    def _confirm_overwrite(self, doc) -> bool:
        answer = QMessageBox.question(
            self.window, "Overwrite unreadable annotation?",
            f"{doc.annotation_path} could not be read:\n{doc.load_error}\n\n"
            "Replace it with the boxes shown?",
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def confirm_leave(self) -> bool:
        """True if it is fine to close the folder (saved, discarded, or nothing to lose)."""
        if not self.window.has_unsaved():
            return True
        session = self.window.session
        dirty = session.store.dirty_indices()
        if self.window.settings.autosave:
            return self.save_rows(dirty)
        answer = QMessageBox.question(
            self.window, "Unsaved changes",
            f"{len(dirty)} image(s) have unsaved changes.",
            QMessageBox.SaveAll | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.SaveAll)
        if answer == QMessageBox.SaveAll:
            return self.save_rows(dirty)
        return answer == QMessageBox.Discard
