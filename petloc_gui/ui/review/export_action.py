"""File -> Export as YOLO… / Export as COCO…: the open folder through core.interop.

The export runs as a ui.background worker (the folder's images are only opened
for their headers, but 10,000 of them still take seconds) behind a progress dialog
that can cancel it. Export reads the annotation files on disk, so unsaved
edits are offered for saving first. It sees the window as an ``ExportHost``.
Closing the window stops a running export (``stop``, from the window's
shutdown, once the close is accepted): asking to close and then answering
Cancel to a question leaves it running. Before the folder is chosen, the
options `petloc convert --to` takes as flags are asked for
(`export_options`), remembered between exports in the window's settings
(``ExportHost.settings``); the exporters' warnings name them as the window
shows them. An export cancelled or failing part way takes back what it wrote,
as `petloc convert` does (`unfinished.OutputBefore`), and its box says what.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QProgressDialog

from petloc_gui.core.dataset import Dataset
from petloc_gui.core.errors import PetlocError
from petloc_gui.core.text import counted, first_of
from petloc_gui.ui import background
from petloc_gui.ui.keyboard_back import keyboard_back, open_with_keyboard_back
from petloc_gui.ui.plain_text import literal

if TYPE_CHECKING:
    from petloc_gui.core.interop.taken_back import TakenBack
    from petloc_gui.core.interop.unfinished import OutputBefore
    from petloc_gui.ui.review.export_options import ExportOptions

FORMAT_TEXT = {"yolo": "YOLO", "coco": "COCO"}
MNEMONIC_TEXT = {"yolo": "&YOLO", "coco": "CO&CO"}
# Lines of problems shown in the result box (all of them are in the details).
SHOWN_PROBLEMS = 8
# How long closing the window waits for a cancelled export to stop (it stops at its next image;
# a folder on a dead network share must not hang the close for good).
STOP_WAIT_MS = 10_000


class ExportMemory(Protocol):
    """Where the export options are remembered between exports (the window's ui.settings.Settings)."""

    def export_options(self) -> ExportOptions:
        """The last export's options (the defaults before the first)."""

    def save_export_options(self, options: ExportOptions) -> None: ...


class ExportHost(Protocol):
    """What export asks of the window: the open folder, its edits, a status line, its settings."""

    @property
    def dataset(self) -> Dataset | None:
        """The open folder's dataset, or None."""

    @property
    def settings(self) -> ExportMemory:
        """The window's settings: petloc's settings file, or the one the window was given (tests, portable use)."""

    def has_unsaved(self) -> bool: ...

    def save_all(self) -> bool:
        """Save every edited image; True if all were saved."""

    def show_status(self, text: str, ms: int) -> None: ...


class ExportCancelled(Exception):  # noqa: N818 - a stop request, not an error
    """Raised from the progress callback to stop an export the user cancelled."""


class ExportJob(QObject):
    """Runs export_yolo / export_coco off the UI thread (a ui.background worker);
    reports progress and the ConversionReport."""

    progress = Signal(int, int)  # emitted from the worker's thread: queued to the receivers
    done = Signal(object)    # ConversionReport
    failed = Signal(str)     # the output cannot be used, or cancelled
    finished = Signal()      # after done or failed

    def __init__(self, fmt: str, dataset, out: Path, overwrite: bool, options: ExportOptions, parent=None) -> None:
        super().__init__(parent)
        self.fmt, self.dataset, self.out, self.overwrite = fmt, dataset, out, overwrite
        self.options = options
        self._cancelled = False
        self._worker: background.Worker | None = None

    def start(self) -> None:
        self._worker = background.start(self._export, returned=self._deliver, finished=self.finished.emit,
                                        errored=lambda exc: self.failed.emit(f"Export failed: {exc}"))

    def running(self) -> bool:
        """Started and not ended yet."""
        return self._worker is not None and not self._worker.is_finished()

    def wait(self, timeout_ms: int | None = None) -> bool:
        """Block until the export has ended (closing the window, tests); False on timeout."""
        if self._worker is None:
            return True
        return self._worker.wait(None if timeout_ms is None else timeout_ms / 1000)

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        self._cancelled = True  # read by the worker between images

    def _step(self, done: int, total: int) -> None:
        if self._cancelled:
            raise ExportCancelled
        self.progress.emit(done, total)

    def _export(self):
        """In the worker's thread: the ConversionReport, or why there is none (a string)."""
        from petloc_gui.core.interop import ConversionReport, export_coco, export_yolo
        from petloc_gui.core.interop.unfinished import OutputBefore
        from petloc_gui.ui.review.export_options import WINDOW_WORDS

        export = export_yolo if self.fmt == "yolo" else export_coco
        options = self.options
        folders = _FoldersMade(self.out)
        # what a stop or a failure part way takes back
        before = OutputBefore(self.out, self.fmt)
        try:
            # The window's words in the report: its warnings name the export options, not CLI flags.
            report = export(self.dataset, self.out, images=options.images, overwrite=self.overwrite,
                            annotated_only=options.annotated_only, skip_difficult=options.skip_difficult,
                            report=ConversionReport(words=WINDOW_WORDS), progress=self._step,
                            written=before.written)
            if report.images == 0:  # the result box says the folder holds what it did before: make it so
                folders.take_back()
            return report
        except ExportCancelled:
            return f"Export cancelled. {self._taken_back(before)}"
        except (PetlocError, OSError) as exc:
            return f"{exc}. {self._taken_back(before)}"
        except Exception as exc:  # a fault of petloc's: taken back all the same, and said with it
            raise RuntimeError(f"{exc}. {self._taken_back(before)}") from exc

    def _taken_back(self, before: OutputBefore) -> str:
        """Take back what the export wrote, as `petloc convert` does on a stop or a failure part way
        (`unfinished.OutputBefore`): a new or empty folder loses all of it, one that held an export gets its
        manifest back. What was done, for the message."""
        out, taken = self.out, before.take_back()
        if taken.finished:
            return f"The export had finished when it stopped: {out} holds it, complete."
        # Over an earlier export, what became of it first, then of the files the run wrote (those left named), as
        # `petloc convert` says it
        if taken.put_back:
            names = taken.put_back
            return (f"The earlier export in {out} is usable again: its {' and '.join(names)} "
                    f"{'were' if len(names) > 1 else 'was'} put back{_its_own_files(taken)}.")
        if taken.unfinished and taken.held_export():
            return (f"{out} now holds an export that did not finish ({taken.why_unfinished()}): export into it "
                    f"again to finish it{_its_own_files(taken)}.")
        if taken.left_behind:
            return (f"Part of what the export had written into {out} could not be removed: remove it before "
                    "exporting into that folder again.")
        if taken.touched_files():
            if not taken.files_removed:  # it had only replaced files (--overwrite): none to remove
                return f"The export had written no new file into {out} ({taken.files_before('export')})."
            files = "file" if taken.files_removed == 1 else "files"
            return (f"Removed the {taken.files_removed} {files} the export had written into {out} "
                    f"({taken.files_before('export')}).")
        if taken.folder_removed:
            return f"Nothing is left behind: {out}, made by the export, was removed with all it had written."
        if taken.removed:
            return f"Nothing is left behind: what the export had written into {out} was removed (it is empty again)."
        return f"{out} is as it was."  # stopped before it wrote anything

    def _deliver(self, result) -> None:
        if isinstance(result, str):
            self.failed.emit(result)
        else:
            self.done.emit(result)


def _its_own_files(taken: TakenBack) -> str:
    """What became of the files an export over an earlier one wrote there (`TakenBack.files_before`), after what
    became of that export; "" when it had written none."""
    if not taken.touched_files():
        return ""
    if taken.files_left:
        left, written = len(taken.files_left), taken.files_removed + len(taken.files_left)
        return (f"; {left} of the {counted(written, 'file')} the export had written there could not be removed "
                f"({first_of([str(path) for path in taken.files_left], 3)}; {taken.files_before('export')}): "
                f"remove {'them' if left > 1 else 'it'} before exporting into that folder again")
    if not taken.files_removed:
        return f"; the export had written no new file there ({taken.files_before('export')})"
    removed = taken.files_removed
    return (f"; the {removed} {'file' if removed == 1 else 'files'} the export had written there "
            f"{'was' if removed == 1 else 'were'} removed ({taken.files_before('export')})")


class _FoldersMade:
    """The folders an export into ``out`` makes, found before it starts: ``out`` and its parents that are
    missing (`core.interop.written.missing_folders`, `petloc convert`'s and `train`'s way), and every folder
    under its images/ and labels/ that is not there yet. An export that converted no image left them
    behind, empty, and the same export, run again into ``out``, was asked about a folder not empty.
    Read in the export's thread: an earlier export's images/ may hold thousands of files."""

    _EXPORT_FOLDERS = ("images", "labels")  # YOLO's two, COCO's images/: where the exporters make folders

    def __init__(self, out: Path) -> None:
        from petloc_gui.core.interop.written import missing_folders

        self.out = out
        self.missing = missing_folders(out)
        self.existing = {Path(folder) for name in self._EXPORT_FOLDERS
                         for folder, _, _ in os.walk(out / name)}

    def take_back(self) -> None:
        """Remove each folder made since, innermost first, as long as it is empty: a file put there
        meanwhile, or a folder that was there before, stays."""
        from petloc_gui.cli.taken_back import remove_empty

        for name in self._EXPORT_FOLDERS:
            for folder, _, _ in os.walk(self.out / name, topdown=False):
                if Path(folder) not in self.existing:
                    with contextlib.suppress(OSError):  # not empty: a file of its own put there meanwhile
                        Path(folder).rmdir()
        remove_empty(self.missing)


class ExportActions(QObject):
    """The two File menu actions and the export each starts; ``window`` parents its dialogs."""

    def __init__(self, host: ExportHost, window: QMainWindow, menu: QMenu, before: QAction | None = None) -> None:
        super().__init__(window)
        self.host, self.window = host, window
        self._stopped = False  # the window is closing: no result box any more
        self.job: ExportJob | None = None
        self.dialog: QProgressDialog | None = None
        self.last_report = None
        self.actions: dict[str, QAction] = {}
        for fmt, text in FORMAT_TEXT.items():
            # A mnemonic: every action is reachable by keyboard (Alt+F, then the letter).
            action = QAction(f"Export as {MNEMONIC_TEXT[fmt]}…", window)
            action.setObjectName(f"export_{fmt}")
            action.setToolTip(f"Write the open folder's annotations as a {text} dataset "
                              "(boxes of the image as displayed, EXIF applied)")
            action.triggered.connect(lambda _=False, f=fmt: self._start_asked(f))
            menu.insertAction(before, action) if before is not None else menu.addAction(action)
            self.actions[fmt] = action
        if before is not None:
            menu.insertSeparator(before)

    def stop(self) -> None:
        """The window is closing (the close accepted, nothing left to ask): cancel a running export,
        which would write on into a folder nobody is told about, and wait for it to stop, up to
        ``STOP_WAIT_MS``. Its output is incomplete; no box says so, the window is going."""
        self._stopped = True
        if self.job is not None and self.job.running():
            self.job.cancel()
            self.job.wait(STOP_WAIT_MS)

    # --- starting -------------------------------------------------------------------
    def _start_asked(self, fmt: str) -> None:
        with keyboard_back():  # after its questions and folder chooser (the main window's dialogs)
            self.start(fmt)

    def start(self, fmt: str, out: str | Path | None = None, options: ExportOptions | None = None) -> bool:
        """Export the open folder as ``fmt`` into ``out`` with ``options``.

        With no ``out``, the options (from the last export's) and then the folder are asked for;
        with ``out`` and no ``options``, the last export's options are used.
        """
        from petloc_gui.ui.review import export_options  # with the exporters, on first use

        window = self.window
        dataset = self.host.dataset
        if dataset is None:
            QMessageBox.information(window, "Nothing to export", "Open a folder first.")
            return False
        if self.job is not None and self.job.running():
            QMessageBox.information(window, "Export running", "An export is already running.")
            return False
        if not self._edits_saved():
            return False
        if options is None:
            memory = self.host.settings
            options = memory.export_options()
            if out is None:
                options = export_options.ask_export_options(FORMAT_TEXT[fmt], options, window)
                if options is None:
                    return False
                memory.save_export_options(options)
        if out is None:
            out = QFileDialog.getExistingDirectory(
                window, f"Export as {FORMAT_TEXT[fmt]}: choose an empty folder")
            if not out:
                return False
        out = Path(out)
        from petloc_gui.core.interop.files import check_outside_dataset  # with the exporters, on first use

        try:
            # Before asking whether to write into a non-empty folder: the open
            # folder itself is never empty, and a Yes must not lead to a refusal.
            check_outside_dataset(out, dataset)
        except PetlocError as exc:
            QMessageBox.warning(window, "Cannot export here", literal(str(exc)))  # names the folder as it is
            return False
        overwrite = False
        if out.is_dir() and any(out.iterdir()):
            answer = QMessageBox.question(
                window, "Folder not empty",
                literal(f"{out} is not empty. Write the export into it anyway? Files with the names "
                        "the export writes are replaced; other files stay."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return False
            overwrite = True
        self._run(fmt, dataset, out, overwrite, options)
        return True

    def _edits_saved(self) -> bool:
        """Export reads the files on disk: offer to save edits first."""
        if not self.host.has_unsaved():
            return True
        answer = QMessageBox.question(
            self.window, "Unsaved changes",
            "The export reads the annotation files on disk. Save your changes first?",
            QMessageBox.StandardButton.SaveAll | QMessageBox.StandardButton.Ignore | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.SaveAll)
        if answer == QMessageBox.StandardButton.SaveAll:
            return self.host.save_all()
        return answer == QMessageBox.StandardButton.Ignore

    def _run(self, fmt: str, dataset, out: Path, overwrite: bool, options: ExportOptions) -> None:
        for previous in (self.job, self.dialog):  # the last export's, kept until now for its report
            if previous is not None:
                previous.deleteLater()
        total = len(dataset.items)
        dialog = QProgressDialog(f"Exporting {total} images as {FORMAT_TEXT[fmt]}…", "Cancel",
                                 0, max(total, 1), self.window)
        dialog.setWindowTitle("Export")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)  # small folders finish before it would show
        job = ExportJob(fmt, dataset, out, overwrite, options, self.window)
        job.progress.connect(lambda done, steps: dialog.setValue(done * total // max(steps, 1)))
        job.done.connect(lambda report: self._finished(fmt, out, report))
        job.failed.connect(self._failed)
        job.finished.connect(dialog.reset)
        dialog.canceled.connect(job.cancel)
        self.job, self.dialog = job, dialog
        job.start()

    # --- results --------------------------------------------------------------------
    def _finished(self, fmt: str, out: Path, report) -> None:
        self.last_report = report
        if self._stopped:
            return
        # No image written: the exporter wrote no manifest and put an earlier export back (`petloc convert`
        # exits 1 then); "Export finished ... 0 images" read as a success.
        nothing = report.images == 0
        text = (f"Nothing was exported to {out}: no image could be converted, and the folder holds what it did "
                f"before.\n{report.summary()}." if nothing else
                f"Exported as {FORMAT_TEXT[fmt]} to {out}:\n{report.summary()}.")
        shown = report.problems[:SHOWN_PROBLEMS] + report.warnings[:2]
        if shown:
            text += "\n\n" + "\n".join(shown)
        self.host.show_status(f"Nothing exported to {out}" if nothing else f"Exported {report.images} images to {out}",
                              10000)
        box = QMessageBox(QMessageBox.Icon.Warning if report.problems or nothing else QMessageBox.Icon.Information,
                          "Nothing exported" if nothing else "Export finished", text, QMessageBox.StandardButton.Ok,
                          self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a folder "<b>out" named as it is, not as markup
        if len(report.problems) + len(report.warnings) > len(shown):
            box.setDetailedText("\n".join(report.problems + report.warnings))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        open_with_keyboard_back(box)  # not exec(): tests and scripts must not block here

    def _failed(self, message: str) -> None:
        if self._stopped:
            return
        self.host.show_status(message, 15000)
        with keyboard_back():
            if self.job is not None and self.job.cancelled:  # the user's own stop: no failure
                QMessageBox.information(self.window, "Export cancelled", literal(message))
            else:
                QMessageBox.warning(self.window, "Export failed", literal(message))


def install_export_actions(window, menu: QMenu, before: QAction | None = None) -> ExportActions:
    """Add File -> Export as YOLO / COCO to ``menu`` (before ``before``, e.g. Quit); ``window`` is
    the main window, its ``ExportHost`` and its dialogs' parent."""
    return ExportActions(window, window, menu, before)
