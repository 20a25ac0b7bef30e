"""Train the crop-and-refine second stage of a pets bundle and add it to the bundle.

The refiner is the pets network at the crop size (`networks.build_refiner`),
started from the first stage's weights and trained on jittered crops around
the true boxes (`cascade.jittered_crop`: a fresh crop of every photo each
time, so 150 photos give thousands of different crops). It is validated
through the real cascade: the first stage's boxes on the validation photos
(computed once), their crops, the refiner, boxes mapped back to the photo,
per-image metrics over each photo's every object (core.metrics, best-gt); its epoch and variant are chosen on the
first stage's selection part, and its figures are on the report part
(meta.json refine.selection). It trains on exactly the first stage's
training photos: the validation photos are the ones the first stage's
meta.json lists, and the same held-out photos are excluded.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from petloc_gui.core.epoch_choice import REFINER_ALL_VALIDATION, REFINER_SELECTION_PART
from petloc_gui.core.errors import DatasetError
from petloc_gui.core.metrics import evaluate_objects
from petloc_gui.model import cascade
from petloc_gui.model.bundle import REFINE_FILE, REFINE_TFLITE, load_bundle, read_meta, trained_label
from petloc_gui.model.bundle_write import without_optimizer, write_meta
from petloc_gui.model.refiner_variants import REFINER_CROPS_PER_PHOTO, REPASS_BELOW, Variant, best_variant
from petloc_gui.model.splits import parent_splits

if TYPE_CHECKING:
    from petloc_gui.model.training_data import Item

EventSink = Callable[[dict[str, Any]], None]


@dataclass
class RefineConfig:
    """Schedule of the second stage (defaults: the bundled pets recipe)."""

    # 192 beat 160 by +0.012 pooled out-of-fold mean IoU (run R192 in benchmarks/README.md).
    input_size: tuple[int, int] = (192, 192)
    margin: float = cascade.DEFAULT_MARGIN
    box_head: str = "edges"  # or "soft_argmax" (benchmarks/README.md: edges won on validation)
    epochs: int = 60
    crops_per_photo: int = 4  # training crops of each photo per epoch
    batch_size: int = 32
    warmup_epochs: int = 3  # heads only
    learning_rate: float = 1e-3
    finetune_learning_rate: float = 3e-4
    finetune_from: str = "conv_dw_4"
    box_loss_weight: float = 2.0
    patience: int = 20
    seed: int = 0
    max_side: int = 1024  # training photos are decoded at up to this side (crops need detail)
    # Simulated first-stage errors of the training crops (cascade.ErrorModel).
    scale_range: tuple[float, float] = cascade.SCALE_RANGE
    wide_scale_share: float = cascade.WIDE_SCALE_SHARE
    animal_share: float = 0.0  # share of crops around a box of much of the animal (2-5x the head)
    # Share of the crops of a photo with a real out-of-fold first-stage box (`train_refiner`'s
    # ``real_first_boxes``) drawn around that box instead of a simulated one. Lost for pets at 0.5
    # (run OOF-CV in benchmarks/README.md), so no recipe sets it.
    real_first_share: float = 0.0
    weight_ema: float = 0.0  # as `Preset.weight_ema`

    def record(self) -> dict[str, Any]:
        """The recipe as meta.json ``refine.recipe`` records it (JSON: tuples as lists)."""
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(self).items()}

    def error_model(self) -> cascade.ErrorModel:
        return cascade.ErrorModel(scale_range=tuple(self.scale_range),  # type: ignore[arg-type]
                                  wide_scale_share=self.wide_scale_share, animal_share=self.animal_share)


def _decoded(items: Sequence[Item], max_side: int) -> tuple[list[np.ndarray], np.ndarray]:
    """Decoded photos (EXIF applied, at most ``max_side``) and their boxes in those pixels."""
    from petloc_gui.model.prepare import decode_bounded

    images = [decode_bounded(it.sample.image_path, max_side) for it in items]
    boxes = np.array([np.array(it.box) * np.array([im.shape[1], im.shape[0]] * 2)
                      for it, im in zip(items, images, strict=True)],
                     np.float64).reshape(-1, 4)
    return images, boxes


def real_first_pixels(relpaths: Sequence[str], images: Sequence[np.ndarray],
                      boxes: Mapping[str, Sequence[float]] | None) -> np.ndarray:
    """``N x 4`` pixel boxes of the photos ``relpaths`` (decoded as ``images``) from ``boxes``
    (relative path -> normalised box, clipped to the photo as inference clips it); NaN rows for
    photos it has no box for."""
    rows = [np.clip(np.asarray(boxes[r], np.float64), 0.0, 1.0) * np.array([im.shape[1], im.shape[0]] * 2)
            if boxes and r in boxes else np.full(4, np.nan) for r, im in zip(relpaths, images, strict=True)]
    return np.array(rows, np.float64).reshape(-1, 4)


def _batches(images: list[np.ndarray], boxes: np.ndarray, labels: np.ndarray, config: RefineConfig,
             real_first_px: np.ndarray | None = None) -> Iterator[tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]]:
    """Endless training batches; ``real_first_px`` (`real_first_pixels`, NaN where a photo has none):
    real first-stage boxes, a ``config.real_first_share`` of a photo's crops drawn around its own."""
    rng = np.random.default_rng(config.seed)
    errors = config.error_model()
    n = len(images)
    real = np.full((n, 4), np.nan) if real_first_px is None else np.asarray(real_first_px, np.float64)

    def first_box(i: int) -> np.ndarray | None:
        if config.real_first_share <= 0 or np.isnan(real[i]).any() or rng.random() >= config.real_first_share:
            return None
        return real[i]

    while True:
        order = np.concatenate([rng.permutation(n) for _ in range(config.crops_per_photo)])
        for start in range(0, len(order) - config.batch_size + 1, config.batch_size):
            idx = order[start : start + config.batch_size]
            pairs = [cascade.jittered_crop(images[i], boxes[i], rng, config.input_size, config.margin, errors,
                                           first_box(i)) for i in idx]
            yield (np.stack([p[0] for p in pairs]).astype(np.float32),
                   (labels[idx].astype(np.int32), np.stack([p[1] for p in pairs])))


