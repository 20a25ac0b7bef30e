"""The model presets: what network, input size, augmentation and schedule each uses.

No TensorFlow import: the CLI and the GUI read presets to describe models.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from petloc_gui.core.paths import resources_dir, shared_dir

MOBILENET_WEIGHTS_NAME = "mobilenet_2_5_224_tf_no_top.h5"


@dataclass(frozen=True)
class Preset:
    """Fixed recipe of one preset; `TrainConfig` may override the schedule."""

    name: str
    input_size: tuple[int, int]  # (width, height)
    channels: int
    preprocessing: str  # applied inside the model; the model takes RGB float32 0..255
    augmentation: str  # "digits" (fresh placements) or "photo" (box-aware jitter)
    epochs: int
    batch_size: int
    learning_rate: float
    patience: int
    warmup_epochs: int  # heads only, before the backbone's upper blocks are unfrozen
    finetune_learning_rate: float
    box_loss_weight: float
    finetune_from: str | None = None  # first backbone layer unfrozen after the warm-up
    box_head: str = "soft_argmax"  # pets: "soft_argmax", "edges" or "centre" (networks.BOX_HEADS)
    zoom_out: float = 0.0  # "photo": share of photos shrunk onto their own canvas (augment.zoom_placement)
    # > 0: momentum per step of a moving average of the weights, which is validated and saved
    # (training_loop.compile_phase); 0: the weights as trained. Lost for pets and digits
    # (benchmarks/README.md, runs EMA-CV and DE), so no preset uses it.
    weight_ema: float = 0.0


PETS = Preset(
    name="pets",
    input_size=(224, 224),
    channels=3,
    preprocessing="mobilenet: x / 127.5 - 1 (in-model Rescaling)",
    augmentation="photo",
    epochs=150,  # ~5 steps per epoch on 150 photos: epochs are cheap
    batch_size=32,
    learning_rate=1e-3,
    patience=50,
    warmup_epochs=10,
    finetune_learning_rate=3e-4,
    box_loss_weight=2.0,
    finetune_from="conv_dw_4",
    # the shipped pets bundle's first stage: with self-training it beat the edge head's cascade in
    # 4-fold cross-validation (run CT-ST-CV in benchmarks/README.md, issue 9); "edges" (which beat
    # "soft_argmax" before) is its teacher's head and the photo preset's
    box_head="centre",
    zoom_out=0.5,  # small heads: beat no zoom-out in 4-fold cross-validation (benchmarks/README.md)
)

DIGITS = Preset(
    name="digits",
    input_size=(75, 75),
    channels=3,
    preprocessing="x / 255 (in-model Rescaling)",
    augmentation="digits",
    epochs=35,
    batch_size=32,
    learning_rate=3e-3,
    patience=12,
    warmup_epochs=0,
    finetune_learning_rate=3e-3,
    box_loss_weight=1.0,
)

# The general recipe for any photos (your own classes, trained from the shipped
# ImageNet MobileNet weights): PETS's recipe values, zoom-out included, under another name (and store
# folder), with the edge head: the centre head won only together with self-training
# (the two-stage pets recipe); as a first stage alone it boxed less tightly (run CT-CV).
PHOTO = replace(PETS, name="photo", box_head="edges")

# Presets whose network is the MobileNet backbone (the others use the small digits CNN).
MOBILENET_PRESETS = frozenset({PETS.name, PHOTO.name})

PRESETS = {p.name: p for p in (PETS, DIGITS, PHOTO)}


def get_preset(name: str) -> Preset:
    """The preset called ``name``; ValueError naming the known ones otherwise."""
    try:
        return PRESETS[name]
    except KeyError:
        raise ValueError(f"unknown preset {name!r}; known presets: {', '.join(PRESETS)}") from None


def default_backbone_weights() -> Path | None:
    """The ImageNet MobileNet weights shipped in resources/weights/ (../shared/weights/ as a fallback)."""
    for folder in (resources_dir(), shared_dir()):
        if folder is not None and (folder / "weights" / MOBILENET_WEIGHTS_NAME).is_file():
            return folder / "weights" / MOBILENET_WEIGHTS_NAME
    return None
