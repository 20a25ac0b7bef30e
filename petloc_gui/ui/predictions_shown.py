"""The open folder's rows and prediction pane follow the model: switched, loading, loaded, failed, none.

Kept apart from the window, which only composes it. While a model loads, the rows and the shown
image already have the predictions it made in an earlier run (kept on disk under its files'
fingerprint, `PredictionService.serves_early`): they are its output, so A, the review queue, IoU
and the disagreement columns use them as they would once it has loaded. If it then fails to load,
or loads other files than those it was asked with, they are taken back (`early_dropped`): nothing
is left on screen as if a model had made it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from petloc_gui.app.model_choice import model_display_name
from petloc_gui.ui.models.model_controller import ModelController
from petloc_gui.ui.models.prediction_service import PredictionService

if TYPE_CHECKING:
    from petloc_gui.ui.canvas.image_panel import ImagePanel
    from petloc_gui.ui.review.dataset_panel import DatasetPanel
    from petloc_gui.ui.review.review_session import ReviewSession


class PredictionsShown:
    """Connects the model's signals to the open folder (``session()``, None when none is open)."""

    def __init__(self, models: ModelController, predictions: PredictionService,
                 session: Callable[[], ReviewSession | None], panel: ImagePanel, dataset_panel: DatasetPanel) -> None:
        self._models = models
        self._predictions = predictions
        self._session = session
        self._panel = panel
        self._dataset_panel = dataset_panel
        predictions.predicted.connect(self._predicted)
        predictions.early_dropped.connect(self._early_dropped)
        # the Dataset panel says what the status line says until a model's figures arrive (`_loaded`)
        models.status.connect(dataset_panel.say_model_state)
        models.switched.connect(self._switched)
        models.loaded.connect(self._loaded)
        models.failed.connect(self._failed)
        models.no_model.connect(self._no_model)

    def _switched(self, spec: str) -> None:
        # (the status line too, named as the choice is made: `ModelController.set_model`)
        self._dataset_panel.say_model_state(f"Loading model {model_display_name(spec)}…")
        session = self._session()
        if session is None:
            return
        session.model.clear_predictions()
        if self._predictions.serves_early():
            # what this model predicted in an earlier run, now, not after TensorFlow's seconds of loading
            session.request_all()
        if session.current is not None:
            session.show_prediction()  # the kept prediction, else "Loading model…"
        else:
            self._panel.show_prediction(None, "Loading model…")

    def _early_dropped(self) -> None:
        """The predictions shown while the model loaded are not its own (its files were replaced meanwhile)."""
        session = self._session()
        if session is not None:
            session.model.clear_predictions()  # its own are filled in (`_loaded`) and made next

    def _failed(self, problem: str) -> None:
        session = self._session()
        if session is not None:
            session.model.clear_predictions()  # those shown while it loaded: no model made them now
        self._panel.show_prediction(None, problem)

    def _no_model(self, problem: str) -> None:
        # (also when the bundled model a folder's image size calls for is broken: not "none knows")
        self._dataset_panel.model_label.setText("<b>Model:</b> none for this folder")
        session = self._session()
        if session is not None:
            session.model.clear_predictions()
            self._panel.show_prediction(None, problem)

    def _loaded(self, info) -> None:
        self._dataset_panel.set_model(info)
        session = self._session()
        if session is not None:
            session.classes.refresh()
            session.request_all()
            if session.current is not None:
                session.show_prediction()

    def _predicted(self, path: str, version: str, result) -> None:
        info, session = self._models.info, self._session()
        if session is not None and info is not None and version == info.version_id:
            session.prediction_arrived(path, result)
