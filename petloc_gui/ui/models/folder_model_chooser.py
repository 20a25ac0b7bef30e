"""The model for a folder just opened, chosen in a worker (`ui.background`): the window stays live meanwhile.

Choosing (`app.model_choice.choose_model`) reads up to 500 of the folder's annotation files, a few image
headers for a folder without boxes, and every candidate model's files: on the UI thread that took 226 ms
for a 3,000-image local folder with a warm file cache, and seconds of frozen window on a slow or network
disk, before the first image was shown. Now the first image shows at once and the model loads when the
answer arrives (`FolderModelStart`, the model controller's part). A folder closed before then (another
one opened, the window quit) stops the worker at its next annotation file; its answer reaches no one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.app.folder_sample import CancelledError
from petloc_gui.app.model_choice import ModelChoice, choose_model, class_names, model_display_name, model_problem
from petloc_gui.core.real_paths import same_real_folder
from petloc_gui.ui import background
from petloc_gui.ui.model_label_fit import loaded_line

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, Signal

    from petloc_gui.ui.model_info import ModelInfo
    from petloc_gui.ui.models.model_controller import ModelHost, PendingPick
    from petloc_gui.ui.models.new_classes_bar import NewClassesBar

    class _Controller(QObject):
        """For mypy only: the controller `FolderModelStart` is mixed into (`ModelController`), as it uses it.
        At run time the mixin's base is ``object``."""

        switched = Signal(object)
        status = Signal(object)
        loaded = Signal(object)
        host: ModelHost
        spec: str
        info: ModelInfo | None
        problem: str | None
        explicit: bool
        new_classes: NewClassesBar
        _on_load: PendingPick | None

        def set_model(self, spec: str) -> None: ...

        def show_no_model(self, choice: ModelChoice | None) -> None: ...

        def pick_loaded(self, spec: str) -> None: ...
else:
    _Controller = object

CHOOSING = "Choosing the model…"  # the model status line's, and the prediction pane's, until the answer
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FolderModel:
    """What the worker found for a folder: the rule's choice (None when it was not needed: the folder
    remembers the user's pick), and whether the pick (if any) stays the model in use."""

    choice: ModelChoice | None
    pick_stays: bool = False


def find_folder_model(dataset: Any, pick: str, stopped: Callable[[], bool]) -> FolderModel:
    """In a pool thread: the model for ``dataset`` by app.model_choice's rule. ``pick``: a model the user
    picked on another folder ("" when none), which stays while it looks loadable and knows the folder's
    classes (or its classes cannot be read), unless the folder remembers a model of its own; on the folder
    it was picked on it stays whatever the classes, and the folder is not sampled at all."""
    usable = bool(pick) and model_problem(pick) is None  # a pick deleted since: chosen anew
    if usable and FolderMemory().get(Path(dataset.root)) == pick:
        return FolderModel(None, pick_stays=True)
    choice = choose_model(dataset, stopped=stopped)
    if not usable or choice.remembered:  # a folder using another model of its own ends the pick
        return FolderModel(choice)
    names = class_names(pick)
    stays = names is None or choice.labels <= set(names)
    # the note (the folder's own model passed over) names the model in use: the pick, not the rule's
    return FolderModel(replace(choice, note=choice.note_using(pick)) if stays else choice, pick_stays=stays)


class FolderModelChooser:
    """One folder's choice at a time, in a worker; after `stop`, its answer is dropped."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._worker: background.Worker | None = None

    def start(self, dataset: Any, pick: str, chosen: Callable[[FolderModel], None]) -> None:
        """Choose in a worker; ``chosen`` gets the answer in the UI thread, unless `stop` came first. A
        choice that fails unexpectedly is an answer too: no model, and why (the window says it)."""
        self.stop()  # an earlier choice's answer is not this one
        stop = self._stop = threading.Event()

        def returned(found: FolderModel) -> None:
            if not stop.is_set():
                chosen(found)

        def errored(exc: Exception) -> None:
            if stop.is_set() or isinstance(exc, CancelledError):
                return
            _log.error("choosing the model failed", exc_info=exc)
            chosen(FolderModel(ModelChoice(None, f"choosing one failed ({type(exc).__name__}: {exc})")))

        self._worker = background.start(find_folder_model, dataset, pick, stop.is_set,
                                        returned=returned, errored=errored)

    def stop(self) -> None:
        """The answer is no longer wanted (the folder closed): the worker ends at its next annotation file."""
        self._stop.set()

    def busy(self) -> bool:
        """A choice is under way (started, not ended)."""
        return self._worker is not None and not self._worker.is_finished()


class KeptModel(NamedTuple):
    """The model the prediction worker has while a folder's model is chosen: used again if chosen again."""

    spec: str  # "" when none
    info: Any  # its ModelInfo once loaded, else None
    loading: bool  # its load is under way (not loaded, not failed): the one used if it is chosen again


