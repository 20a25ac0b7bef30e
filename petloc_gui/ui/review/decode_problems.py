"""The images the window found it cannot decode, as problems of the Dataset panel.

The panel's statistics are `petloc stats`'s, which reads image headers only: a truncated JPEG whose header
reads fine is no problem there (`--check-decode` decodes every image, far too slow to run each time the
panel counts 20,000 of them). The window decodes each image anyway, for its background prediction, and its
list reads "error" on one that fails (`FileListModel.image_errors`): the panel said "0 problems" beside it.
These are those images, followed as the list learns of them (another failure, an image readable again).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from petloc_gui.core.stats import UNREADABLE_IMAGE, Problem
from petloc_gui.ui.review.file_list import FileListModel

# The list tells of its facts in batches (`file_list.FLUSH_MS`), thousands of predictions at a folder's
# opening: the failures are read again once a batch has passed, not once a row.
CHECK_MS = 300
FOUND_WHEN = "found when predicting"


class DecodeProblems(QObject):
    """The undecodable images of one list (`follow`); ``changed()`` when they change."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._images: FileListModel | None = None
        # the dataset's items as followed, numbered as the list; an image's path is made only once it fails
        # (each one's at a folder's opening was 0.25 s on the UI thread at 20,000 images, for no problem)
        self._items: tuple = ()
        self._failures: tuple[tuple[int, str], ...] = ()  # (item, why), as read last
        self._check = QTimer(self, singleShot=True, interval=CHECK_MS)
        self._check.timeout.connect(self.check)

    def follow(self, images: FileListModel | None, dataset) -> None:
        """The list of ``dataset``'s images (None: no list, no such problems)."""
        self._let_go()
        # (its items are the dataset's, numbered alike: a list of another folder is none of this one's)
        self._images = images if images is not None and len(images.names) == len(dataset.items) else None
        self._items = tuple(dataset.items)
        self._failures = ()
        if self._images is not None:
            # a decode failure found or cleared, or its image gone or back (shown or hidden by the list's
            # filter): not each repaint of the list, which a folder's predictions send every 200 ms
            for signal in self._signals():
                signal.connect(self._soon)
        self.check()

    def _let_go(self) -> None:
        if self._images is None:
            return
        # (a list left behind may be deleted by now: Qt dropped its connections with it)
        with contextlib.suppress(RuntimeError):
            for signal in self._signals():
                signal.disconnect(self._soon)
        self._images = None

    def _signals(self) -> tuple:
        images = self._images
        if images is None:  # (no list followed: nothing to connect)
            return ()
        return (images.image_errors_changed,)

    def _soon(self, *_args) -> None:
        if not self._check.isActive():
            self._check.start()

    def check(self) -> None:
        """Read the list's failures now (~1 ms at 20,000 images); ``changed()`` if they are not those read last."""
        images = self._images
        failures = () if images is None else tuple(
            (item, error) for item, error in enumerate(images.image_errors)
            if error is not None and item not in images.gone)  # a deleted image is no problem of the folder
        if failures != self._failures:
            self._failures = failures
            self.changed.emit()

    def problems(self, known: Sequence[Problem]) -> list[Problem]:
        """The failures as the statistics' problems, less the images ``known`` already finds unreadable (their
        header, as `petloc stats` reads it)."""
        unreadable = {problem.path for problem in known if problem.kind == UNREADABLE_IMAGE}
        found = []
        for item, error in self._failures:
            path = self._items[item].image_path_text  # str(image_path), as the statistics name it
            if path not in unreadable:
                # the list keeps the error's text, which begins with the path the problem names anyway
                found.append(Problem(UNREADABLE_IMAGE, path, f"{error.removeprefix(f'{path}: ')} ({FOUND_WHEN})"))
        return found
