"""The dataset panel (Ctrl+I): class balance and box-size charts, and the model's metrics.

Statistics come from core.stats, as `petloc stats` computes them (every XML and
every image's header: ~4.5 s at 10,000 images on a busy 2-core machine, 2.1 s
of it the headers), in a background worker, only while the panel is visible, and again
after the folder's annotation files change: the window's saves, and files
other programs write or remove (`folder_watchers` reports them). Again, only the headers
of images new or changed on disk are read: the sizes read before are remembered
(`core.header_memo`, in memory). Its problems are theirs and the images the window's list found it
cannot decode, as it learns of them (`decode_problems`: headers alone read fine).

Its figures are the saved files'; the window's unsaved edits (a rename in Edit → Classes relabels boxes,
unsaved, and writes predefined_classes.txt at once) are not in them. The summary says so, with how
many images have unsaved edits, and a predefined class a box has in the window is not said to be
on no box (`_follow_edits`).
"""

from __future__ import annotations

import contextlib
import html
import math
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget

from petloc_gui.app.image_document import STATUS_EDITED
from petloc_gui.app.model_metrics import accepted_names, accepted_of, figure, image_count, metrics_text, not_measured
from petloc_gui.core.header_memo import HeaderMemo
from petloc_gui.core.text import counted, first_of, names_set_apart, visible
from petloc_gui.ui import background
from petloc_gui.ui.dock_toggle import FloatingDock
from petloc_gui.ui.plain_text import as_plain, literal
from petloc_gui.ui.review.class_bars import ClassBars
from petloc_gui.ui.review.decode_problems import DecodeProblems
from petloc_gui.ui.review.file_list import FileListModel
from petloc_gui.ui.review.problem_list import ProblemList, problems_tooltip
from petloc_gui.ui.review.scrolled_panel import ScrolledPanel
from petloc_gui.ui.review.size_chart import SizeChartView, histogram
from petloc_gui.ui.review.summary_label import SummaryLabel
from petloc_gui.ui.review.wrapped_names import wrappable

if TYPE_CHECKING:  # (types only: the statistics' modules load with the first computation, in its worker)
    from petloc_gui.core.dataset import Dataset
    from petloc_gui.core.stats_record import DatasetStats

PREDEFINED_SHOWN = 12  # classes named in a line of the summary (unused predefined, never first); the others are counted


STALE_REFRESH_MS = 500
EDITS_SAID_MS = 200  # the summary follows the window's edits once per burst (a rename edits every image)


def _compute(dataset, headers: HeaderMemo):
    """In a worker: (dataset, DatasetStats or the reason they failed); ``headers``: the sizes the
    panel's last computation read."""
    from petloc_gui.app.class_list import read_classes
    from petloc_gui.core.stats import compute_stats

    try:
        # Headers read, as `petloc stats` reads them: without, a file that is no image or too large to
        # open, and an XML whose size is the photo's stored (unrotated) one, were in no problem here. The
        # predefined classes, as it reads them too: those on no box are named (`_say_summary`).
        return dataset, compute_stats(dataset, check_images=True, headers=headers,
                                      predefined=read_classes(dataset.root))
    except Exception as exc:  # noqa: BLE001 - shown in the panel
        return dataset, f"Statistics failed: {exc}"


# Each figure in words, under the line that says on which images they were measured (`metrics_text`).
METRIC_DETAIL = (
    ("accuracy", "class accuracy"),
    ("mean_iou", "mean IoU"),
    ("iou_ge_50", "boxes with IoU ≥ 0.5"),
    ("iou_ge_75", "boxes with IoU ≥ 0.75"),
)


