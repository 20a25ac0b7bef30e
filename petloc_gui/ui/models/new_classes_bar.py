"""The bar shown when the model does not know some of a folder's classes: says so, and offers to train.

With no model (none knows enough of the folder's classes) it offers "Train a
model for these classes…"; with a model kept though it does not know a class
boxed since (app.model_choice), it names that class and offers "Fine-tune the
model with the new classes…". Both open the Retrain dialog (the held-out
images, the epochs) before anything runs. With no model the bar also says what
that run trains (a first model: there is none to fine-tune) and the pick that
makes it a fine-tune of the bundled model instead (`ways_on`): the first new
class drawn on a folder of photos drops pets, and nothing said it could be kept.

A class typed two ways (kept model: a new class that is the model's spelled another way, "cat" beside
its "Cat") is refused, as the Retrain dialog and `petloc train` refuse it and in their words
(`core.case_variant_refusal`): nothing is offered until the class has one name (Edit → Classes…).
Otherwise the button is enabled as soon as every class (kept model: every new class) has
``MIN_BOXES_PER_CLASS`` boxed images (counted from the file list, so boxes
drawn since the folder opened count too), a person's: unreviewed pre-labels do
not count (`reviewed`), as `petloc train`'s warning of thin classes counts
(`app.model_choice.MIN_BOXES_PER_CLASS`, one rule); nor do the images of the folder's test list
(`trained_counts`), which every run holds out: counted, a class boxed only there was offered a run
that could not learn it. Their byte copies under other names, which every run holds out too, are counted (only
their bytes tell them, not read on the UI thread to count a bar): said when a class counted for has images on the
list, with where the classes a run cannot learn are said (the Retrain dialog). The list's ``counts_changed`` (a row
its filter hides too, rewritten on disk or edited: it changes no row the list shows)
and each edit say when to count again, at most once per
``THROTTLE_MS``: a burst of changes (the opening scan, a rename over the
folder) is one count, and no change none.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QRect, Qt, Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolBar, QWidget

from petloc_gui.app.class_tally import items_on_test_list
from petloc_gui.app.model_choice import MIN_BOXES_PER_CLASS, ModelChoice, describe_labels, model_problem
from petloc_gui.core.case_variant_refusal import Wording, case_variant_refusal
from petloc_gui.core.label_variants import same_class, shown_apart, spelled_as
from petloc_gui.core.natural_order import natural_order
from petloc_gui.core.text import counted, visible
from petloc_gui.ui.change_throttle import ChangeThrottle
from petloc_gui.ui.models.first_model_start import DIGITS_START, FirstModelStart, first_model_start

THROTTLE_MS = 250  # from a change of the list to its count on the bar, at most
MIN_FIT_WIDTH = 40  # px of message: a degenerate width, not worth a height
CHOICES_AT = "in the Retrain dialog"  # where a class of the model is renamed (`Wording`): its class choices
NEEDED_SHOWN = 6  # classes named in "still needed"; the others are counted
TRAIN_TEXT = "Train a model for these classes…"  # "…": the Retrain dialog comes first
TRAIN_TIP = ("Opens the Retrain dialog for a new model of this folder's boxes (it lists the images held out and "
             "asks for the epochs): {}, and used for this folder when it is done")  # `train_tip` fills it
FINE_TUNE_TEXT = "Fine-tune the model with the new classes…"
# said after the counts when a class they are for has images on the folder's test list (`_test_list_said`)
COPIES_SAID = ("Byte copies of test-list images under other names are held out too, but counted here (their bytes are "
               "not read): the Retrain dialog says which classes a run cannot learn.")
FINE_TUNE_TIP = ("Opens the Retrain dialog to fine-tune the model in use on this folder's boxes, the new classes "
                 "added: it keeps what it knows, and the new model is compared with it before you keep it")


class CountedRows(Protocol):
    """The list the counts come from (`ui.review.file_list.FileListModel`, a layer above: not imported)."""

    # its class counts changed, a row its filter hides too: every change of the counts, and only those (its
    # dataChanged says a repaint of rows shown, each prediction's too, and nothing of a hidden row)
    counts_changed: SignalInstance


def trained_counts(session: Any, reviewed_only: bool = False) -> dict[str, int]:
    """Boxed images per class of ``session``'s folder (a `ReviewSession`, or None: {}) that a run could train on: the
    file list's counts (``reviewed_only``: a person's) less those of the folder's test list, which every run of the
    window holds out (`app.class_tally.items_on_test_list`)."""
    if session is None:
        return {}
    return _test_list_told(session).box_counts(reviewed_only, test_list=False)


def counts_on_test_list(session: Any) -> dict[str, int]:
    """Boxed images per class of ``session``'s folder on its test list (`trained_counts` leaves them out)."""
    if session is None:
        return {}
    return _test_list_told(session).test_list_counts()