def train_refiner(bundle_path: str | os.PathLike[str], data_dir: str | os.PathLike[str],
                  config: RefineConfig | None = None, exclude: list[str] | None = None,
                  on_event: EventSink | None = None,
                  real_first_boxes: Mapping[str, Sequence[float]] | None = None) -> dict[str, Any]:
    """Train the second stage for the first-stage bundle at ``bundle_path`` (`write_refiner` adds it).

    Returns the refiner and the cascade's validation figures. The first
    stage's test images (meta.json) and ``exclude`` are never used; its
    validation photos validate the cascade; the rest train the refiner.
    ``real_first_boxes``: relative path -> normalised box a first stage gave that
    training photo without having trained on it (out of fold), for
    ``config.real_first_share`` of its crops.
    """
    import keras
    import tensorflow as tf

    from petloc_gui.model import networks
    from petloc_gui.model.inference import Predictor, function_runner
    from petloc_gui.model.losses import box_loss
    from petloc_gui.model.training_data import TrainingData
    from petloc_gui.model.training_loop import EpochMonitor, ValidationSet, compile_phase

    cfg: RefineConfig = config or RefineConfig()
    emit = on_event or (lambda event: None)
    started = time.monotonic()
    keras.utils.set_random_seed(cfg.seed)
    bundle = load_bundle(bundle_path)
    meta = bundle.meta
    label = trained_label(meta) or "default"
    # its parents are looked for beside its folder (a process given none, a fresh `petloc refine`, found
    # runs/V0 beside runs/V1 nowhere: a false lineage_incomplete); boxes on each image's own size, as the
    # first stage's run read them (`petloc train`; `TrainingData.collect` reads so)
    data = TrainingData.collect(data_dir, label, exclude or [], parent_meta=meta,
                                parent_class_names=bundle.class_names, parent_path=bundle.path)
    names = list(bundle.class_names)
    listed = set(parent_splits(meta)["validation"])  # the first stage's validation photos
    train_items = [it for it in data.items if it.relpath not in listed]
    val_items, chose, part = selection_first(meta, listed, data.items)
    if not train_items or not val_items:
        raise DatasetError("the refiner needs the first stage's training and validation photos", data.root)
    train_images, train_boxes = _decoded(train_items, cfg.max_side)
    real_first = real_first_pixels([it.relpath for it in train_items], train_images, real_first_boxes)
    real_first_count = int((~np.isnan(real_first).any(axis=1)).sum())
    if cfg.real_first_share > 0 and real_first_count == 0:
        raise DatasetError("real_first_share is set but no training photo has a real first-stage box "
                           "(real_first_boxes is keyed by the photos' relative paths)", data.root)
    val_images, val_pixel_boxes = _decoded(val_items, cfg.max_side)
    val_boxes = [tuple(b) for b in val_pixel_boxes]
    # the figures match each photo's every object (best-gt, as petloc evaluate); the crops learn the first's box
    val_objects = [[(label, np.array(box) * np.array([im.shape[1], im.shape[0]] * 2)) for label, box in it.objects]
                   for it, im in zip(val_items, val_images, strict=True)]
    label_ids = data.label_ids(train_items + val_items)
    train_labels, val_labels = label_ids[: len(train_items)], label_ids[len(train_items):]
    first = Predictor(bundle)
    first_probs, first_boxes = first.predict_raw(val_images)

    refiner = networks.build_refiner(len(names), cfg.input_size, bundle.model, box_head=cfg.box_head)
    run = function_runner(refiner)
    rects = [cascade.crop_rect(np.clip(b, 0, 1) * np.array([im.shape[1], im.shape[0]] * 2), cfg.margin)
             for im, b in zip(val_images, first_boxes, strict=True)]
    val_targets = np.stack([np.clip(cascade.to_crop(np.array(b), r), 0, 1)
                            for b, r in zip(val_boxes, rects, strict=True)])

    class CascadeMonitor(EpochMonitor):
        def validate(self, images: Any = None) -> dict[str, Any]:  # the cascade on the fixed selection photos
            probs, boxes = cascade.refine(run, val_images[chose], first_boxes[chose], cfg.input_size, cfg.margin)
            merged = (probs + first_probs[chose]) / 2
            _, crop_boxes = run(np.stack([cascade.cut(im, r, cfg.input_size) for im, r in
                                          zip(val_images[chose], rects[chose], strict=True)]).astype(np.float32))
            b_loss = float(np.mean(keras.ops.convert_to_numpy(box_loss(val_targets[chose], crop_boxes))))
            return _metrics(names, val_objects[chose], val_images[chose], merged, boxes) | {
                "loss": cfg.box_loss_weight * b_loss}

    steps = max(1, (len(train_items) * cfg.crops_per_photo) // cfg.batch_size)
    validation = ValidationSet(batches=lambda: iter(()), label_ids=val_labels[chose], boxes=val_boxes[chose],
                               sizes=[(im.shape[1], im.shape[0]) for im in val_images[chose]],
                               targets=val_targets[chose])
    monitor = CascadeMonitor(refiner, names, validation, cfg.box_loss_weight, cfg.epochs, steps,
                             cfg.patience, emit, lambda: False)
    emit({"event": "start", "epochs": cfg.epochs, "steps_per_epoch": steps, "n_train": len(train_items),
          "n_val": len(val_items), "val_images": sorted(listed), "skipped": [], "class_names": names})
    generator = _batches(train_images, train_boxes, train_labels, cfg, real_first)
    width, height = cfg.input_size
    dataset = tf.data.Dataset.from_generator(lambda: generator, output_signature=(
        tf.TensorSpec((None, height, width, 3), tf.float32),
        (tf.TensorSpec((None,), tf.int32), tf.TensorSpec((None, 4), tf.float32)))).prefetch(2)
    phases = [(0, cfg.warmup_epochs, cfg.learning_rate, False),
              (cfg.warmup_epochs, cfg.epochs, cfg.finetune_learning_rate, True)]
    for first_epoch, end, lr, unfrozen in phases:
        if monitor.finished or end <= first_epoch:
            continue
        networks.set_backbone_trainable(refiner, unfrozen, cfg.finetune_from)
        compile_phase(refiner, lr, (end - first_epoch) * steps, cfg.box_loss_weight, cfg.weight_ema)
        refiner.fit(dataset, epochs=end, initial_epoch=first_epoch, steps_per_epoch=steps,
                    callbacks=[monitor], verbose=0)
    metrics = monitor.restore_best()
    outputs: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray | None]] = {
        "first_stage_only": (first_probs, first_boxes, None)}
    for flip in (False, True):
        probs, boxes = cascade.refine(run, val_images, first_boxes, cfg.input_size, cfg.margin, flip=flip)
        key = "cascade_flip" if flip else "cascade"
        outputs[key] = ((probs + first_probs) / 2, boxes, None)
        outputs[key + "_refiner_class"] = (probs, boxes, None)
        _, twice = cascade.refine(run, val_images, boxes, cfg.input_size, cfg.margin, flip=flip)
        outputs[key + "_twice"] = ((probs + first_probs) / 2, twice, None)
        again = cascade.crop_overlap(val_images, first_boxes, boxes, cfg.margin) < REPASS_BELOW
        outputs[key + "_repass"] = ((probs + first_probs) / 2, np.where(again[:, None], twice, boxes), again)

    def scored(photos: slice) -> dict[str, dict[str, Any]]:  # every variant on these validation photos
        return {key: _metrics(names, val_objects[photos], val_images[photos], probs[photos],
                              boxes[photos]) | ({} if again is None else {
                                  "repass_share": float(np.mean(again[photos])) if len(again[photos]) else 0.0})
                for key, (probs, boxes, again) in outputs.items()}

    variants = scored(chose)
    report = scored(slice(chose.stop, None)) if chose.stop < len(val_items) else {}
    info = {"variant_metrics": variants, "best_epoch": monitor.best_epoch, "epochs_run": monitor.epochs_run,
            "train_seconds": round(time.monotonic() - started, 1), "validation_metrics": metrics,
            "real_first_boxes": real_first_count,
            "selection": {"part": part, "images": sorted(it.relpath for it in val_items[chose])},
            "validation_variants": {k: _summary(v) for k, v in variants.items()},
            "report_variant_metrics": report, "report_variants": {k: _summary(v) for k, v in report.items()}}
    emit({"event": "refine_done", **{k: v for k, v in info.items() if not k.endswith("variant_metrics")}})
    return {"model": refiner, "config": cfg, **info}


