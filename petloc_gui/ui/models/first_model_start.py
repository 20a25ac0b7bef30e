"""What a folder's first model is and where its weights start, in the window's words: the new-classes
bar's "Train a model for these classes…" tip and the Retrain dialog's first-model choice say it.

One rule with the run: the words follow the preset a folder's first model trains with
(`app.model_choice.training_preset_for`, which `RetrainStarting` and `retrain_preset.folder_preset` use) and
where that preset's weights start (`model.initial_weights.backbone_weights`): the small digits network from
scratch for 75x75 canvases, MobileNet from the shipped ImageNet backbone for photos. Both texts said "ImageNet
backbone" whatever the folder: a digits folder's user was told of a backbone its run never used. No
TensorFlow import.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from petloc_gui.app.model_choice import training_preset_for
from petloc_gui.model.presets import MOBILENET_PRESETS, default_backbone_weights


@dataclass(frozen=True)
class FirstModelStart:
    """``network``: what the run trains ("the small digits network"); ``backbone``: its weights start from
    the shipped ImageNet backbone (else from scratch); ``caveat``: why not, where one would be expected."""

    network: str
    backbone: bool
    caveat: str = ""

    @property
    def start(self) -> str:
        """Where its weights start: "from scratch", "from the shipped ImageNet backbone"."""
        if self.backbone:
            return "from the shipped ImageNet backbone"
        return f"from scratch ({self.caveat})" if self.caveat else "from scratch"

    @property
    def said(self) -> str:
        """"MobileNet, from the shipped ImageNet backbone"."""
        return f"{self.network}, {self.start}"


DIGITS_START = FirstModelStart("the small digits network", backbone=False)
IMAGENET_START = FirstModelStart("MobileNet", backbone=True)
# the shipped weights file missing (a source checkout without ../shared): the run starts MobileNet at random
NO_WEIGHTS_START = FirstModelStart("MobileNet", backbone=False, caveat="no shipped ImageNet weights were found")


def first_model_start(preset: str) -> FirstModelStart:
    """What a first model of ``preset`` is and where its weights start, as the run does it."""
    if preset not in MOBILENET_PRESETS:
        return DIGITS_START
    return IMAGENET_START if default_backbone_weights() is not None else NO_WEIGHTS_START


def folder_first_model_start(dataset: Any) -> FirstModelStart:
    """The same for the folder of ``dataset`` (`core.dataset.Dataset`): the preset its first model trains
    with (`training_preset_for`: digits for 75x75 canvases, else photo)."""
    return first_model_start(training_preset_for(dataset))