def _test_list_told(session: Any) -> Any:
    """``session``'s file list, told its folder's test list at the first count (`RowClasses.hold_out`: the list
    counts those rows apart as they change): looked for at each count, among every image, and their shares taken
    three times, it cost 66 ms a count at 20,000 images (2,000 listed) on the UI thread."""
    rows = session.model
    if rows.test_rows is None:  # a folder read again is a new session, its own list
        rows.hold_out(items_on_test_list(session.dataset.items))
    return rows


def still_needed(counts: dict[str, int], labels: set[str]) -> dict[str, int]:
    """Boxes still needed per class (``labels``; ``counts``: boxed images per class) before a model can be
    trained."""
    return {name: MIN_BOXES_PER_CLASS - counts.get(name, 0) for name in sorted(labels)
            if counts.get(name, 0) < MIN_BOXES_PER_CLASS}


class NewClassesBar(QToolBar):
    """A toolbar row under the tools: the message and the train button."""

    train_requested = Signal()
    # (kept model) the boxes per class the model choice weighs (``shares``) changed: the rule may look again
    recounted = Signal(dict)

    def __init__(self, parent: QWidget | None, counts: Callable[[], dict[str, int]],
                 focus_back: Callable[[], None] = lambda: None,
                 reviewed: Callable[[], dict[str, int]] | None = None,
                 shares: Callable[[], dict[str, int]] | None = None,
                 first_model: Callable[[], FirstModelStart | None] | None = None,
                 on_test_list: Callable[[], dict[str, int]] | None = None) -> None:
        """``parent``: the widget the bar is a row of (the window: it is told nothing else of it);
        ``counts``: boxed images per class; ``reviewed``: those of them a person saved or is editing (not
        unreviewed pre-labels), which the offer's rule counts as `petloc train`'s warning does (None: all);
        ``shares``: the boxes per class the model choice weighs (every box), said by `recounted` when they
        change while a kept model is named (None: ``counts``); ``first_model``: what the folder's first model
        is and where it starts (`first_model_start.folder_first_model_start`, the run's rule), which the train
        button's tip says (None, or None said: the rule for both kinds of folder); ``on_test_list``: the boxed
        images per class on the folder's test list (`counts_on_test_list`), which ``counts`` and ``reviewed`` leave
        out: said when a class still short of images has some there (None: none said)."""
        super().__init__("New classes", parent)
        self._focus_back = focus_back
        self.setObjectName("new_classes")
        self.setMovable(False)
        self._counts = counts
        self._reviewed = reviewed
        self._shares = shares if shares is not None else counts
        self._first_model = first_model
        self._on_test_list = on_test_list
        # the shares said last (None: none since the bar was shown): said again only when they change, as
        # the look they start shows the bar again and it counts again (it looped, the UI thread never idle)
        self._said: dict[str, int] | None = None
        self._choice = ModelChoice(None, "")  # the choice that found no model (`show_for`)
        self._kept: tuple[str, frozenset[str], str] | None = None  # (model, unknown, knows all): `show_unknown`
        self._model_classes: tuple[str, ...] = ()  # the kept model's: a class unknown in one form marked against them
        self._ways_on = ""  # (no model) what Retrain trains, and the pick that makes it a fine-tune (`ways_on`)
        self.message = QLabel()
        # wrapped: on one line its width held an 800 px window at 1,100 px, past a small screen's edge
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # a class "<b>cat" is a name, not markup
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.message.installEventFilter(self)
        self.button = QPushButton(TRAIN_TEXT)
        self.button.setToolTip(train_tip(None))
        self.button.clicked.connect(self.train_requested)
        # Return and Enter press it, as in a dialog (outside one a push button ignores them); Space presses it
        # too, the window's Space (next to review) set aside while a button has the keyboard (`focused_widget_keys`)
        self.button.setAutoDefault(True)
        row = QWidget(self)  # the message takes the row's width, the button sits at its end
        layout = QHBoxLayout(row)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.button)
        self.addWidget(row)
        self._recount = ChangeThrottle(self.refresh, THROTTLE_MS, self)
        self.hide()

    def show_for(self, labels: frozenset[str], known: frozenset[str], broken_fit: str = "",
                 rows: CountedRows | None = None, edited: SignalInstance | None = None, store: Any = None) -> None:
        """Show the bar for a folder whose classes (``labels``) no one usable model knows; ``known``:
        the classes some usable model knows (the others are named); ``broken_fit``: why a model that
        knows them all cannot be used, said instead while the folder's classes are these. ``rows``:
        the list the counts come from, and ``edited``: a signal of each edit to an image's boxes
        (`EditController.document_changed`); counted again when either says a change (without
        them, the counts are those of now, until `refresh`). ``store``: the models as the rule read them
        (`LoadFailed.rule_store`: a bundled model that failed to load cannot be used there), for `ways_on`'s pick:
        it offered to fine-tune the bundled model whose broken file had just failed to load."""
        self._choice = ModelChoice(None, "", frozenset(labels), known=frozenset(known), broken_fit=broken_fit)
        self._kept, self._said = None, None
        self.button.setText(TRAIN_TEXT)
        # the folder's own: a digits folder's first model is no ImageNet backbone (it was said so)
        start = self._first_model() if self._first_model is not None else None
        self.button.setToolTip(train_tip(start))
        # once: it looks at the bundled model's file
        self._ways_on = ways_on(start, lambda name: model_problem(name, store) is None)
        self._follow(rows, edited)
        self.refresh()
        self.show()

    def show_unknown(self, model: str, unknown: frozenset[str], knows_all: str = "",
                     rows: CountedRows | None = None, edited: SignalInstance | None = None,
                     model_classes: Collection[str] = ()) -> None:
        """Show the bar for a model in use (named ``model``) that does not know the folder's classes
        ``unknown``: its other predictions stay; ``knows_all`` names a model that knows every class.
        ``rows`` and ``edited``: as `show_for` (the new classes' boxes are counted). ``model_classes``: the
        model's, a class it knows in the other Unicode form said with its form ("chat_été (composed)")."""
        self._kept = (model, frozenset(unknown), knows_all)
        self._model_classes = tuple(model_classes)
        self.button.setText(FINE_TUNE_TEXT)
        self.button.setToolTip(FINE_TUNE_TIP)
        self._follow(rows, edited)
        self.refresh()
        self.show()

    def _follow(self, rows: CountedRows | None, edited: SignalInstance | None = None) -> None:
        """A change of the list or an edit: counted again within ``THROTTLE_MS``, once for all until then."""
        signals = [] if rows is None else [rows.counts_changed]
        if edited is not None:
            signals.append(edited)
        self._recount.follow(signals)

    def conceal(self) -> None:
        self._kept, self._said = None, None
        self._recount.stop()
        # (Qt's QWidget.window(): the top-level the bar is in, whatever it is) its focus widget, also while
        # another window (Retraining) is active
        focus = self.window().focusWidget()
        had_focus = focus is not None and self.isAncestorOf(focus)
        self.hide()
        if had_focus:  # the train button, clicked: Qt gave the keys to the next widget, the Label box,
            self._focus_back()  # where D, N, A and 1-9 then typed letters; they belong to the image

    def refresh(self) -> None:
        if self._kept is not None:
            self._refresh_kept()
            return
        counts = self._counts()  # once: a copy of the list's tally (`trained_counts`)
        labels = set(counts) | set(self._choice.labels)
        reviewed = self._reviewed() if self._reviewed is not None else counts
        missing = still_needed(reviewed, labels)
        reason = self._choice.reason_for(labels, of_folder=" of this folder")  # the status line's reason too
        text = f"{reason[:1].upper()}{reason[1:]}, so nothing is predicted."
        # a class typed two ways: the run is refused (the Retrain dialog's and `petloc train`'s words), and
        # the boxes each spelling still needs would be counted apart
        refusal = case_variant_refusal(counts, noun=("image", "images"))
        if refusal:
            text += f" {refusal[:1].upper()}{refusal[1:]}, then train."
        elif missing:
            needed = _needed_text(missing)
            text += (f" Box at least {MIN_BOXES_PER_CLASS} images of each class to train one (still needed: {needed})."
                     + _prelabels_wait(missing, counts, reviewed) + self._test_list_said(missing, labels)
                     + self._ways_on)
        else:
            text += (" Every class has enough boxes: train a model for them." + self._test_list_said({}, labels)
                     + self._ways_on)
        self.message.setText(text)
        self.button.setEnabled(bool(labels) and not missing and not refusal)  # nothing to offer until one name
        self._fit_message()

    def _refresh_kept(self) -> None:
        model, unknown, knows_all = self._kept or ("", frozenset(), "")
        counts = self._counts()
        shares = self._shares()  # the model's share of the boxes: pre-labels are boxes of the folder too
        if shares != self._said:
            self._said = shares
            self.recounted.emit(shares)
        reviewed = self._reviewed() if self._reviewed is not None else counts
        missing = still_needed(reviewed, set(unknown))
        it = "it" if len(unknown) == 1 else "them"
        text = (f"{visible(model)} does not know {describe_labels(unknown, known=self._model_classes)}, so it never "
                f"predicts {it}; its predictions of the other classes are shown.")
        if knows_all:
            text += f" {visible(knows_all)} knows every class of this folder: Model → Versions."
        # a new class that is a class of the model typed another way: the fine-tune is refused (the Retrain
        # dialog's words, the model's classes boxed here marked so), as the no-model bar refuses the folder's
        known = sorted(set(counts) - unknown)  # the model's classes among this folder's (the bar has no others)
        refusal = case_variant_refusal(counts, known, noun=("image", "images"), wording=Wording(CHOICES_AT))
        if refusal:
            text += f"{_spelled_otherwise(unknown, known)} {refusal[:1].upper()}{refusal[1:]}."
        elif missing:
            needed = _needed_text(missing)
            text += (f" Box at least {MIN_BOXES_PER_CLASS} images of each new class to fine-tune the model with "
                     f"{it} (still needed: {needed}).{_prelabels_wait(missing, counts, reviewed)}"
                     + self._test_list_said(missing, unknown))
        else:
            text += (f" Every new class has enough boxes: fine-tune the model with {it}."
                     + self._test_list_said({}, unknown))
        self.message.setText(text)
        self.button.setEnabled(not missing and not refusal)
        self._fit_message()

    def _test_list_said(self, missing: dict[str, int], asked: Collection[str]) -> str:
        """" Images on the folder's test list do not count: …" when a class still short of images (``missing``) has
        some there: they were counted, and the bar offered a run that could not learn the class. Then, when a class
        the bar counts for (``asked``: the folder's, or the model's new ones) has some there, `COPIES_SAID`: their byte
        copies under other names, which every run holds out too (`collect_folder`'s test_copies), are counted, as
        only their bytes tell them, and reading every image's on the UI thread is not done to count a bar. ""
        when no class of ``asked`` is on the test list."""
        held = self._on_test_list() if self._on_test_list is not None else {}
        if not any(held.get(name) for name in asked):
            return ""
        there = [f"{visible(name)} has {held[name]}" for name in missing if held.get(name)]
        if not there:
            return f" {COPIES_SAID}"
        return (f" Images on the folder's test list do not count: every run holds them out ({', '.join(there[:3])}"
                f"{'' if len(there) <= 3 else f' and {len(there) - 3} more classes have some'} there). {COPIES_SAID}")

    def eventFilter(self, watched, event) -> bool:  # Qt's name
        if watched is self.message and event.type() == QEvent.Type.Resize:
            self._fit_message()  # another width: another height (only the height is set: no loop)
        return super().eventFilter(watched, event)

    def _fit_message(self) -> None:
        """The message as tall as its text at its width: a toolbar's layout asks a wrapped label for
        no height for a width, so it sized itself for a narrow guess (4 lines in a 185 px bar)."""
        label = self.message
        margins = label.contentsMargins()
        width = label.width() - margins.left() - margins.right()
        if not self.isVisible() or width < MIN_FIT_WIDTH:
            return  # not laid out yet: a height for the label's default width would stretch the window
        # measured from the text (QLabel.heightForWidth is bounded by the height fixed last time)
        text = label.fontMetrics().boundingRect(QRect(0, 0, width, 0), Qt.TextFlag.TextWordWrap, label.text())
        height = text.height() + margins.top() + margins.bottom() + 2
        if height != label.height():
            label.setFixedHeight(height)