class FolderModelStart(_Controller):
    """Mixed into `ModelController`: the model for a folder just opened. While it is chosen (``choosing``:
    the folder's ReviewSession) no model is in use for the folder (``spec`` is ""): the one the window had
    stays in the prediction worker (``_kept``), used again without a reload if it is chosen again (F5)."""

    choosing: Any  # the ReviewSession whose model is being chosen, or None
    _kept: KeptModel | None  # while choosing: the prediction worker's model
    # the model petloc-gui --model named and the folder it was named for: kept there while the pick is, reading the
    # folder again included, as a menu pick is by the folder's memory (which the command line's is not written to);
    # None once the pick is over (`_chosen`, `pick_taken_over`): the same model picked again elsewhere is not it
    _picked_on: tuple[str, Path] | None = None

    def for_folder(self, requested: str | None, session) -> None:
        """The model for ``session``'s folder, just opened: ``requested`` (petloc-gui --model) at once, as a
        pick or adopted model still loading for this very folder (F5 meanwhile: it is remembered once
        loaded; the folder's older model would end it first). Otherwise chosen in a worker (`choosing`
        until `_chosen`): a model the user picked stays across folders while it knows the new folder's
        classes (or its classes cannot be read), unless the folder remembers its own model; else the pick
        is over (`find_folder_model`). The folder ``requested`` was named for, read again (F5) while the pick is
        kept, keeps it whatever its classes (`_stays_here`), as a menu pick remembered for its folder stays."""
        if self._kept is None:  # the prediction worker's model: used again if chosen again
            loading = bool(self.spec) and self.info is None and self.problem is None
            self._kept = KeptModel(self.spec, self.info, loading)
        self.choosing = None  # a choice for the folder left is dropped when it arrives
        spec = self._kept.spec
        if requested:
            from petloc_gui.ui.models.model_controller import PendingPick  # (it imports this module)

            self.explicit = True
            # a pick too: a version not kept or discarded yet is kept once it has loaded (not remembered for the
            # folder: it was not before)
            self._on_load = PendingPick(str(requested), None, None, picked=True)
            self._picked_on = (str(requested), Path(session.dataset.root))
            self._settle(session, requested)
        elif self._stays_here(spec, session):
            self._settle(session, spec)
        else:
            self._start_choosing(session)

    def _stays_here(self, spec: str, session) -> bool:
        """Whether ``spec``, the prediction worker's model, stays ``session``'s folder's at once, not chosen in a
        worker: a pick or adopted model still loading for this very folder (`_on_load`), or the pick petloc-gui
        --model named for it (``_picked_on``), still kept (``explicit``: no other model chosen since), whose files
        still look loadable (one deleted since is chosen anew, as `find_folder_model` passes it over), whatever
        the classes. The latter went through the folder's choice: a class it did not know, boxed by another
        program, then F5, switched to a stored version that knew every class, unsaid."""
        root, pending, picked = Path(session.dataset.root), self._on_load, self._picked_on
        if pending is not None and pending.spec == spec and same_folder(pending.folder, root):
            return True
        return (self.explicit and picked is not None and bool(spec) and picked[0] == spec
                and same_folder(picked[1], root) and model_problem(spec) is None)

    def pick_taken_over(self, spec: str) -> None:
        """``spec``, picked or adopted since, has loaded (`pick_loaded`): the pick petloc-gui --model named is over
        unless it is that model (picked again on its folder). Before, its folder kept it on its next reading: picked
        in the menu there, the folder's own pick was passed over. A pick that fails to load goes back to the named
        model, whose pick goes on: so not when the other is asked for (`set_model`)."""
        if self._picked_on is not None and self._picked_on[0] != spec:
            self._picked_on = None

    def _start_choosing(self, session) -> None:
        """``session``'s model chosen in a worker; meanwhile no model is in use for it (`_chosen` ends that)."""
        self.choosing = session
        self.spec, self.info, self.problem = "", None, None  # no model is this folder's yet
        self.new_classes.conceal()  # the folder left's
        self.status.emit(CHOOSING)
        kept = self._kept.spec if self._kept is not None else ""
        session.choose_model(kept if self.explicit else "", lambda found: self._chosen(session, found))

    def choose_again(self, session, back: tuple[str, bool]) -> None:
        """A model picked (or adopted) while ``session``'s model was chosen failed to load: the folder's
        model is chosen again, as when it opened. ``back``: the prediction worker's model before the pick,
        and whether it was a pick that follows the user (it stays if it knows the folder's classes)."""
        spec, self.explicit = back
        self._kept = KeptModel(spec, None, loading=False)  # the worker has no model now: loaded if chosen
        self._start_choosing(session)
        session.model.clear_predictions()  # those the failed model's files had kept on disk, served meanwhile
        session.show_prediction()  # "Choosing the model…"

    def _chosen(self, session, found: FolderModel) -> None:
        """The worker's answer for ``session``: used unless another folder was opened or a model picked
        meanwhile (a stale answer is dropped)."""
        if session.closed:
            return  # (the window quit, or another folder was opened)
        if found.choice is not None:
            session.model_choice = found.choice
        if session is not self.choosing or session is not self.host.session:
            return  # a model was picked meanwhile
        self.say_note(found.choice)
        if found.pick_stays:  # the pick is the prediction worker's model, kept while choosing
            spec: str | None = self._kept.spec if self._kept is not None else self.spec
        else:
            self.explicit = False
            self._picked_on = None  # the pick is over: the same model picked again later is another pick
            spec = found.choice.spec if found.choice is not None else None
        self._settle(session, spec, found.choice)
        session.classes.refresh()  # the class list with the model's classes, and the classes looked at again

    def _settle(self, session, spec: str | None, choice=None) -> None:
        """Use ``spec`` for ``session``'s folder (None: no model knows its classes: say so, offer to train)."""
        kept = self._end_choosing()
        if spec is None:
            self.show_no_model(choice)
        elif spec == self.spec and self.info is not None:  # the model the window had, loaded: its predictions now
            # (a pick that loaded while the choice was made is remembered now: it stays in use)
            self.pick_loaded(spec)
            self.status.emit(loaded_line(self.info))
            self.loaded.emit(self.info)
        else:
            if spec == self.spec and kept is not None and kept.loading:
                # its load under way is this folder's (F5 while it loads): asked again, it loaded twice
                self.switched.emit(spec)  # the rows wait for it (or get its kept predictions: `serves_early`)
            else:
                self.set_model(spec)
            # now, not when the worker starts it: it may end a discarded load first ("Choosing…" till then)
            self.status.emit(f"Loading model {model_display_name(spec)}…")

    def _end_choosing(self) -> KeptModel | None:
        """No choice is awaited any more: the model the prediction worker has (returned) is this
        controller's again."""
        session, self.choosing = self.choosing, None
        kept, self._kept = self._kept, None
        if kept is not None:
            self.spec, self.info = kept.spec, kept.info
        if session is not None:
            session.model_decided()
        return kept

    def say_note(self, choice) -> None:
        """A model that fits was passed over because its model file is broken (the folder's
        remembered one, a bundled one), or the folder's own is made for other images: said on the
        status line (the latter with how to change it: the note, the CLI's too, ends with it)."""
        note = getattr(choice, "note", "")
        if note:
            how = ": Model → Bundled or Versions to change it" if getattr(choice, "other_kind", False) else ""
            self.host.show_status(f"{note[:1].upper()}{note[1:]}{how}.", 15000)


def same_folder(a: Path | None, b: Path) -> bool:
    """The same folder, however it was named: through a link, or typed in another case or Unicode form
    where the disk ignores those (macOS' real path keeps the spelling typed; `core.disk_same`)."""
    return a is not None and same_real_folder(a, b)