def selection_first(meta: dict[str, Any], listed: set[str], items: Sequence[Any]) -> tuple[list[Any], slice, str]:
    """(the first stage's validation photos among ``items``, the slice of them that chooses the refiner's
    epoch and variant, how meta.json refine.selection names it). ``listed``: the first stage's validation
    relpaths (meta.json ``meta``).

    The refiner's epoch and variant are chosen on the first stage's selection part only, so its report part
    stays one for the cascade (the bundled pets refiner chose on all 41; core.epoch_choice reads both kinds);
    the choosing photos come first. Only photos the data folder still holds count: with every selection photo left
    out (``exclude``, deleted, renamed) and report photos present, the epoch and variant were
    chosen on no photo at all. Then, as when it records no report part, every validation photo present chooses
    (recorded as every validation photo); with report photos absent, the selection photos present still choose
    alone (recorded as the selection part)."""
    present = [it for it in items if it.relpath in listed]
    chose_on, part = _selection_part(meta, listed, {it.relpath for it in present})
    val_items = sorted(present, key=lambda it: it.relpath not in chose_on)
    return val_items, slice(0, sum(it.relpath in chose_on for it in val_items)), part


def _selection_part(meta: dict[str, Any], listed: set[str], present: set[str]) -> tuple[set[str], str]:
    """Those of the first stage's validation photos ``present`` that choose the refiner's epoch and
    variant (its selection part; every one when it records no report part among ``listed``, or no photo
    of its selection part is present), and how meta.json refine.selection names them."""
    parts = meta.get("validation_parts")
    selection = set(parts.get("selection") or []) & present if isinstance(parts, dict) else set()
    # whether it records a report part, not whether one is present: with its report photos absent the
    # selection photos still chose alone, and "every validation photo" would say the report part did too
    if isinstance(parts, dict) and selection and set(parts.get("report") or []) & listed:
        return selection, REFINER_SELECTION_PART
    return present, REFINER_ALL_VALIDATION


