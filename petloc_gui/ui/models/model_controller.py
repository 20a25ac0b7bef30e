"""Which model the window uses: the Model menu, switching, and load status.

The model itself lives in the PredictionService's worker thread; this class
keeps what the UI knows about it (spec, ModelInfo, last failure), reports
changes as signals and shows a non-modal error box when loading fails.
A folder just opened gets its model from a worker (`folder_model_chooser`);
meanwhile (``choosing``) no model is in use for it, and the one the window
had stays in the prediction worker, used again if chosen again (F5).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from petloc_gui.app.model_choice import (
    FolderMemory,
    knows_enough,
    listed_name,
    model_display_name,
    model_gaps,
    model_problem,
)
from petloc_gui.core.errors import SaveError
from petloc_gui.core.scored_objects import learned
from petloc_gui.core.text import counted, first_of, visible
from petloc_gui.ui.keyboard_back import keyboard_back
from petloc_gui.ui.model_label_fit import loaded_line
from petloc_gui.ui.models.first_model_start import FirstModelStart, folder_first_model_start
from petloc_gui.ui.models.folder_model_chooser import KeptModel
from petloc_gui.ui.models.load_failed import LoadFailed
from petloc_gui.ui.models.model_handle import BUNDLED_MODELS
from petloc_gui.ui.models.new_classes_bar import NewClassesBar, counts_on_test_list, trained_counts
from petloc_gui.ui.models.picked_version import keep_picked
from petloc_gui.ui.models.prediction_service import PredictionService
from petloc_gui.ui.models.warning_box import show_warning
from petloc_gui.ui.plain_text import literal


class ModelSettings(Protocol):
    """Where the last model is remembered (ui.settings.Settings)."""

    last_model: str


class ModelHost(Protocol):
    """The little the controller asks of the window (the open folder, a status line, training)."""

    @property
    def session(self) -> Any:
        """The open folder's ReviewSession, or None."""

    def current_folder(self) -> Path | None: ...

    def show_status(self, text: str, ms: int) -> None: ...

    def train_for_folder(self) -> None:
        """Train a model for the open folder's own classes (when retraining is installed)."""

    def focus_canvas(self) -> None:
        """Give the keyboard to the image (the single-key shortcuts act there)."""


class PendingPick(NamedTuple):
    """A model picked or adopted for ``folder``, remembered for it once it has loaded."""

    spec: str
    folder: Path | None
    back: tuple[str, bool] | None  # (spec, explicit) to go back to when it fails to load
    # made while the folder's model was being chosen: one that fails to load has the folder's model chosen
    # again (``back``: the prediction worker's model then, and whether that was a pick)
    while_choosing: bool = False
    picked: bool = False  # the user's (not an adopted model): a store version not yet kept is kept once loaded