class DatasetPanel(QDockWidget):
    """Charts of the open folder plus the current model's figures; ``image_chosen(Path)``: the user
    asked to see the image of one of the problems listed."""

    image_chosen = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__("Dataset", parent)
        self.setObjectName("dataset_dock")
        self.summary = SummaryLabel("No folder open.")  # its "N problems" is a link: it lists them
        self.summary.linkActivated.connect(self._toggle_problems)
        self.problems = ProblemList()
        self.problems.image_chosen.connect(self.image_chosen)
        self.model_label = QLabel("No model loaded.")
        self.model_label.setWordWrap(True)
        self.class_title = QLabel("Class balance (first object per image)")
        self.class_title.setWordWrap(True)  # on two lines in a narrow panel, not cut
        self.class_title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.class_bars = ClassBars()  # a row per class: every name readable in the panel's width
        self.size_chart = SizeChartView()
        self.size_chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.model_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(self.class_title)
        layout.addWidget(self.class_bars)
        layout.addWidget(self.size_chart, 1)
        # Scrolled, so its minimum height does not become the window's: at 150% scale the charts
        # and figures made the window taller than a 1000 px screen, status bar out of reach.
        self.setWidget(ScrolledPanel(body, "dataset_scroll", "Dataset figures"))
        self.setMinimumWidth(320)
        # floating (a window of its own), kept whole on its screen as the Images dock is: its charts
        # made it taller than a 1000 px screen, and its bottom past the edge could not be reached
        self.floating_guard = FloatingDock(self)
        self.stats: DatasetStats | None = None
        self.shown_problems: list = []  # the statistics' problems, then the list's decode failures
        self.decode_problems = DecodeProblems(self)
        self.decode_problems.changed.connect(self._decode_problems_changed)
        self._dataset: Dataset | None = None
        self._images: FileListModel | None = None  # the window's list (`set_dataset`): its unsaved edits are said
        self._edits_said = QTimer(self, singleShot=True, interval=EDITS_SAID_MS)
        self._edits_said.timeout.connect(self._edits_changed)
        self._worker: background.Worker | None = None
        self._stale = False
        # saves come one image at a time (Save all: thousands), a script writes file after file: the
        # figures are computed once they pause, and never more than half the time (`_stats_done`)
        self._refresh = QTimer(self, singleShot=True, interval=STALE_REFRESH_MS)
        self._refresh.timeout.connect(self._compute_if_visible)
        self._started = 0.0  # when the computation running now started (time.monotonic)
        self._rest_until = 0.0  # no computation starts before then, after one that took long
        # image sizes read by the last computation: the next reads only the headers of changed files
        self._headers = HeaderMemo()
        self._shut_down = False  # the window closed (`shutdown`): nothing computed is shown any more
        self.visibilityChanged.connect(self._visibility_changed)

    def setVisible(self, visible: bool) -> None:  # Qt's name
        super().setVisible(visible)
        if visible:
            self.raise_()  # tabbed with the image list: showing it brings its tab to the front

    def set_dataset(self, dataset, images=None) -> None:
        """``images``: the window's list of its images (`FileListModel`, `folders.open_folder`), whose decode
        failures are problems too; None for a panel with no list beside it."""
        self._dataset, self.stats, self._stale, self.shown_problems = dataset, None, True, []
        self.decode_problems.follow(images, dataset)
        self._follow_edits(images if images is not None and len(images.names) == len(dataset.items) else None)
        self.summary.setText("Computing statistics…")
        self.summary.hold_link(False)
        self.summary.setToolTip("")
        self.problems.clear()
        self.problems.hide()
        if self.isVisible():
            self._compute_if_stale()

    def _follow_edits(self, images) -> None:
        """Say the unsaved edits of ``images`` (the window's list; None: none) as they change."""
        if self._images is not None:
            with contextlib.suppress(RuntimeError):  # a list left behind may be deleted by now
                for signal in self._edit_signals():
                    signal.disconnect(self._edits_said.start)
        self._images = images
        if images is not None:
            for signal in self._edit_signals():
                signal.connect(self._edits_said.start)

    def _edit_signals(self) -> tuple:
        images = self._images
        if images is None:  # (no list followed: nothing to connect)
            return ()
        # a rename's rows the filter hides send no dataChanged, but their labels change the counts
        return images.counts_changed, images.dataChanged

    def _edits_changed(self) -> None:
        if self.stats is not None and not self._shut_down:
            self._say_summary()

    def _unsaved(self) -> tuple[int, set[str] | None]:
        """(how many images have unsaved edits, the labels on some box in the window now, edits included;
        None without the window's list)."""
        if self._images is None:
            return 0, None
        return self._images.status.count(STATUS_EDITED), self._images.labels_in_use()

    def mark_stale(self) -> None:
        """The folder's annotation files changed (a save, another program): its figures are computed
        again, soon if the panel is shown (once for a burst of changes), else when it is next shown."""
        self._stale = True
        self._refresh.start(STALE_REFRESH_MS)

    def _compute_if_visible(self) -> None:
        resting = math.ceil((self._rest_until - time.monotonic()) * 1000)
        if resting > 0:
            self._refresh.start(resting)
        elif self.isVisible():
            self._compute_if_stale()

    def set_model(self, info) -> None:
        """The model's name and figures, in the words every other place uses (`metrics_text`: on which
        split and how many images, or why there are none), then each figure as detail."""
        metrics = info.metrics or {}
        detail = [] if not_measured(metrics) else [
            f"{text}: {value:.3f}" if isinstance(value, float) else f"{text}: {value}"
            for key, text in METRIC_DETAIL
            if isinstance(value := metrics.get(key), (int, float)) and not isinstance(value, bool)]
        figures = metrics_text(metrics, info.split, info.held_out)
        if not figures:  # neither accuracy nor IoU recorded
            figures = f"figures on the {info.split} images:" if detail else "no figures recorded with this model"
        lines = [f"<b>Model:</b> {html.escape(info.name)}", html.escape(figures), *detail,
                 *map(html.escape, _person_lines(metrics))]
        if info.class_names:  # breakable inside a long name, a right-to-left one isolated (`wrappable`)
            lines.append("classes: " + ", ".join(html.escape(wrappable(name)) for name in info.class_names))
        self.model_label.setText("<br>".join(lines))
        # the whole warning `petloc train` gave (whose boxes, what they flatter), as `petloc models` carries it
        record = accepted_of(metrics)
        warning = (record or {}).get("warning")
        # the record's warning is plain (`model.comparison_accepted.told`): its models set apart here
        self.model_label.setToolTip(as_plain(names_set_apart(warning, accepted_names(record)))
                                    if isinstance(warning, str) and warning else "")

    def say_model_state(self, state: str) -> None:
        """The status line's words while no model's figures are this folder's ("Choosing the model…",
        "Loading model pets…", "Model failed: …"): it said "No model loaded.", and after F5 or another
        folder kept the model before's figures, while the status line and prediction pane said otherwise."""
        # as written: escaped, "Bob's pets" read "Bob&#x27;s pets" (no tag, so Qt took the escapes for plain text)
        self.model_label.setText(literal(state))
        self.model_label.setToolTip("")

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self.decode_problems.check()  # (a failure of a row the list's filter hides was told of no other way)
            self._compute_if_stale()

    def _compute_if_stale(self) -> None:
        busy = self._worker is not None and not self._worker.is_finished()
        if self._shut_down or not self._stale or self._dataset is None or busy:
            return
        self._stale = False
        self._started = time.monotonic()
        self._worker = background.start(_compute, self._dataset, self._headers, returned=self._stats_done)

    def _stats_done(self, done) -> None:
        if self._shut_down:  # computed past the close's wait: the panel's widgets may be deleted by now
            return
        now = time.monotonic()
        # files changing all the time (a script labelling 10,000 images): a rest as long as the last
        # computation, so the figures follow without keeping a core busy
        self._rest_until = now + (now - self._started)
        self._show_stats(*done)
        if self._stale:  # changed again while these were computed
            self._refresh.start(STALE_REFRESH_MS)

    def _show_stats(self, dataset, stats) -> None:
        if dataset is not self._dataset:
            return
        if isinstance(stats, str):
            self.summary.setText(html.escape(stats))
            self.summary.hold_link(False)
            return
        self.stats = stats
        self._show_problems()
        self.class_bars.set_counts(stats.first_object_class_counts or stats.class_counts)
        widths = stats.values.get("box_width", [])
        heights = stats.values.get("box_height", [])
        sizes = [(w * h) ** 0.5 for w, h in zip(widths, heights, strict=False)]
        edges, counts = histogram(sizes)
        self.size_chart.show_histogram("Box size (√(w·h), px)", edges, counts)

    def _decode_problems_changed(self) -> None:
        if self.stats is not None and not self._shut_down:  # else shown with the statistics
            self._show_problems()

    def _show_problems(self) -> None:
        stats = self.stats
        if stats is None:  # (called once the statistics are shown)
            return
        self.shown_problems = [*stats.problems, *self.decode_problems.problems(stats.problems)]
        self.problems.set_problems(self.shown_problems, self._dataset)
        self._say_summary()

    def _say_summary(self) -> None:
        stats, shown, dataset = self.stats, self.shown_problems, self._dataset
        if stats is None or dataset is None:  # (called once the statistics of a folder are shown)
            return
        prelabels = f" ({stats.n_prelabels} of them unreviewed pre-labels)" if stats.n_prelabels else ""
        problems = counted(len(shown), "problem")
        if shown:  # a link that lists them (and hides the list again)
            problems = (f'<a href="#problems">{problems}</a> '
                        f'({"hide" if self.problems.isVisibleTo(self) else "click to list them"})')
        unsaved, in_use = self._unsaved()
        # a class of the file only the window's unsaved boxes have (renamed, not saved yet) is on a box
        unused = [n for n in stats.unused_predefined if in_use is None or n not in in_use]
        self.summary.setText(
            f"{stats.n_images} images, {stats.n_annotated} annotated{prelabels}, {stats.n_unannotated} without "
            f"annotation, {stats.n_objects} objects, {problems}.{_unsaved_note(unsaved)}{_unused_predefined(unused)}"
            f"{_after_first(stats.after_first)}")
        self.summary.hold_link(bool(shown))
        root = Path(dataset.root)
        self.summary.setToolTip(as_plain(problems_tooltip(shown, root)) if shown else "")
        if not shown:
            self.problems.hide()

    def _toggle_problems(self, _link: str = "") -> None:
        by_keyboard = self.summary.hasFocus() and self.summary.hasSelectedText()  # Enter on the link shown
        self.problems.setVisible(not self.problems.isVisibleTo(self))
        if self.stats is not None:
            self._say_summary()
        if by_keyboard:
            self.summary.show_link()

    def shutdown(self) -> None:
        """The window closes: no computation starts, and the result of one still running after the wait is
        let go (it reached a ProblemList deleted with the window: "Internal C++ object already deleted")."""
        self._shut_down = True
        self._refresh.stop()
        self._edits_said.stop()
        if self._worker is not None:
            self._worker.wait(10)