def train_tip(start: FirstModelStart | None) -> str:
    """The train button's tip: what the run trains and where its weights start (``start``; None: the rule for
    a folder of either kind, `app.model_choice.training_preset_for`'s)."""
    if start is not None:
        return TRAIN_TIP.format(f"{start.network}, trained {start.start} in the background")
    return TRAIN_TIP.format(f"trained in the background (for 75x75 digit canvases, {DIGITS_START.said}; for "
                            f"photos, {first_model_start('photo').said})")


def ways_on(start: FirstModelStart | None, usable: Callable[[str], bool] = lambda name: model_problem(name) is None,
             ) -> str:
    """The no-model bar's way on, after a space: what Model → Retrain… (and the train button) trains here, a first
    model (``start``, `first_model_start`: no model is in use, so the dialog offers nothing to fine-tune), and the
    pick that makes it a fine-tune of the bundled model of the folder's kind, while that model is ``usable``
    (its file looks loadable): the first new class drawn drops that model, and nothing said it could be
    fine-tuned. None: the folder's kind not known, the pick said without a name."""
    if start is None:
        return (" Model → Retrain… trains a new model; to fine-tune a model you have with these classes instead, "
                "pick it first (Model → Versions).")
    bundled = "digits" if start.network == DIGITS_START.network else "pets"  # the one chosen by image size
    trains = f" Model → Retrain… trains {start.network} {start.start}"
    if not usable(bundled):
        return f"{trains}."
    return f"{trains}; to fine-tune {bundled} with these classes instead, pick it first (Model → Bundled: {bundled})."


