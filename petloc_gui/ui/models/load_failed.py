"""A model that failed to load: what the window says and what it uses instead (`LoadFailed`, mixed into
`ModelController`).

A pick (or a model made for the folder) that fails goes back to the model used before. Use the new model
remembers the version for its folder at once (`RetrainController.use_new_model`: a window closed before the
load finished left the folder on its old model), so such a version that fails is still the folder's model:
said so, not "the folder's model is unchanged".

The folder's own model, the one it remembers (`app.folder_memory`), may so fail whenever the folder is opened:
its files look whole (`app.model_choice.model_problem` passes them) but Keras cannot read them. The window was
then left with no model at all, an error box at every opening. It now takes the model the folder's classes would
get by the rule (`app.model_choice`) if the folder remembered none, that model passed over, and says so; the memory
stays, as a remembered model whose files are found broken before loading stays: a repaired model comes back. A
bundled model (a damaged installation) is passed over as one whose files are broken: the rule, which lists the
bundled models itself, chose it again, and the window was left with no model.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.app.model_choice import (
    BUNDLED,
    ModelChoice,
    candidates,
    choose_for_labels,
    choose_without_boxes,
    model_display_name,
    model_problem,
)
from petloc_gui.ui.models.folder_model_chooser import FolderModelStart, KeptModel, same_folder
from petloc_gui.ui.models.warning_box import show_warning

if TYPE_CHECKING:
    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QMessageBox, QWidget

    from petloc_gui.ui.models.model_controller import PendingPick


class LoadFailed(FolderModelStart):
    """The prediction worker's failure to load a model, as `ModelController` (which provides the rest) takes it."""

    error_box: QMessageBox | None
    parent_widget: QWidget

    # the session whose folder's remembered model failed to load, and that model: passed over while it is open
    _passed_over: tuple[Any, str] | None = None

    if TYPE_CHECKING:  # ModelController's, declared for the checker only
        failed = Signal(str)

    def rule_choice(self, session: Any, labels: frozenset[str], counts: dict[str, int]) -> ModelChoice:
        """The model the rule (`app.model_choice`) gives ``session``'s folder for ``labels`` (none: as a folder
        without boxes) and ``counts``; the folder's remembered model passed over once it failed to load while the
        folder is open (chosen again as the classes changed, it failed again, and the two took turns for good)."""
        return choice_passing_over(session.dataset, labels, counts, self._passed_over_in(session))

    def rule_store(self, session: Any) -> Any:
        """The models as the rule reads them for ``session``'s folder: without its remembered model while that is
        passed over (`rule_choice`), else None (the store as it is). The new-classes bar looks in it for a model
        that knows every class: it named the model that had just failed to load and been passed over."""
        failed = self._passed_over_in(session)
        return _store_without(failed) if failed else None

    def _passed_over_in(self, session: Any) -> str | None:
        """The folder's remembered model, passed over in ``session`` since it failed to load; else None."""
        return self._passed_over[1] if self._passed_over is not None and self._passed_over[0] is session else None

    def _failed(self, spec: str, message: str) -> None:
        if self._kept is not None and spec == self._kept.spec:
            self._kept = KeptModel(spec, None, loading=False)  # loaded again if chosen, and said then
        if spec != self.spec:
            return  # a model the user has already switched away from
        pick, self._on_load = self._on_load, None
        text = f"{spec}:\n{message}"
        session = self.host.session
        if (pick is not None and pick.while_choosing and pick.back is not None and session is not None
                and same_folder(pick.folder, Path(session.dataset.root))):
            # picked before the folder's model was chosen: it goes on being chosen (else it had no model at all)
            text += f"\n\nThe folder's model is chosen again, as on opening it{folder_keeps(pick)}."
            self.choose_again(session, pick.back)
        elif pick is not None and pick.back is not None and pick.back[0]:  # a pick fails: back to the model before
            back, self.explicit = pick.back
            text += f"\n\nBack to {model_display_name(back)}, the model used before{folder_keeps(pick, ', for now')}."
            self.set_model(back)
        elif pick is None and session is not None and (instead := self._instead_of_remembered(session, spec)):
            text += instead
        else:
            self.problem = f"Model failed to load: {message}"
            self.status.emit(f"Model failed: {spec}")
            self.failed.emit(self.problem)
        self.error_box = show_warning("Model failed to load", text, self.parent_widget)

    def _instead_of_remembered(self, session: Any, spec: str) -> str:
        """``spec``, which failed to load, is the model the folder remembers (chosen for it on opening): the
        model its classes get without it (a bundled one too: passed over as if its files were broken), used, or
        none, and what the box says of it; "" when it is not."""
        made = session.model_choice
        if not (getattr(made, "remembered", False) and made.spec == spec):
            return ""
        choice = choice_passing_over(session.dataset, made.labels, made.box_counts, spec)
        if choice.spec == spec:
            return ""
        self._passed_over = (session, spec)
        session.model_choice = choice
        self.explicit = False
        said = "\n\nThis folder's model (the folder remembers it) could not be loaded: "
        if choice.spec is None:
            self.show_no_model(choice)
            said += f"no other model can be used ({choice.reason})."
        else:
            self.set_model(choice.spec)
            said += f"{model_display_name(choice.spec)} is used instead ({choice.reason})."
        if spec in BUNDLED:  # its files come with petloc: a damaged installation
            said += " Its files come with petloc: reinstalling petloc repairs them."
        said += " The folder still remembers it: opened again, it is tried again."
        if choice.spec is None and not offers_another_model(spec):  # the sentence sent the user to a menu with none
            return said + " Model → Versions has no other model to pick."
        return said + " Model → Versions picks another model for the folder."