def _person_lines(metrics: dict) -> list[str]:
    """When the figures' images hold boxes accepted from a model (`metrics_text` says how many), the figures on
    those whose boxes a person drew: on which images in `petloc train`'s words (`cli.train_report.person_lines`,
    up to its closing ": figures"), then each figure as the lines above give them (`METRIC_DETAIL`): its
    "accuracy 1.000  mean_iou 0.855" read as CLI keys, its double spaces collapsed by rich text."""
    record = accepted_of(metrics)
    if record is None:
        return []
    from petloc_gui.cli.train_report import person_lines

    said = person_lines(record)
    if not said:
        return ["none of them has a box or label a person gave"]
    person = record.get("person_drawn") or {}
    # no box a person drew: only the labels a person gave are measured (accuracy)
    shown = METRIC_DETAIL if image_count(person.get("n_images")) else METRIC_DETAIL[:1]
    detail = [f"{text}: {value:.3f}" for key, text in shown if (value := figure(person.get(key))) is not None]
    return [said[0].rsplit(": ", 1)[0] + ":", *(detail or ["no figures recorded on them"])]


def _unsaved_note(images: int) -> str:
    """That the figures are the saved files', when ``images`` have unsaved edits ("" for none)."""
    if not images:
        return ""
    return (f"<br>These figures are the saved files': {counted(images, 'image')} {'has' if images == 1 else 'have'} "
            "unsaved edits, not counted here (Save all counts them).")


