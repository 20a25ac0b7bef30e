"""What retraining asks of the window it is installed on (`retrain_controller.RetrainController`)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QWidget

from petloc_gui.core.dataset import Dataset


class RetrainHost(Protocol):
    """The little retraining asks of the window: the open folder, its edits, the model in use."""

    @property
    def dataset(self) -> Dataset | None:
        """The open folder's dataset, or None."""

    def current_folder(self) -> Path | None: ...

    def has_unsaved(self) -> bool: ...

    def save_all(self) -> bool:
        """Save every edited image; True if all were saved."""

    def save_cancelled(self) -> bool:
        """Whether the last `save_all` was stopped by the user's Cancel in one of its questions (another
        program's version): nothing failed, and the edits are kept."""

    def current_model_spec(self) -> str: ...

    def model_being_chosen(self) -> bool:
        """The open folder's model is being chosen (`ui.models.folder_model_chooser`): no model is in use yet,
        though the folder has one coming (a run now would be taken for its first model)."""

    def choose_model(self, spec: str) -> None:
        """A model the user picked: used now (kept when classes change, and across folders while it
        knows theirs), and the open folder's model from now on."""

    def adopt_model(self, spec: str) -> None:
        """A model made for the open folder: used now and the folder's from now on (not a pick)."""

    def remember_model_for(self, folder: Path, spec: str) -> None:
        """``folder``'s model from now on (the window and the CLI read it), used when it is opened."""

    def show_status(self, text: str, ms: int) -> None: ...

    def shows_status(self, text: str) -> bool:
        """Whether the status line shows ``text`` now (not replaced by a line said since, not timed out)."""

    def add_status_widget(self, widget: QWidget) -> None: ...  # kept in the status bar; shows/hides itself

    def session_renames(self) -> dict[str, str]:
        """The classes renamed with Edit → Classes while the open folder is open, ``{old: name now}``
        (`FolderClasses.renames`): the Retrain dialog offers a fine-tune them (ADR 0011)."""
