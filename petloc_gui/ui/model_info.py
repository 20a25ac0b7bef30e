"""`ModelInfo`: a model as the UI shows it (its name, figures, classes, the mark a box accepted from it gets).

A leaf of the ui layers contract, below both the models package that builds it (`models.model_handle.model_info`)
and model_label_fit that fits its label: there model_label_fit's type-only import of it from the models package
had to be ignored by the contract. Not in app/: `mark_name` names the model as `cli.prelabel` does, and the app
state may not import the cli.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from petloc_gui.app.model_metrics import metrics_text


@dataclass(frozen=True)
class ModelInfo:
    """A model as the UI shows it."""

    spec: str
    name: str
    path: Path | None
    version_id: str
    class_names: tuple[str, ...] = ()
    metrics: dict = field(default_factory=dict, compare=False, hash=False)
    split: str = "validation"  # the images ``metrics`` were measured on: "test", "validation", "selection-set"
    # How many validation images its run held out (meta.json; None when it does not say): figures measured
    # on none then read "no validation images" or "none of its N ... could be read", as Versions says.
    held_out: int | None = None
    # meta.json's version_id (None when it has none): what a box accepted from this model records, so
    # `petloc evaluate` and the retrain comparison know it as this model's own (ADR 0013).
    bundle_version: str | None = None

    @property
    def mark_name(self) -> str:
        """The name a box accepted from this model is marked with (ADR 0013): as `petloc predict --model
        SPEC` names it in its pre-labels (`cli.prelabel.model_name`: a bundled model by its name, else its
        folder's), so one model is one name in `petloc train`'s record whichever marked it. The window's
        display name differed for a bundle outside the store ("pets-ID" against the CLI's "bundle (pets-ID)")."""
        from petloc_gui.cli.prelabel import model_name  # no TensorFlow

        return model_name(self.spec) or self.bundle_version or self.name

    @property
    def summary(self) -> str:
        """e.g. ``digits (acc 0.985 · IoU 0.812 on 500 test images)``."""
        text = metrics_text(self.metrics, self.split, self.held_out)
        return f"{self.name} ({text})" if text else self.name
