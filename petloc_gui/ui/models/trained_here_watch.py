"""Whether the model in use trained on images of the open folder, told where its figures are shown.

The window lists every image with the model's IoU and confidence and queues them for review; where the folder holds
the model's training photos (the same set exported by another tool, under other names), those were training-set
figures with nothing said, and the model label's "acc 0.200 · IoU 0.032 on 5 validation images" did not say they
were another folder's images. `petloc evaluate` said both. Each model loaded for a folder (opening it, a pick, Use
the new model, a rollback) is checked in the background (`model.trained_here.check_trained_here`, on
`ui.background`: every image is read); a check of a model or folder no longer shown is stopped, its answer dropped.
The answer: cautions on the status line's model label and the Dataset panel's model line (`app.trained_here_said`),
and a status message, once for a model and folder. A save checks again (`files_saved`): the last answer stands but
for the held-out images' annotations, the only files read (`model.trained_here.reboxed_again`; no walk of the
folder): a box corrected on an image the figures were measured on makes them the earlier boxes' figures, and the
label says so ("1 of the 20 validation images they were measured on was re-boxed since"), leaving the re-scoring to
`petloc evaluate`. An annotation file another program changes (labelImg, a script: the folder watch tells the window,
`annotation_files_changed`, which passes the rows on: `annotations_changed`) is checked again the same way, when it
is one of those images' (no other file changes the figures' cautions): the label said nothing of a held-out box
corrected there until F5, where `petloc models` said it at once.

A model the folder's choice took while a finished run's new model waits for Use / Discard (another window's; it alone
knows a class here) is said so when it is chosen ("The model pets/… is not kept or discarded yet: picking it in
Model → Versions keeps it."); the status message here, seconds later, replaced that note: it ends with it now, while
the version is still undecided (`app.undecided_choice`).

The check reads only the images of a training image's size (`trained_here`), on a pool of its own (one thread), at
the process's priority: at nice 19 the OS paused its thread while it held Python's interpreter lock, and with every
core busy the window froze waiting for it (a main loop's p99 delay 576-1062 ms against 66-96 ms at nice 0); the check's
yields every 256 images or 32 MB keep it out of the way.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QLabel

from petloc_gui.app.trained_here_said import cautions, status_message
from petloc_gui.app.undecided_choice import undecided_said
from petloc_gui.model.trained_here import HashMemo, TrainedHere, check_trained_here, reboxed_again
from petloc_gui.ui import background
from petloc_gui.ui.model_label_fit import cautioned_line, loaded_line

MESSAGE_MS = 20000  # long enough to read a two-line message
SAVED_AGAIN_MS = 500  # a burst of saves (Save all), or of files another program writes, is checked once


class TrainedHereWatch(QObject):
    """Checks each model ``models`` loads against the open folder (``session()``'s dataset); shows the answer with
    ``show_line`` (the status line's model label), on ``panel_label`` (the Dataset panel's model line) and, once,
    with ``show_status``."""

    def __init__(self, models: Any, session: Callable[[], Any], show_line: Callable[[str], None],
                 panel_label: QLabel, show_status: Callable[[str, int], None]) -> None:
        super().__init__(models)
        self._models, self._session = models, session
        self._show_line, self._panel_label, self._show_status = show_line, panel_label, show_status
        self._memo: dict[str, HashMemo] = {}  # the images' hashes, kept while their files are unchanged
        self._worker: background.Worker | None = None
        # its own thread: one check at a time, never holding a thread the global pool's work needs
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._checking: tuple[int, Any, Path] | None = None  # (generation, ModelInfo, folder) being checked
        self._generation = 0
        # a save arrived while a check ran: that check may have read the annotations before it, so the model is
        # checked again once it has answered
        self._saved_while_busy = False
        # the annotation files changed on disk while a check ran, whose answer tells whether they are held out
        self._changed_while_busy: set[str] = set()
        self._said: set[tuple[str, str, int]] = set()  # (model spec, folder, count) told on the status line
        self._panel_base = self._panel_shown = ""  # the panel's model text without our lines, and with them
        self._cautioned: tuple[str, str] | None = None  # (model spec, folder) whose cautions the labels show
        self._saved_again = QTimer(self)
        self._saved_again.setSingleShot(True)
        self._saved_again.setInterval(SAVED_AGAIN_MS)
        self._saved_again.timeout.connect(self._check_again)
        self.found: TrainedHere | None = None  # the last answer shown (tests; None: none for the model shown)
        models.loaded.connect(self._loaded)
        for signal in (models.switched, models.no_model, models.failed):
            signal.connect(self.stop)
        app = QCoreApplication.instance()
        if app is not None:  # quitting: the check stops at its next yield, not at the folder's end
            app.aboutToQuit.connect(self.stop)

    def stop(self, *_: Any) -> None:
        """The model or folder checked is no longer shown: its check stops, its answer is dropped."""
        self._generation += 1
        self._checking, self.found, self._cautioned = None, None, None
        self._saved_while_busy = False  # the next check, of another model or folder, reads the annotations anew
        self._changed_while_busy = set()
        if self._worker is not None:
            self._worker.quit()
            self._worker = None

    def files_saved(self) -> None:
        """Annotations were saved: the model in use is checked again, soon (a re-boxed held-out image)."""
        self._saved_again.start()

    def annotations_changed(self, rows: list[int]) -> None:
        """Annotation files of the open folder's ``rows`` changed on disk (another program; the window's saves too):
        the model in use is checked again, soon, when one of them is the annotation of an image its figures were
        measured on; while a check runs, once it has answered which those are (`_ended`)."""
        session = self._session()
        if session is None:
            return
        items = session.dataset.items
        paths = {items[row].annotation_path_text for row in rows if 0 <= row < len(items)}
        if self.busy():
            self._changed_while_busy |= paths
        elif self._held_out_among(paths):
            self._saved_again.start()

    def _held_out_among(self, annotations: Collection[str]) -> bool:
        """Whether one of ``annotations`` (paths as the dataset gives them) is that of a held-out image the last
        answer found here (`HeldOut.annotations`, the files a check after a save reads)."""
        found = self.found
        if not annotations or found is None or found.pending or found.held_out is None:
            return False
        return not set(found.held_out.annotations.values()).isdisjoint(annotations)

    def _check_again(self) -> None:
        """After saves: the held-out images' annotations read again, the last answer's count and hashes kept (a
        save changes no image); the whole check while there is no answer to keep. A check still running may have
        read the annotations before the save (its last step, yet the save can land between it and the answer):
        checked again when it ends (`_ended`)."""
        info = self._models.info
        if info is None:
            return
        if self.busy():
            self._saved_while_busy = True
            return
        last = self.found
        kept = (last is not None and not last.pending and last.held_out is not None
                and self._current(self._generation) is not None)
        self._start(info, last if kept else None)

    def _ended(self, generation: int) -> None:
        """Check ``generation`` ended (its answer, if any, handled before this): a save made meanwhile, or a held-out
        image's annotation changed on disk meanwhile, is checked."""
        if generation != self._generation:
            return
        changed, self._changed_while_busy = self._changed_while_busy, set()
        if self._saved_while_busy or self._held_out_among(changed):
            self._saved_while_busy = False
            self._check_again()

    def busy(self) -> bool:
        return self._worker is not None and not self._worker.is_finished()

    def _loaded(self, info: Any) -> None:
        self.stop()
        self._start(info)

    def _start(self, info: Any, last: TrainedHere | None = None) -> None:
        """Checks ``info``'s model against the open folder; ``last``: its answer for them, kept but for the held-out
        images' annotations (`reboxed_again`)."""
        session = self._session()
        if session is None or info is None or info.path is None:
            return
        root = Path(session.dataset.root)
        if last is not None:
            check: tuple[Any, ...] = (reboxed_again, Path(info.path), root, last)
        else:
            # a copy (the scan may go on), as text: the Paths are built in the worker
            images = [(item.image_path_text, item.annotation_path_text) for item in session.dataset.items]
            check = (check_trained_here, Path(info.path), root, images, self._memo, info.split)
        generation = self._generation
        self._checking = (generation, info, root)
        self._worker = background.start(*check, pool=self._pool,
                                        yielded=lambda value: self._yielded(generation, value),
                                        finished=lambda: self._ended(generation))

    def _current(self, generation: int) -> tuple[Any, Path] | None:
        """The model and folder of check ``generation`` while they are still shown; else None (and it stops)."""
        checking, session = self._checking, self._session()
        if checking is None or checking[0] != generation:
            return None
        _, info, root = checking
        if session is None or Path(session.dataset.root) != root or self._models.info is not info:
            self.stop()  # another folder, or another model, whose own check follows its load
            return None
        return info, root

    def _yielded(self, generation: int, value: Any) -> None:
        current = self._current(generation)
        if current is None or not isinstance(value, TrainedHere):
            return  # stale, or progress
        info, root = current
        if value.memo and (self.found is None or value.memo is not self.found.memo):  # (a save's check: the same)
            self._memo = {**self._memo, **value.memo}  # a new dict: a running check reads the old one
        shown_for = (info.spec, str(root))
        if value.pending and self._cautioned == shown_for:
            return  # checked again (a save): the cautions shown stand until the answer
        self.found = value
        extra = cautions(value, info.split)
        if extra:
            self._show_line(cautioned_line(info, extra))
            self._mark_panel([caution.long for caution in extra])
            self._cautioned = shown_for
        elif self._cautioned == shown_for:  # what they said no longer holds (a box put back, an image removed)
            self._show_line(loaded_line(info))
            self._mark_panel([])
            self._cautioned = None
        message = status_message(value, info.name)
        key = (info.spec, str(root), value.count or 0)
        if message and key not in self._said:
            self._said.add(key)
            # the choice's note that the model is undecided, said before: replaced, it was lost
            undecided = [f"{note[:1].upper()}{note[1:]}." for note in undecided_said(info.spec)]
            self._show_status(" ".join([message, *undecided]), MESSAGE_MS)

    def _mark_panel(self, lines: list[str]) -> None:
        """The Dataset panel's model line with the cautions under its figures (replacing ours of a pending answer;
        the panel's text set since, by a load, is the new base)."""
        shown = self._panel_label.text()
        if shown != self._panel_shown:
            self._panel_base = shown
        marked = "<br>".join([self._panel_base, *(f"<i>caution:</i> {html.escape(line)}" for line in lines)])
        self._panel_label.setText(marked)
        self._panel_shown = marked