def _unused_predefined(names: list[str]) -> str:
    """The classes of predefined_classes.txt on no box, as `petloc stats` names them ("" for none):
    a class typed into the file and never boxed has no bar, and no model can learn it."""
    if not names:
        return ""
    from petloc_gui.app.class_list import CLASSES_FILE

    listed = html.escape(first_of([wrappable(visible(name)) for name in names], PREDEFINED_SHOWN))
    them = "it" if len(names) == 1 else "them"
    return (f"<br>In {CLASSES_FILE}, on no box: {listed} (no image to train or measure {them}; box images of "
            f"{them} to train {them}).")


def _after_first(boxes: dict[str, int]) -> str:
    """The classes on boxes but never an image's first, as `petloc stats` names them ("" for none): the
    class bars count first boxes, so such a class has none, and no run trains it."""
    if not boxes:
        return ""
    from petloc_gui.core.stats import AFTER_FIRST_REMEDY

    listed = html.escape(first_of([f"{wrappable(visible(name))} ({counted(n, 'box', 'boxes')})"
                                   for name, n in boxes.items()],
                                  PREDEFINED_SHOWN))
    remedy = AFTER_FIRST_REMEDY if len(boxes) == 1 else "box images where each is the first object to train them"
    return (f"<br>On boxes, but never an image's first: {listed} (a run learns one box per image, the first, "
            f"so no run trains {'it' if len(boxes) == 1 else 'them'}; {remedy}).")
