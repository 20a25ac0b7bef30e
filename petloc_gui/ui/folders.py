"""Getting to a folder: opening it (a new review session on it), File → Open folder…, Reload folder, Open demo,
Open recent, and dropping a folder or an image on the window."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote_to_bytes

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from petloc_gui.core.dataset import Dataset, dataset_root, open_dataset
from petloc_gui.core.errors import PetlocError
from petloc_gui.core.folder_listing import stat_state, why_unlistable
from petloc_gui.core.fs_bytes import crossing_args
from petloc_gui.core.images import is_image_name
from petloc_gui.core.index_problems import root_unlisted
from petloc_gui.core.real_paths import part_inside
from petloc_gui.core.text import counted, visible
from petloc_gui.core.unread_note import annotated, unread_note
from petloc_gui.ui import background
from petloc_gui.ui.keyboard_back import keyboard_back
from petloc_gui.ui.plain_text import literal
from petloc_gui.ui.review.review_session import ReviewSession, SessionHost, SessionParts
from petloc_gui.ui.settings import Settings

if TYPE_CHECKING:
    from petloc_gui.ui.canvas.image_cache import ImageCache
    from petloc_gui.ui.canvas.image_panel import ImagePanel
    from petloc_gui.ui.editing.edit_controller import EditController
    from petloc_gui.ui.editing.label_box import LabelBox
    from petloc_gui.ui.models.model_controller import ModelController
    from petloc_gui.ui.models.prediction_service import PredictionService
    from petloc_gui.ui.review.dataset_panel import DatasetPanel
    from petloc_gui.ui.review.file_list_dock import FileListDock
    from petloc_gui.ui.review.save_guard import SaveGuard
    from petloc_gui.ui.training.retrain_controller import RetrainController

    class _Window(QMainWindow, SessionHost):
        """For mypy only: the window `FolderOpening` is mixed into (MainWindow), as it uses it; the window
        itself is the new session's host. At run time the mixin's base is ``object``."""

        settings: Settings
        guard: SaveGuard
        dataset: Dataset | None
        session: ReviewSession | None
        edits: EditController
        images: ImageCache
        panel: ImagePanel
        predictions: PredictionService
        file_dock: FileListDock
        labels: LabelBox
        dataset_panel: DatasetPanel
        models: ModelController
        retrain_controller: RetrainController | None

        def current_folder(self) -> Path | None: ...

        def show_row(self, row: int) -> None: ...

        def focus_canvas(self) -> None: ...
else:
    _Window = object

# Where a file's name is bytes (not Windows, whose names are UTF-16 and Qt's toLocalFile() right)
_NAMES_ARE_BYTES = os.name != "nt"


def local_path(url: QUrl) -> str:
    """The path a local file's ``url`` names, byte for byte: toLocalFile() reads its percent-encoded
    bytes as UTF-8, and a name that is not (a folder pets\\xff dropped from a file manager comes as
    file:///.../pets%FF) came out as "pets\\ufffd", a file that does not exist: the drop did nothing."""
    if not _NAMES_ARE_BYTES:
        return url.toLocalFile()
    path = os.fsdecode(unquote_to_bytes(url.path(QUrl.ComponentFormattingOption.FullyEncoded)))
    return f"//{url.host()}{path}" if url.host() else path  # as toLocalFile() names a file on another host


def dropped_target(mime: QMimeData) -> tuple[Path, Path | None] | None:
    """(folder to open, image to show or None) for a drop of a local folder or image; None otherwise."""
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if not url.isLocalFile():
            continue
        path = Path(local_path(url))
        if path.is_dir():
            return path, None
        if path.is_file() and is_image_name(path.name):
            return path.parent, path
    return None


def _may_be_there(folder: str) -> bool:
    """Whether Open recent offers ``folder``: a folder, or one that cannot be looked at now (its parent turned
    unreadable: opening it says why; ``Path.is_dir()`` raised PermissionError there, and the menu was not
    rebuilt); not one deleted or moved."""
    try:
        state = stat_state(folder)
    except ValueError:  # a NUL in its path
        return False
    return isinstance(state, str) or (state is not None and stat.S_ISDIR(state.st_mode))


class RecentFoldersMenu(QMenu):
    """File → Open recent: the last folders opened, newest first; rebuilt each time it opens."""

    def __init__(self, settings: Settings, open_folder: Callable[[str], object], parent: QWidget | None = None):
        super().__init__("Open &recent", parent)
        self._settings = settings
        self._open = open_folder
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        folders = self._settings.recent_folders
        if not folders:
            self.addAction("No recent folders").setEnabled(False)
        for n, folder in enumerate(folders, start=1):
            shown = folder.replace("&", "&&")  # a "&" in a path is shown, not taken for an access key
            action = self.addAction(f"&{n % 10} {shown}" if n <= 10 else shown)
            action.setToolTip(literal(folder))  # a folder "<b>pets" named as it is, not drawn as markup
            action.setEnabled(_may_be_there(folder))
            action.triggered.connect(lambda _=False, f=folder: self._open(f))
        self.addSeparator()
        clear = self.addAction("&Clear the list")
        clear.setEnabled(bool(folders))
        clear.triggered.connect(self._clear)

    def _clear(self) -> None:
        self._settings.clear_recent_folders()
        self.rebuild()


def dialog_start(last_folder: str) -> str:
    """Where File → Open folder… starts: the last folder, or the nearest folder above it whose path Qt can hold.
    A folder named pets\\xff (not UTF-8) crosses Qt as "pets\\ufffd", a folder that does not exist: the dialog
    started above it with that bogus name typed in (its Choose greyed), or, for one inside it, in the current
    folder. Qt lists and enters no folder whose name it cannot decode, so the one holding it is the closest."""
    if not last_folder:
        return ""
    start = Path(last_folder)
    while crossing_args([str(start)]) != [str(start)] and start.parent != start:  # (as a QString changes it)
        start = start.parent
    return str(start)


def _same_folder(path, current: Path | None) -> bool:
    """Whether ``path`` is the folder open now (read again, not closed; an Oxford or devkit dataset's
    ``images/`` folder is the dataset); False when it cannot tell (a link loop or a NUL in the path:
    opening it says what is wrong)."""
    return current is not None and part_inside(dataset_root(path), current) == Path(".")


def _unlistable(folders: Iterable[Path]) -> tuple[Path, str] | None:
    """The first of ``folders`` that cannot be listed now, with the OS's reason (`why_unlistable`)."""
    return next(((folder, why) for folder in folders if (why := why_unlistable(folder)) is not None), None)


def _unlisted_in(dataset: Dataset) -> tuple[Path, str] | None:
    """The dataset's folder or its images folder, with why, when its index could not list it (then it lists
    no image there, which is not "the folder is empty"); a subfolder among others stays a problem line."""
    for folder in (dataset.root, dataset.images_folder):
        what = root_unlisted(dataset, [folder])
        if what is not None:
            return _unlistable([folder]) or (folder, what)
    return None


def _unread_in(dataset: Dataset, problems: str) -> tuple[Dataset, str, str]:
    """In a pool thread: the line for the dataset's files named as images petloc does not read ("" if none)."""
    unread = dataset.unread()
    return dataset, problems, unread_note(unread, len(annotated(dataset, unread))) if unread else ""


STATUS_MS = 15000  # how long the line on a folder just opened stays
RELOAD_NEIGHBOURS = 50  # a reload whose shown image is gone shows the nearest of these that is still there


class FolderOpening(_Window):
    """Mixed into MainWindow: `open_folder` (what every way in ends with), File → Open folder…, Reload
    folder and Open demo; a folder dropped on the window opens it, an image opens its folder on it."""

    def _ask_folder(self) -> None:
        with keyboard_back() as back:  # cancelled, or not opened: back where it was (the Images list...)
            folder = QFileDialog.getExistingDirectory(self, "Open image folder",
                                                      dialog_start(self.settings.last_folder))
            if folder and self.open_folder(folder):
                back.given_elsewhere()  # to the image of the folder opened (`focus_canvas`)

    def _open_demo(self) -> None:
        from petloc_gui.app.demo_folder import ensure_demo_folder

        try:
            folder = ensure_demo_folder()
        except (PetlocError, OSError) as exc:
            with keyboard_back():
                QMessageBox.warning(self, "Cannot create the demo folder", literal(str(exc)))
            return
        self.open_folder(folder)

    def open_folder(self, path, model: str | None = None, show: Sequence[Path] = (), start_queue: bool = True) -> bool:
        """Open a dataset folder (asks about unsaved edits first) on the first image of ``show``
        that is there (listed even where the filters would hide it), else on the first image the
        list shows; the demo folder, however reached, as the demo (`_present_demo`; ``start_queue``
        False: not moved to the top of the queue, the screenshot waits for it itself). False if not opened."""
        reload = _same_folder(path, self.current_folder())
        # before asking about unsaved edits: a folder that cannot be read is not opened, nothing is left for it
        unlisted = _unlistable(self._whole_folders(path, reload))
        if unlisted is not None:
            return self._cannot_read(*unlisted)
        if not self.guard.confirm_leave(reload=reload):
            return False
        try:
            dataset = open_dataset(path)
        except (PetlocError, OSError) as exc:
            where = exc.path if isinstance(exc, PetlocError) else exc.filename
            unlisted = _unlistable([Path(where)]) if where else None
            if unlisted is not None:
                return self._cannot_read(*unlisted)
            with keyboard_back():
                QMessageBox.warning(self, "Cannot open folder", literal(str(exc)))  # a folder "<b>x" as named
            return False
        unlisted = _unlisted_in(dataset)
        if unlisted is not None:  # (turned unreadable since it was looked at above, or a layout's images folder)
            return self._cannot_read(*unlisted)
        if self.session is not None:
            self.session.close()
        self.edits.reset()
        self.dataset = dataset
        self.session = ReviewSession(dataset, SessionParts(self.edits, self.images, self.panel, self.predictions,
                                                           self.file_dock, self.labels), self)
        self.file_dock.set_source(self.session.model)
        self.settings.add_recent_folder(str(dataset.root))
        self.setWindowTitle(f"petloc — {dataset.root}[*]")
        self.setWindowModified(False)  # edits of the folder left behind were saved or discarded
        self.dataset_panel.set_dataset(dataset, self.session.model)
        self.statusBar().clearMessage()  # a line on the folder left (the demo's keys) is not about this one
        if self.retrain_controller is not None:  # a retrain waiting for the folder left's labels: stopped
            self.retrain_controller.folder_opened()
        # ``model`` (petloc-gui --model) at once; else chosen in a worker, the first image shown meanwhile
        self.models.for_folder(model, self.session)
        self.session.classes.refresh()
        rows = (self.session.row_of_file(path) for path in show)
        first = next((row for row in rows if row is not None), None)
        if first is not None:
            self.file_dock.model.keep_listed(first)
        else:
            first = self.file_dock.first_visible_row()
        if first is not None:
            self.show_row(first)
        else:  # a search or status filter kept from before (F5) may hide every image there is
            listed = (f"The list shows no image: its search or filter matches none of the "
                      f"{counted(len(dataset.items), 'image')} in {dataset.root}")
            self.panel.show_image(None, listed if dataset.items else f"No images found in {dataset.root}")
            self.panel.show_annotation(None)
        self._say_indexed(dataset)
        if not show and _is_demo(dataset.root):  # reloaded (``show``): it stays on the image it was on
            self._present_demo(start_queue)
        self.focus_canvas()
        return True

    def _whole_folders(self, path, reload: bool) -> list[Path]:
        """The folders without which opening ``path`` lists no image: the dataset folder it opens, and with
        ``reload`` the open dataset's images folder too (``JPEGImages/`` of a devkit)."""
        try:
            folders = [dataset_root(path)]
        except (OSError, ValueError):  # (a NUL in the path: opening it says what is wrong)
            return []
        if reload and self.dataset is not None:
            folders.append(self.dataset.images_folder)
        return folders

    def _cannot_read(self, folder: Path, why: str) -> bool:
        """Refuse to open a folder that cannot be listed: indexed, it read as one without images, and F5 (or
        Open recent) replaced the list, the selection and the image shown with an empty list. Returns False."""
        kept = "; the list is kept as it was" if self.session is not None else ""
        with keyboard_back():
            QMessageBox.warning(self, "Cannot read the folder",
                                literal(f"Cannot read the folder {visible(folder)}: {why}{kept}"))
        return False

    def _present_demo(self, start_queue: bool) -> None:
        """The demo however reached (the first run, the folder open last time, named, File → Open demo,
        Open recent): the review queue, which finds the planted mistakes, and a line on how to go
        through them. Opened like any folder it came up sorted by name, on an image without one."""
        self.file_dock.set_review_order(True)
        if start_queue and self.session is not None:
            from petloc_gui.ui.review.queue_start import QueueStart

            QueueStart(self.session, lambda: self.session, parent=self)
        said = self.statusBar().currentMessage()  # `_say_indexed`'s line (settings not saved) kept after it
        self.statusBar().showMessage("; ".join(filter(None, [
            "Demo with planted mistakes. N: next suspicious image · A: accept prediction · V: verified · F1: help",
            said])), 30000)

    def _say_indexed(self, dataset: Dataset) -> None:
        """The status line on a folder just indexed: its problems now, then also the files of formats
        petloc does not read (HEIC, ...), found off the UI thread: it lists the folders again, which
        the index did not need to (~10 ms for 10,000 images, far more on a network share)."""
        problems = (f"{counted(len(dataset.problems), 'problem')} while indexing: {dataset.problems[0]}"
                    if dataset.problems else "")
        # settings that cannot be saved, found as the folder was remembered: said with the line, once a session
        problems = "; ".join(filter(None, [problems, self.settings.take_unsaved_note()]))
        if problems:
            self.statusBar().showMessage(problems, STATUS_MS)
        background.start(_unread_in, dataset, problems, returned=self._say_unread)

    def _say_unread(self, found: tuple[Dataset, str, str]) -> None:
        """The files not read said first (the line is short; a problem can be a long path), unless
        another folder was opened meanwhile."""
        dataset, problems, note = found
        if note and dataset is self.dataset:
            self.statusBar().showMessage("; ".join(filter(None, [note, problems])), STATUS_MS)

    def reload_folder(self, show: Path | None = None) -> bool:
        """File → Reload folder: the folder read again (images added or removed since it was
        opened), on image ``show``, else the one shown now, else (it is gone) the next one in the
        list, else the one before. Unsaved edits are saved or asked about first. False when
        nothing was reopened."""
        session, dataset = self.session, self.dataset
        if session is None or dataset is None:  # (the two are set together)
            return False
        if show is not None:
            candidates = [show]
        elif session.current is not None:
            current = session.current
            around = (self.file_dock.visible_rows_after(current, RELOAD_NEIGHBOURS)
                      + self.file_dock.visible_rows_after(current, RELOAD_NEIGHBOURS, step=-1))
            candidates = [session.image_path(row) for row in [current, *around]]
        else:
            candidates = []
        return self.open_folder(dataset.root, show=candidates)

    def dragEnterEvent(self, event) -> None:  # Qt's name
        if dropped_target(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # Qt's name
        target = dropped_target(event.mimeData())
        if target is None:
            return
        event.acceptProposedAction()
        folder, image = target
        session = self.session
        if image is not None and session is not None:
            row = session.row_of_file(image)  # in a subfolder, or images/ of an Oxford layout, too
            if row is not None:
                self.file_dock.model.keep_listed(row)
                self.show_row(row)
            elif part_inside(image, session.dataset.root) is not None:  # copied into the folder after it was read
                self.reload_folder(show=image)
            else:
                self.open_folder(folder, show=[image])
            return
        current = self.current_folder()
        if not _same_folder(folder, current):
            self.open_folder(folder, show=[image] if image is not None else [])


def _is_demo(folder: Path) -> bool:
    from petloc_gui.app.demo_folder import demo_folder

    return part_inside(folder, demo_folder()) == Path(".")