def folder_keeps(pick: PendingPick, now: str = "") -> str:
    """The end of the sentence that says a failed ``pick`` is left: the folder's model unchanged, or, when the
    folder remembers the pick (Use the new model remembers it before it loads), ``now`` and that it keeps it."""
    if pick.folder is not None and FolderMemory().get(pick.folder) == pick.spec:
        return (f"{now}. The folder keeps it as its model: opened again, it is tried again, and another model is "
                "used if it fails again; Model → Versions picks another for the folder")
    return "; the folder's model is unchanged"


def offers_another_model(failed: str) -> bool:
    """Whether Model → Versions offers a model besides ``failed``, which failed to load: a bundled one whose files
    look loadable, else a version of the store (`app.model_choice.candidates`). The first loadable one answers, the
    bundled ones first: building the whole list (the store listed, each version's model.keras and meta.json
    opened) took 2.8 s with 200 versions, on the UI thread."""
    store = _store_without(failed)
    return any(spec != failed and model_problem(spec, store) is None for spec in _offered(store))


def _offered(store: Any) -> Iterator[str]:
    """`candidates`, the store listed only once a bundled model has not answered."""
    yield from BUNDLED
    yield from (spec for spec in candidates(store) if spec not in BUNDLED)


def choice_passing_over(dataset: Any, labels: frozenset[str], counts: dict[str, int],
                        failed: str | None) -> ModelChoice:
    """The model for ``dataset``'s folder by the rule (`app.model_choice`) for ``labels`` (none: a folder without
    boxes) and their box ``counts``; with ``failed``, as if the folder remembered no model and ``failed`` were not
    in the store (a bundled model: as if its files were broken)."""
    root = Path(dataset.root)
    memory = _RemembersNone(root) if failed else None
    store = _store_without(failed) if failed else None
    if labels:
        return choose_for_labels(labels, root, counts, store, memory)
    return choose_without_boxes(dataset, store, memory)


def _store_without(failed: str) -> _StoreWithout:
    """The version store as the rule reads it once ``failed`` failed to load."""
    from petloc_gui.model.versions import VersionStore

    return _StoreWithout(VersionStore(), failed)


class _RemembersNone(FolderMemory):
    """The folder memory as the rule reads it once ``folder``'s remembered model failed to load: none for it."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self._folder = folder

    def get(self, folder: Path | str) -> str | None:
        return None if same_folder(Path(folder), self._folder) else super().get(folder)


class _StoreWithout:
    """The models as the rule reads them: without the version at ``failed``, which failed to load; a bundled model
    that failed (the rule lists those itself) cannot be used (`model_choice.model_problem`), as one whose files are
    broken cannot."""

    def __init__(self, store: Any, failed: str) -> None:
        self._store, self._failed = store, failed

    def list(self, preset: str | None = None) -> list[Any]:
        return [version for version in self._store.list(preset) if str(version.path) != self._failed]

    def problem(self, spec: str) -> str | None:
        return "it failed to load" if spec == self._failed else None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)