class ModelController(LoadFailed, QObject):
    """Owns the model choice of one window; tells it what happens through signals.

    It needs the prediction service, somewhere to remember the last model, a
    parent widget for its dialogs and a narrow ``ModelHost``: the window reacts
    to ``switched``, ``status``, ``loaded``, ``failed`` and ``no_model``. A folder's model is chosen by
    `FolderModelStart`, a load that fails is taken by `LoadFailed`.
    """

    # spec (str, as an object: a model folder's path may not be UTF-8, `PredictionService`): predictions
    # restart, the old ones are gone
    switched = Signal(object)
    # one line for the status bar: a str, or a `model_label_fit.ModelLine` (a str with the model's figures in their
    # parts: the label fits from them, `status_line.ModelLabel`)
    status = Signal(object)
    loaded = Signal(object)  # ModelInfo of the model now in use
    failed = Signal(str)  # why the model in use failed to load
    no_model = Signal(str)  # no model knows the folder's classes: why (predictions are gone)

    def __init__(self, predictions: PredictionService, settings: ModelSettings, menu: QMenu,
                 parent: QWidget, host: ModelHost) -> None:
        super().__init__(parent)
        self.predictions = predictions
        self.settings = settings
        self.parent_widget = parent
        self.host = host
        self.spec = ""
        self.info = None
        self.explicit = False  # picked by the user: kept when another folder is opened
        # False in a screenshot run (`ScreenshotTaker`): its --model version, not kept or discarded yet, stays so
        self.keeps_picks = True
        self.problem: str | None = None
        self.error_box: QMessageBox | None = None
        self.memory_box: QMessageBox | None = None  # the damaged folder_models.json, said once
        self._on_load: PendingPick | None = None  # a pick or adopted model to remember once it loads
        self.choosing: Any = None  # the ReviewSession whose model is being chosen (`for_folder`)
        self._kept: KeptModel | None = None  # while choosing: the model the prediction worker has
        self._group = QActionGroup(self)
        self._actions = {}
        menu.addSeparator()
        for name in BUNDLED_MODELS:
            action = menu.addAction(f"Bundled: &{name}")  # the access key: its name's first letter
            action.setCheckable(True)
            self._group.addAction(action)
            self._actions[name] = action
            action.triggered.connect(lambda _=False, n=name: self.choose(n))
        menu.setToolTipsVisible(True)
        menu.aboutToShow.connect(self._check_bundled)
        # the window places it (a row of its own); hidden with the keyboard on it, it gives it to the image
        self.new_classes = NewClassesBar(parent, lambda: trained_counts(host.session), focus_back=host.focus_canvas,
                                         reviewed=lambda: trained_counts(host.session, reviewed_only=True),
                                         shares=self._rule_counts, first_model=self._first_model,
                                         on_test_list=lambda: counts_on_test_list(host.session))
        self.new_classes.train_requested.connect(self.host.train_for_folder)
        # queued: looked at once the bar's own count is done (a new choice may hide it)
        self.new_classes.recounted.connect(self._share_changed, Qt.ConnectionType.QueuedConnection)
        predictions.model_loading.connect(self._loading)
        predictions.model_loaded.connect(self._loaded)
        predictions.model_failed.connect(self._failed)

    def _check_bundled(self) -> None:
        """Grey a bundled model whose files cannot load, with why (as Versions and `petloc models` do):
        picked, it loaded for seconds and ended in an error box."""
        for name, action in self._actions.items():
            problem = model_problem(name)
            action.setEnabled(problem is None)
            # meta.json names the file of its second stage ("<b>refine.keras"): said as it is, not as markup
            action.setToolTip(literal(f"cannot be used: {problem}") if problem else "")

    def set_model(self, spec: str) -> None:
        """Switch model: predictions restart under the new model version."""
        self._end_choosing()  # a model picked, adopted or rolled back to meanwhile: the folder's choice is over
        if self._on_load is not None and self._on_load.spec != str(spec):
            self._on_load = None  # switched away before the pick loaded: it is not remembered
        self.spec, self.info, self.problem = str(spec), None, None
        for name, action in self._actions.items():
            action.setChecked(name == spec)
        self.new_classes.conceal()
        self.settings.last_model = self.spec
        # Named now, as the pane says "Loading model…" now: the worker says it only as it begins the load, and while
        # it was still in another's (a pick left at once) the status line named that one, or the model before with
        # its figures, over this one's predictions kept on disk (`PredictionService.serves_early`).
        self.status.emit(f"Loading model {model_display_name(self.spec)}…")
        self.predictions.set_model(self.spec)
        self.switched.emit(self.spec)

    def choose(self, spec: str) -> None:
        """A model the user picked (menu or folder dialog); the open folder remembers it once it has
        loaded (one that fails to load is not remembered: the window goes back to its model)."""
        self._use(spec, explicit=True)

    def adopt(self, spec: str) -> None:
        """A model made for the open folder (a training result the user kept): used, and the folder's
        from now on (once it has loaded, as `choose`); not a pick that follows the user to other
        folders."""
        self._use(spec, explicit=False)

    def _use(self, spec: str, explicit: bool) -> None:
        # Remembered on load: a pick remembered before it loaded (a version whose model.keras was
        # broken) failed every later visit to the folder, with no fallback.
        choosing = self.choosing is not None  # no model is the folder's yet ("" in use): none to go back to
        pending = self._on_load if self.info is None and self._on_load is not None else None
        if choosing:
            back: tuple[str, bool] | None = (self._kept.spec if self._kept is not None else "", self.explicit)
        elif pending is not None and pending.spec == self.spec:  # a pick still loading was never used: back to
            back, choosing = pending.back, pending.while_choosing  # the model before it (or the folder's choice)
        else:
            back = (self.spec, self.explicit) if self.spec and self.problem is None else None
        self.explicit = explicit
        self.set_model(spec)
        self._on_load = PendingPick(str(spec), self.host.current_folder(), back, choosing, picked=explicit)

    def remember(self, spec: str, folder: Path | None = None) -> None:
        """The open folder's (or ``folder``'s) model from now on (the window and the CLI read it:
        app.model_choice); a failure is said on the status line."""
        folder = folder if folder is not None else self.host.current_folder()
        if folder is not None:
            try:
                memory = FolderMemory()
                memory.remember(folder, spec)
                if memory.note:  # a damaged memory kept aside and a new one started: said once
                    self._say_memory_kept_aside(memory.note)
            except (OSError, SaveError) as exc:
                self.host.show_status(f"Could not remember the model for this folder: {exc}", 8000)

    def _say_memory_kept_aside(self, note: str) -> None:
        """In a box of its own, not on the status line: said once, it names the copy that holds the
        other folders' models, and the status line cut it short and lost it at once to the model's
        own messages (a pick foreign to the folder says why in the same call)."""
        self.memory_box = show_warning("Folder models kept aside", f"{note[:1].upper()}{note[1:]}.", self.parent_widget)

    def _first_model(self) -> FirstModelStart | None:
        """What the open folder's first model would be (the bar's Train tip says it), None: no folder."""
        session = self.host.session
        return folder_first_model_start(session.dataset) if session is not None else None

    def show_no_model(self, choice) -> None:
        """No model knows this folder's classes: predict nothing, say so, offer to train one. (A
        folder without boxes whose bundled model is broken has no classes to train for: said only.)"""
        self.spec, self.info = "", None
        self.problem = f"No model for this folder: {choice.reason}."
        for action in self._actions.values():
            action.setChecked(False)
        self.predictions.unload()
        self.status.emit("No model for these classes" if choice.labels else "No usable model")
        self.no_model.emit(self.problem)
        if choice.labels:
            # counted again on the list's counts_changed (hidden rows too); an edit also says so at once
            session = self.host.session
            self.new_classes.show_for(choice.labels, choice.known, choice.broken_fit,
                                      rows=session.model if session is not None else None,
                                      edited=session.parts.edits.document_changed if session is not None else None,
                                      store=self.rule_store(session) if session is not None else None)
        else:
            self.new_classes.conceal()

    def labels_changed(self, labels) -> None:
        """The folder's classes changed: an automatically chosen model is chosen again by the rule
        (app.model_choice) when it no longer knows them all. A class it does not know (one boxed
        since, a typo) keeps it while it knows the classes of most boxes, as opening the folder
        does: its other predictions stay, and the bar names the class and offers to fine-tune it.
        A model the user picked is kept whatever the classes (the bar says the same). The model of
        a folder that had none because no model knew its classes is chosen again when a class some
        model knows is boxed (a mistaken class undone, a typo relabelled). The last boxed class gone, a
        model chosen for the boxes gives way to the folder's own, as when it has no boxes (its first box undone)."""
        session = self.host.session
        if session is None or self.choosing is not None:
            return  # (the choice on its way reads the classes itself; once used, the class list looks again)
        labels = learned(labels)
        if self.explicit:
            self._say_unknown(labels)
            return
        if self.info is not None:
            # A choice made for boxed classes ends with their last box (no classes, which any model "knows", kept
            # it): the folder is unboxed again, and its own model comes back as on reopening it.
            chosen_for_boxes = bool(getattr(session.model_choice, "labels", ()))
            if set(labels) <= set(self.info.class_names) and (labels or not chosen_for_boxes):
                self._say_unknown(labels)  # nothing unknown: the bar goes
                return
        elif self.spec or getattr(session.model_choice, "spec", None) is not None:
            return  # a model is loading (or failed to load): not a question of classes
        elif not session.watchers.scan_finished():
            return  # while the opening scan reads the folder, its classes so far are a part of them
        elif session.model_choice is not None and session.model_choice.none_knows(labels):
            # no model knew enough of the classes before, and the new ones no model knows: only the words
            # follow (the bar's do)
            self._say_no_model_for(labels, session.model_choice)
            return
        # no box names a class any more (edits not saved yet count): as a folder without boxes, its own model, else
        # by image size; its own model passed over once it failed to load (`LoadFailed.rule_choice`)
        choice = self.rule_choice(session, labels, self._rule_counts())
        session.model_choice = choice
        self.say_note(choice)
        if choice.spec is None:
            self.show_no_model(choice)
        elif choice.spec != self.spec:
            self.set_model(choice.spec)  # loaded, the classes are looked at again (the window's refresh)
        else:
            self._say_unknown(labels)

    def versions_changed(self) -> None:
        """A version of the store was deleted (Discard): the bar looks again for a model that knows every class
        (it went on naming the deleted one)."""
        session = self.host.session
        if session is not None and self.new_classes.isVisible():
            self._say_unknown(learned(session.classes.used) or set(self._rule_counts()))

    def _say_unknown(self, labels) -> None:
        """The loaded model does not know some of the folder's classes (``labels``): the bar names them
        (and a model that knows them all) and offers to fine-tune it with them; else the bar goes."""
        info, session = self.info, self.host.session
        if info is None:
            return  # loading, or no model: the bar is the no-model one, or hidden
        # as app.model_choice says them for its choice, the model that failed to load passed over as it did
        store = self.rule_store(session)
        unknown, fits = model_gaps(info.class_names, labels, store)
        if not unknown or session is None:
            self.new_classes.conceal()
            return
        self.new_classes.show_unknown(info.name, unknown, listed_name(fits, store) if fits else "",
                                      rows=session.model, edited=session.parts.edits.document_changed,
                                      model_classes=info.class_names)

    def _share_changed(self, counts: dict) -> None:
        """The boxes (``counts``: `_rule_counts`) changed while the bar names classes the model does not
        know: a model the rule chose (not a pick, not the folder's own) is looked at again once it no longer
        knows the classes of most boxes, as opening the folder would (the classes alone did not change).
        Decided on the classes and counts the rule then chooses by (`labels_changed`): by other ones (first
        boxes here, every class there) the rule kept the model this look gave up, and they took turns
        without end."""
        session, info = self.host.session, self.info
        if self.explicit or session is None or info is None or not counts:
            return
        labels = learned(session.classes.used) or set(counts)
        if getattr(session.model_choice, "remembered", False) or knows_enough(info.class_names, labels, counts):
            return
        self.labels_changed(labels)

    def _say_no_model_for(self, labels, choice) -> None:
        """The prediction pane and header name the classes no model knows now (they kept the first list)."""
        problem = f"No model for this folder: {choice.reason_for(labels)}."  # the bar's reason too
        if problem != self.problem:
            self.problem = problem
            self.no_model.emit(problem)

    def _rule_counts(self) -> dict[str, int]:
        """Boxes per class as the model choice weighs them (app.model_choice): every box, as opening counts."""
        session = self.host.session
        return session.model.box_counts(every_box=True) if session is not None else {}

    def ask_folder(self) -> None:
        with keyboard_back():
            folder = QFileDialog.getExistingDirectory(self.parent_widget,
                                                      "Open model folder (a bundle with meta.json)")
        if folder:
            self.choose(folder)

    # --- worker signals -------------------------------------------------------------
    def _loading(self, spec: str) -> None:
        if spec != self.spec:
            return  # switched away already, or a folder's model being chosen (`CHOOSING` says so)
        self.status.emit(f"Loading model {model_display_name(spec)}…")

    def _loaded(self, info) -> None:
        if self._kept is not None and info.spec == self._kept.spec:
            self._kept = KeptModel(info.spec, info, loading=False)  # loaded while a folder's model is chosen
        if info.spec != self.spec:
            return  # a model the user has already switched away from
        self.info, self.problem = info, None
        self.pick_loaded(info.spec)
        self.status.emit(loaded_line(info))
        self.loaded.emit(info)
        self._say_if_foreign(info)

    def pick_loaded(self, spec: str) -> None:
        """``spec`` has loaded and is the model in use: a pick (or adopted model) waiting for that is
        remembered for the folder it was made on, and a picked version kept (`picked_version`)."""
        pick = self._on_load
        if pick is None or pick.spec != spec:
            return
        self._on_load = None
        self.pick_taken_over(spec)  # the pick petloc-gui --model named is over, unless it is this model
        if pick.folder is not None:
            self.remember(pick.spec, pick.folder)
        if pick.picked and self.keeps_picks:  # now, not when picked: one that failed to load was recorded kept
            keep_picked(pick.spec, self.host.show_status)

    def _say_if_foreign(self, info) -> None:
        """A picked model that knows none of the folder's box classes disagrees with every box, and
        nothing said why (an automatic choice never picks such a model)."""
        if not self.explicit:
            return
        session = self.host.session  # (the list's counts hold no class at 0)
        labels = sorted(session.model.box_counts()) if session is not None else []
        if not labels or set(labels) & set(info.class_names):
            return
        self.host.show_status(
            f"{visible(info.name)} knows {counted(len(info.class_names), 'class', 'classes')} "
            f"({first_of([visible(n) for n in info.class_names])}), none of this folder's "
            f"({first_of([visible(n) for n in labels])}): "
            "its predictions disagree with every box. Another model: Model → Versions; or train one.", 20000)