def _metrics(names: list[str], gt_objects: Sequence[Sequence[tuple[str, Any]]], images: list[np.ndarray],
             probs: np.ndarray, boxes: np.ndarray) -> dict[str, Any]:
    pred_boxes = [np.clip(b, 0, 1) * np.array([im.shape[1], im.shape[0]] * 2)
                  for b, im in zip(boxes, images, strict=False)]
    return evaluate_objects(gt_objects, [names[int(np.argmax(p))] for p in probs], pred_boxes, names)


def _summary(metrics: dict[str, Any]) -> dict[str, Any]:
    keys = ("accuracy", "mean_iou", "iou_ge_50", "iou_ge_75", "n_images", "repass_share")
    return {k: metrics[k] for k in keys if k in metrics}


CASCADE_REPORT_SPLIT = "validation (report part: chose neither stage's epoch; first stage + refiner"


def write_refiner(bundle_path: str | os.PathLike[str], result: dict[str, Any], flip: bool | None = None,
                  with_tflite: bool = True) -> Path:
    """Add the trained refiner to the bundle: refine.keras (+ refine.tflite), then meta.json (then, with the
    .tflite, its own .tflite files checked against their .keras files and recorded there: `tflite_provenance`).

    ``flip`` None: flip TTA and the number of refinement passes are chosen
    by `best_variant` on the selection photos; the figures are the report photos'.
    """
    from petloc_gui.model.runtime import write_tflite
    from petloc_gui.model.tflite_provenance import stamp_verified_tflite

    chosen = best_variant(result)
    if flip is not None:
        chosen = Variant("cascade_flip", True, 1) if flip else Variant("cascade", False, 1)
    variant = chosen.key
    folder = Path(bundle_path)
    refiner = result["model"]
    config: RefineConfig = result["config"]
    tmp = folder / f".{REFINE_FILE}.tmp.keras"
    with without_optimizer(refiner):  # 3x smaller file
        refiner.save(tmp)
    os.replace(tmp, folder / REFINE_FILE)
    if with_tflite:
        write_tflite(refiner, folder / REFINE_TFLITE)
    meta = read_meta(folder)
    meta["refine"] = {
        "model_file": REFINE_FILE,
        "input_size": list(config.input_size),
        "margin": config.margin,
        "flip_tta": chosen.flip,
        "passes": chosen.passes,
        "repass_below": chosen.repass_below,
        "chosen_variant": f"{variant} (best validation mean IoU within {REFINER_CROPS_PER_PHOTO} refiner "
                          "crops per photo: the speed target)",
        "class_merge": "mean of first-stage and refiner probabilities",
        "best_epoch": result["best_epoch"],
        "epochs_run": result["epochs_run"],
        "train_seconds": result["train_seconds"],
        "recipe": config.record(),
        "validation_variants": result["validation_variants"],  # on the photos of "selection"
        **{key: result[key] for key in ("selection", "report_variants") if result.get(key)},
    }
    meta["first_stage_validation_metrics"] = meta.get("metrics")
    # the figures of the report part, which chose neither stage's epoch nor the variant, when there is one
    report = (result.get("report_variant_metrics") or {}).get(variant)
    split = (f"{CASCADE_REPORT_SPLIT}, {variant})" if report else
             f"selection set (first stage + refiner, {variant}: these photos chose the refiner's epoch and variant)")
    meta["metrics"] = {"split": split, **{k: v for k, v in (report or result["variant_metrics"][variant]).items()
                                          if k != "loss"}}
    write_meta(folder, meta)
    if with_tflite:  # both .tflite files checked against their .keras and recorded: the window runs them alone
        stamp_verified_tflite(folder)
    return folder
