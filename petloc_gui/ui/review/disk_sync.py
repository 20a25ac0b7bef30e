"""Noticing annotation files that another program (or another window) changed.

A QFileSystemWatcher watches the folders and files of the documents opened in
this session. After a short quiet period each opened document's file is
compared with what was read (``core.disk_state``: size and modification time
first; the SHA-256 only when those moved). A changed file is handed to the
session (`folder_watchers` connects them): with no local edits it is reloaded silently; with edits it is
flagged, and the next save asks what to keep (``save_guard``). The save
itself checks again, so a change the watcher missed (network folders) is
still never overwritten silently. The image shown is followed too
(``follow_image``): a file rewritten under it (restored after its decoding
failed, edited elsewhere) is shown again, and its document measures it again
(``ImageDocument.image_measured``: a picture of another size under the boxes
is said, and a save writes that size).

Watches are a budget every program of the user shares (inotify), and one was
added per image opened and never removed: a long session used them up, and
then adding one failed without a word. Only the most recently opened
documents' files and folders are watched (`MAX_WATCHED`); a file whose watch
was given up is compared again as soon as its document is opened again, and
any event compares every opened document, as the save does. A file rewritten
in place (as labelImg saves) changes no folder, so the documents whose watch
was given up are also compared every `POLL_MS`: their rows (label, IoU) would
otherwise keep the old boxes until a reopen (`FolderFollower` leaves opened
documents to this class).

A path Qt cannot watch (a folder or file whose name is not UTF-8: a QString drops its bytes; the
watches used up) is compared every `POLL_MS` as a given-up one is. So is a file that cannot even be
looked at (a folder turned unreadable: `_add_file`), and the file of a document read while it could
not be (`annotation_look.could_not_look`): once it can be, the document is read again.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from petloc_gui.app.annotation_look import could_not_look
from petloc_gui.app.file_key import NO_FILE, FileKey, file_key
from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.disk_state import MISSING, DiskState, current_state, same_content

QUIET_MS = 150
# Paths (files and folders) watched at most: those of the documents opened last (the current one's
# always). FolderLook watches up to 1,000 folders for each of the session's two other watchers.
MAX_WATCHED = 200
# How often the opened documents whose watches were given up are compared (a few stat calls).
POLL_MS = 4000


def changed_state(doc: ImageDocument) -> DiskState | None:
    """The file's state now when its content differs from what ``doc`` read; else None."""
    known = doc.disk_state
    if known is None:
        if not could_not_look(doc):
            return None  # nothing to compare with
        try:
            return current_state(doc.annotation_path)  # looked at now: read it again (what it holds is news)
        except OSError:
            return None  # not yet
    try:
        info = os.stat(doc.annotation_path)
    except FileNotFoundError:
        return None if not known.exists else MISSING
    except OSError:
        return None
    if known.exists and (info.st_mtime_ns, info.st_size) == (known.mtime_ns, known.size):
        return None  # cheap path: untouched since read
    try:
        found = current_state(doc.annotation_path)
    except OSError:
        return None
    return None if same_content(found, known) else found