def _prelabels_wait(missing: dict[str, int], counts: dict[str, int], reviewed: dict[str, int]) -> str:
    """" Unreviewed pre-labels count once saved: …" when a class still short of images has some among its
    unreviewed pre-labels ("" otherwise): they are trained on, but a class on too few of a person's images is
    never measured (pre-labels never validate), as `petloc train` warns."""
    if not any(counts.get(name, 0) > reviewed.get(name, 0) for name in missing):
        return ""
    return (" Unreviewed pre-labels count once a person saves them (a save makes a box a person's): a run never "
            "measures a class on a model's unchecked boxes.")


def _spelled_otherwise(unknown: frozenset[str], known: list[str]) -> str:
    """' "cat" is the model's class "Cat" spelled another way.': the new classes that are a class of the model
    (``known``) typed otherwise, as `petloc evaluate` says them (`cli.evaluate_labels.spelling_hint`), by the
    rule the refusal follows (`core.label_variants.same_class`: Turkish case too, "\u0131ş\u0131k" is "IŞIK"), one
    clause per class of the model; "" when none is (two new spellings of one class)."""
    typed: dict[str, list[str]] = {}  # the model's class -> the new labels that spell it otherwise
    for label in natural_order(unknown):
        if (theirs := spelled_as(label, known)) is not None:
            typed.setdefault(theirs, []).append(label)
    clauses = []
    for model_class, labels in typed.items():
        spellings = [name for name in known if same_class(name, model_class)]
        theirs = " or ".join(shown_apart(name, labels) for name in spellings)
        one = len(labels) == 1
        clauses.append(f"{_and([shown_apart(label, spellings) for label in labels])} "
                       f"{'is' if one else 'are'} the model's class {theirs} spelled "
                       f"{'another way' if one else 'other ways'}")
    return f" {'; '.join(clauses)}." if clauses else ""


def _and(parts: list[str]) -> str:
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


def _needed_text(missing: dict[str, int]) -> str:
    """"cat (2 more), dog (1 more) and 3 more classes": the boxes each class still needs (`still_needed`)."""
    needed = ", ".join(f"{visible(name)} ({n} more)" for name, n in list(missing.items())[:NEEDED_SHOWN])
    if len(missing) > NEEDED_SHOWN:
        needed += f" and {counted(len(missing) - NEEDED_SHOWN, 'more class', 'more classes')}"
    return needed
