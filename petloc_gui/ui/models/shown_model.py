"""Which model the predictions the window shows are from: the name a box accepted with A is marked with.

A reopened folder shows its model's predictions kept on disk while the model loads (TensorFlow's import and
the bundle's load take seconds: `PredictionService.serves_early`), when the model controller knows no
ModelInfo yet; a box accepted then was marked "an unnamed model"'s (ADR 0013), and `petloc evaluate` and
the retrain comparison could not tell it was the model's own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from petloc_gui.ui.model_info import ModelInfo
from petloc_gui.ui.models.model_controller import ModelController
from petloc_gui.ui.models.model_handle import model_info

_log = logging.getLogger(__name__)


class ShownModel:
    """The ModelInfo of the model whose predictions are shown: the loaded one, else the one loading."""

    def __init__(self, models: ModelController, describe: Callable[[str], ModelInfo] = model_info) -> None:
        self.models = models
        # from the bundle's meta.json, no TensorFlow: as its handle will say it. Read at each A (a few small
        # files), not kept: a bundle rewritten in place and loaded again has another version.
        self.describe = describe

    def info(self) -> ModelInfo | None:
        """None when no model is in use or the one loading cannot be described (its load will say why).
        With no ModelInfo, a prediction shown is the model's being loaded (`ModelController.set_model`
        clears the last one's; a failed load or no model takes them back)."""
        if self.models.info is not None or not self.models.spec:
            return self.models.info
        try:
            return self.describe(self.models.spec)
        except Exception:  # noqa: BLE001 - unnamed, as before; the load says what is wrong with the bundle
            _log.debug("no description of %s while it loads", self.models.spec, exc_info=True)
            return None