def _crosses_qt(path: str) -> bool:
    """Whether ``path`` reaches Qt whole: a QString holds no surrogate escape (a name that is not UTF-8,
    "dir\\udcff"), and a watch of what is left of it would watch nothing, or another file."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class DiskSync(QObject):
    """Watches the opened documents' files (``opened()``: their rows and documents); calls
    ``changed(row, doc, state)`` for each whose file another program changed."""

    def __init__(self, opened: Callable[[], Iterable[tuple[int, ImageDocument]]],
                 changed: Callable[[int, ImageDocument, DiskState], None], parent=None) -> None:
        super().__init__(parent)
        self._opened = opened
        self._changed = changed
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._schedule)
        self.watcher.fileChanged.connect(self._schedule)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(QUIET_MS)
        self.timer.timeout.connect(self.check)
        self.poll = QTimer(self)  # runs while some watches are given up
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._check_unwatched)
        self._image: tuple[Path, FileKey, Callable[[Path], None]] | None = None  # see follow_image
        self._recent: OrderedDict[str, None] = OrderedDict()  # the paths watched, least recently wanted first
        self._given_up: set[str] = set()  # paths whose watch went to newer ones (or none could be had): polled
        self._could_not_look: set[str] = set()  # of them, those polled only while they cannot be looked at

    def watch(self, doc: ImageDocument) -> None:
        """Start watching one opened document's annotation file and its folder."""
        path = Path(doc.annotation_path)
        self._add_file(path)
        if doc.disk_state is None and could_not_look(doc):
            self._poll_for(path)  # read while it could not be looked at: no event need say that it can be now
            self._could_not_look.add(str(path))

    def follow_image(self, path: Path, changed: Callable[[Path], None]) -> None:
        """The image shown now: ``changed(path)`` once its file is rewritten (an image restored while
        its decoding error is shown, one edited in another program), not when it is deleted (it
        stays on screen, said to be gone: `gone_images`)."""
        self._image = (Path(path), file_key(Path(path)), changed)
        self._add_file(Path(path))

    def _add_file(self, path: Path) -> None:
        """Watch ``path`` and its folder. A file that cannot even be looked at (a folder that turned
        unreadable: PermissionError, raised out of the image's decode before, which left "Loading…" on
        screen for good) cannot be watched: the poll compares it, so its document is read again, and
        its image decoded again, once access comes back (no event says so)."""
        try:
            there = path.exists()
        except OSError:
            self._add([str(path.parent)])
            self._poll_for(path)
            self._could_not_look.add(str(path))
            return
        self._add([str(path.parent), str(path)] if there else [str(path.parent)])

    def _poll_for(self, path: Path) -> None:
        """Compare ``path`` every `POLL_MS`, as a file whose watch was given up."""
        self._given_up.add(str(path))
        if not self.poll.isActive():
            self.poll.start()

    def _add(self, wanted: list[str]) -> None:
        """Watch ``wanted`` (again), as the most recent; the least recent beyond `MAX_WATCHED` are given up."""
        watched = set(self.watcher.files()) | set(self.watcher.directories())
        for item in wanted:
            if item in self._given_up:
                self._given_up.discard(item)
                self.timer.start()  # it may have changed while unwatched: compare the documents soon
            self._recent[item] = None
            self._recent.move_to_end(item)
            if item not in watched and not (_crosses_qt(item) and self.watcher.addPath(item)) and os.path.exists(item):
                # unwatched (Qt says so only by that False): the poll compares it, as a watch given up
                del self._recent[item]
                self._given_up.add(item)
        while len(self._recent) > MAX_WATCHED:
            oldest, _ = self._recent.popitem(last=False)
            self._given_up.add(oldest)
            self.watcher.removePath(oldest)  # returns False (no warning) when it was not watched
        if self._given_up and not self.poll.isActive():
            self.poll.start()

    def _check_image(self) -> None:
        if self._image is None:
            return
        path, known, changed = self._image
        now = file_key(path)
        if now == known or now[1] == NO_FILE:
            return
        self._image = (path, now, changed)
        self._add([str(path)])  # a copy over it may be a new file: watch it again
        changed(path)

    def _schedule(self, _path: str = "") -> None:
        self.timer.start()

    def _check_unwatched(self) -> None:
        """Compare the opened documents whose file or folder watch was given up."""
        opened = list(self._opened())
        self._forget_the_unneeded(opened)
        if not self._given_up:
            self.poll.stop()
            return
        given_up = self._given_up
        self._compare((row, doc) for row, doc in opened
                      if str(doc.annotation_path) in given_up or str(Path(doc.annotation_path).parent) in given_up)
        if self._image is not None and not given_up.isdisjoint((str(self._image[0]), str(self._image[0].parent))):
            self._check_image()
        self._watch_again_where_looked()

    def _forget_the_unneeded(self, opened: list[tuple[int, ImageDocument]]) -> None:
        """Keep polling only what an opened document, the image shown or a file that could not be looked at needs:
        each image stepped past left its paths here (its watch went to newer ones), and a document no longer
        opened is read afresh when shown again, so a long session's set (3,517 paths after 2,000 steps on a
        20,000-image folder) grew with every image visited and kept the poll running for as long as it was open."""
        needed = set(self._could_not_look)
        for _row, doc in opened:
            path = Path(doc.annotation_path)
            needed.update((str(path), str(path.parent)))
        if self._image is not None:
            needed.update((str(self._image[0]), str(self._image[0].parent)))
        self._given_up &= needed

    def _watch_again_where_looked(self) -> None:
        """Watch again the files polled only because they could not be looked at, once they can (there or not):
        an annotation not written yet, stepped onto while its folder was unreadable, kept the 4 s poll running
        for as long as the folder was open."""
        for item in list(self._could_not_look):
            try:
                os.stat(item)
            except FileNotFoundError:
                pass  # it can be looked at: it is not there (yet)
            except OSError:
                continue  # still not to be looked at
            self._could_not_look.discard(item)
            self._given_up.discard(item)
            self._add_file(Path(item))
        if not self._given_up:
            self.poll.stop()

    def check(self) -> int:
        """Compare every opened document with its file now; returns how many changed."""
        changed = self._compare(self._opened())
        self._check_image()
        return changed

    def _compare(self, opened: Iterable[tuple[int, ImageDocument]]) -> int:
        changed = 0
        for row, doc in list(opened):
            found = changed_state(doc)
            if found is None:
                continue
            if doc.external_change is not None and same_content(doc.external_change, found):
                continue  # already flagged, nothing new
            changed += 1
            self._changed(row, doc, found)
            self.watch(doc)  # an atomic replace gives the file a new inode: watch it again
        return changed

    def stop(self) -> None:
        self._image = None
        self._recent.clear()
        self._given_up.clear()
        self._could_not_look.clear()
        self.timer.stop()
        self.poll.stop()
        paths = self.watcher.files() + self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)
