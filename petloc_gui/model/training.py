"""Train a dual-head model on a dataset folder and save it as a bundle.

`train` backs both `petloc train` and the GUI's retraining child process. It
reports progress as plain JSON-able dicts through ``on_event`` and polls
``should_stop`` between batches (cancelling writes no bundle). The data comes
from one `TrainingData` (collect -> stable split -> streaming pipeline); the
validation split, recorded in meta.json, chooses the best epoch, and its
metrics are per-image (core.metrics) through the inference preparation.
"""

from __future__ import annotations

import contextlib
import gc
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from petloc_gui.core.errors import PetlocError
from petloc_gui.core.paths import resources_dir, user_data_dir
from petloc_gui.model import worker_end
from petloc_gui.model.bundle import BUNDLED_NAMES, MODEL_FILE, file_sha256, load_bundle
from petloc_gui.model.bundle_write import save_bundle
from petloc_gui.model.cannot_train import nothing_left_to_train
from petloc_gui.model.class_renames import RECORD_KEY as RENAMED_KEY
from petloc_gui.model.class_renames import parent_named
from petloc_gui.model.determinism import make_deterministic, reproducibility_record
from petloc_gui.model.distributed import (
    DISTRIBUTE_CHOICES,
    FINAL_DECISION_TIMEOUT,
    agreed_stop,
    build_before_fit,
    is_chief,
    lost_workers,
    make_strategy,
)
from petloc_gui.model.identical_images import copies_notices
from petloc_gui.model.initial_weights import backbone_weights, init_from_parent
from petloc_gui.model.presets import Preset, get_preset
from petloc_gui.model.training_accepted import KEY as ACCEPTED_KEY
from petloc_gui.model.training_accepted import accepted_record, keras_scorer, with_carried_refiner
from petloc_gui.model.training_data import TooFewImagesError, TrainingData
from petloc_gui.model.training_digits import KEY as DIGITS_KEY
from petloc_gui.model.training_digits import learned_digits_record
from petloc_gui.model.training_inputs import SELECTION_ONLY as SELECTION_ONLY  # what meta.json says
from petloc_gui.model.training_inputs import (
    image_cache_or_none,
    report_metrics,
    train_input,
    validation_set,
)
from petloc_gui.model.training_notices import class_notices, lineage_notices
from petloc_gui.model.version_id import new_version_id
from petloc_gui.model.worker_agreement import (
    check_workers_agree,
    distribution_record,
    early_stopping_record,
    training_parts,
)

if TYPE_CHECKING:
    from petloc_gui.model.bundle import LoadedBundle
    from petloc_gui.model.collected_folder import CollectedFolder
    from petloc_gui.model.data import Sample

EventSink = Callable[[dict[str, Any]], None]


class TrainingCancelled(PetlocError):  # noqa: N818 - a stop request, not an error
    """Training was stopped on request; no bundle was written."""


@dataclass
class TrainConfig:
    """What to train and how. ``None`` schedule fields take the preset's values."""

    preset: str = "pets"
    epochs: int | None = None
    batch_size: int | None = None
    val_fraction: float = 0.2
    seed: int = 0
    init_from: str | None = None  # bundle spec to fine-tune from
    backbone_weights: str | None = None  # None: the shared ImageNet file if present, else random
    label: str = "default"  # "default" (VOC object name) or "breed"
    learning_rate: float | None = None
    patience: int | None = None
    exclude: list[str] = field(default_factory=list)  # image paths never used (test holdout)
    train_only: list[str] = field(default_factory=list)  # image paths never in validation (teacher-drawn boxes)
    skip_prelabels: bool = False  # leave unreviewed pre-labels out: train on boxes a person saved only
    out_dir: str | None = None
    distribute: str | None = None  # None, "mirrored" or "multiworker"
    warmup_epochs: int | None = None
    test_split: dict[str, Any] | None = None  # recorded in meta.json as given
    cache_images: bool = False  # keep decoded, downscaled images in the user cache folder
    version_id: str | None = None  # meta.json's id (None: a new one); the CLI names --out's sub-folder by it
    # fine-tuning: the parent's classes renamed since, {new name: the parent's name} (model.class_renames)
    renamed: dict[str, str] = field(default_factory=dict)
    deterministic: bool = False  # op determinism: the same seed gives the same weights (model.determinism)
    # sha256 of images read already, by `collected_folder.file_stamp` (`petloc train`'s checks): not hashed
    # again while unchanged; machine paths, not recorded
    known_hashes: dict[str, str | None] = field(default_factory=dict, repr=False)
    # why the record of the images the parent and its ancestors trained on is incomplete, as the caller has
    # told the user already (`petloc train`, before TensorFlow loads): the run's own warning is then not
    # given again (a reason the run finds otherwise still is); "": the run gives it (the window's training)
    lineage_told: str = ""
    worker_timeout: float | None = None  # multiworker: --worker-timeout, a bound at the start-of-run check too


def _model_name(bundle: LoadedBundle) -> str:
    """How meta.json names a parent: "pets"/"digits" when bundled, else its version id (never a path), else
    the name of the folder it really is (given as "." its path's name was "", a symbolic link's the link's)."""
    try:
        folder = bundle.path.resolve()
        if folder.parent == (resources_dir() / "models").resolve() and folder.name in BUNDLED_NAMES:
            return folder.name
    except OSError:
        folder = bundle.path.absolute()
    version = bundle.meta.get("version_id")  # a folder named "digits" is not the bundled model: said apart
    return str(version or (f"{folder.name} (a folder, not the bundled model)" if folder.name in BUNDLED_NAMES
                           else folder.name))


def _phases(preset: Preset, config: TrainConfig, epochs: int, has_backbone: bool) -> list[tuple[int, int, float, bool]]:
    """``(first epoch, end epoch, learning rate, backbone unfrozen)`` per training phase."""
    lr = config.learning_rate or preset.learning_rate
    warmup = preset.warmup_epochs if config.warmup_epochs is None else config.warmup_epochs
    if not has_backbone or warmup <= 0:
        return [(0, epochs, lr, has_backbone)]
    if warmup >= epochs:
        return [(0, epochs, lr, False)]
    finetune_lr = preset.finetune_learning_rate * (lr / preset.learning_rate)
    return [(0, warmup, lr, False), (warmup, epochs, finetune_lr, True)]


@dataclass(frozen=True)
class TrainedRun:
    """A finished run: its bundle's folder, and its validation images' samples (boxes, labels) as the run
    read them at its start, which its figures (meta.json ``metrics``) are on. The retrain comparison scores
    both models on these (`comparison.compare_models`): a box corrected in the folder meanwhile is the
    next run's, not this one's."""

    bundle: Path
    validation: tuple[Sample, ...]


def train(
    data_dir: str | os.PathLike[str],
    config: TrainConfig,
    on_event: EventSink | None = None,
    should_stop: Callable[[], bool] | None = None,
    folder: CollectedFolder | None = None,
) -> Path:
    """Train on the annotated images of ``data_dir``; return the saved bundle's folder (`train_run`)."""
    return train_run(data_dir, config, on_event, should_stop, folder).bundle


def train_run(
    data_dir: str | os.PathLike[str],
    config: TrainConfig,
    on_event: EventSink | None = None,
    should_stop: Callable[[], bool] | None = None,
    folder: CollectedFolder | None = None,
) -> TrainedRun:
    """Train on the annotated images of ``data_dir``: the saved bundle's folder and what the run read.
    ``folder``: what `collected_folder.collect_folder` read of ``data_dir`` with ``config``'s label and
    exclude and the --init-from model's meta.json (`petloc train`'s checks before TensorFlow): trained on
    as read, not read (nor hashed) again.

    Raises `TrainingCancelled` (no bundle written) when ``should_stop()``
    turns true before the bundle is written, and `PetlocError` subclasses for
    unusable data. From the "saving" event on, ``should_stop`` is not read: the
    bundle gets written (by this process if its ``writes_bundle``, else by the
    chief of a multi-worker run, whose workers all take that decision together).
    """
    import keras

    from petloc_gui.model import networks
    from petloc_gui.model.training_loop import EpochMonitor, compile_phase

    emit = on_event or (lambda event: None)
    stop = should_stop or (lambda: False)
    started = time.monotonic()
    preset = get_preset(config.preset)
    if config.distribute not in DISTRIBUTE_CHOICES:
        raise ValueError(f"distribute must be one of {DISTRIBUTE_CHOICES}, got {config.distribute!r}")
    # Before any other TensorFlow work: a multi-worker strategy configures the collective ops, which
    # TensorFlow allows only before it has started (loading --init-from's model starts it).
    strategy = make_strategy(config.distribute)
    multiworker = config.distribute == "multiworker"
    keras.utils.set_random_seed(config.seed)
    if config.deterministic:
        make_deterministic()

    parent = load_bundle(config.init_from) if config.init_from else None
    if parent is not None and parent.preset != preset.name:
        raise PetlocError(f"cannot fine-tune a {parent.preset!r} model as a {preset.name!r} model", parent.path)
    if parent is not None:
        # A fine-tuned model keeps its parent's box head (e.g. an edge-head model trained before
        # the pets preset's head became "centre"): the weights are copied layer by layer.
        head = networks.box_head_of(parent.model)
        if head is not None and head != preset.box_head:
            preset = replace(preset, box_head=head)
    data = TrainingData.collect(data_dir, config.label, config.exclude, config.val_fraction, config.seed,
                                parent_meta=parent.meta if parent else None,
                                parent_class_names=parent.class_names if parent else None,
                                train_only=config.train_only, skip_prelabels=config.skip_prelabels,
                                renamed=config.renamed, folder=folder, known_hashes=config.known_hashes,
                                # a parent given as a path (--init-from runs/<id>): its own parents may be
                                # beside it, and the walks after this one find it by its version id
                                parent_path=parent.path if parent else None)
    if not data.train:
        raise TooFewImagesError(nothing_left_to_train(data.n_prelabels_skipped), data.root, data.skipped)
    names = data.class_names
    read = tuple(it.sample for it in data.validation)  # the boxes its figures are on, whatever is saved later
    epochs = config.epochs or preset.epochs
    batch_size = config.batch_size or preset.batch_size
    steps = max(1, int(np.ceil(len(data.train) / batch_size)))
    splits = data.splits_record()
    # Half of validation chooses the epoch, the other half only reports (issue 10).
    selection, report = data.validation_parts()
    selection_images, report_images = (sorted(it.relpath for it in part) for part in (selection, report))
    emit({"event": "start", "epochs": epochs, "steps_per_epoch": steps, "n_train": len(data.train),
          "n_val": len(data.validation), "n_test": len(data.test), "val_images": splits["validation"],
          "selection_images": selection_images, "report_images": report_images,
          "skipped": [[p, r] for p, r in data.skipped], "class_names": names, "n_prelabels": data.n_prelabels,
          "n_prelabels_skipped": data.n_prelabels_skipped,
          # a fine-tune's: which of its classes are new (cli.train_report marks them, as the comparison does)
          "parent_class_names": list(parent.class_names) if parent else None, RENAMED_KEY: dict(data.renamed)})
    # (digits_notices: meta.json says "all"; lineage_notices: once, `petloc train` has said it before TensorFlow)
    notices = [*data.digits_notices(), *class_notices(data, parent), *lineage_notices(data, config),
               *copies_notices(data.copies)]  # the copies of an image kept on one side of the split
    for message in notices:
        emit({"event": "notice", "message": message})

    weights_path, backbone_info = backbone_weights(preset, config.backbone_weights)  # compared below, by its bytes
    if multiworker:  # before the model's variables, the run's first collective
        check_workers_agree(strategy, training_parts(data, config, preset, epochs, batch_size, steps, parent,
                                                     backbone_info), stop, config.worker_timeout)
    with strategy.scope():
        # distributed: BatchNorm on the global batch, so every worker keeps the same moving statistics
        model = networks.build_model(preset, len(names), None if parent else weights_path,
                                     synchronized_bn=config.distribute is not None)
        if parent is not None:
            init_from_parent(model, parent.model, parent.class_names, names, data.renamed)
            backbone_info = dict(parent.meta.get("backbone") or backbone_info)
        fitted = networks.training_view(model)  # the model itself, or with the centre head's heatmap
    has_backbone = networks.backbone_of(model) is not None
    heat = networks.heat_grid(model)

    cache = image_cache_or_none(emit) if config.cache_images else None
    dataset = train_input(data, preset, batch_size, config.seed, cache, strategy, config.distribute,
                           heat_target=heat is not None)
    # multiworker: each worker validates on its own; the figures can differ in the last digits, and an
    # early stop on one worker alone would leave the others waiting in a collective.
    patience = epochs if multiworker else (config.patience or preset.patience)

    def tell_unreadable() -> None:
        # images found unreadable (in input threads) since the last event, once each, from this thread
        for image in data.unreadable.take_new():
            emit({"event": "notice", "message": image.message()})

    def emit_after_notices(event: dict[str, Any]) -> None:
        tell_unreadable()
        emit(event)

    monitor = EpochMonitor(model, names, validation_set(data, preset, cache, selection), preset.box_loss_weight,
                           epochs, steps, patience, emit_after_notices,
                           agreed_stop(strategy, stop) if multiworker else stop, stop_before_batches=not multiworker)
    try:
        with lost_workers() if multiworker else contextlib.nullcontext():
            for first, end, lr, unfrozen in _phases(preset, config, epochs, has_backbone):
                if monitor.finished:
                    break
                with strategy.scope():
                    networks.set_backbone_trainable(model, unfrozen, preset.finetune_from)
                    compile_phase(fitted, lr, (end - first) * steps, preset.box_loss_weight, preset.weight_ema)
                if config.distribute is not None:
                    build_before_fit(fitted, strategy, preset.input_size, batch_size)
                fitted.fit(dataset, epochs=end, initial_epoch=first, steps_per_epoch=steps,
                          callbacks=[monitor], verbose=0)
    finally:
        tell_unreadable()  # also when training stops because a whole batch could not be read
        # fit leaves its endless input iterator in a reference cycle. Collected only at
        # interpreter exit, its decode threads would call into a finalising Python and
        # the process would hang (a cancelled run never exited); collect it now.
        dataset = None
        gc.collect()
    # multi-worker: `cancelled` is agreed; this worker's own request waits for the final decision below
    if monitor.cancelled or (not multiworker and stop()):
        raise TrainingCancelled("training cancelled; no model was saved")
    selection_metrics = monitor.restore_best()
    metrics = report_metrics(monitor, data, preset, cache, report, selection_metrics)
    tell_unreadable()
    scored = (report or selection) if metrics.get("n_images") else []  # the images ``metrics`` are on
    from petloc_gui.model.carried_refiner import carried_refiner, rescored_with_refiner, through_both_stages

    # a two-stage parent keeps its second stage; a renamed class keeps its place, so the refiner still fits
    refiner = carried_refiner(parent, parent_named(names, data.renamed)) if is_chief(strategy) else None

    version_id = config.version_id or new_version_id(preset.name)
    out_dir = Path(config.out_dir) if config.out_dir else user_data_dir() / "models" / preset.name / version_id
    meta = {
        "format_version": 1,
        "version_id": version_id,
        "preset": preset.name,
        "class_names": names,
        "label_source": "breed (dataset list.txt)" if config.label == "breed" else "VOC object name",
        "input_size": list(preset.input_size),
        "channels": preset.channels,
        "preprocessing": {"input": "RGB float32 0..255, stretched (no letterbox) to input_size "
                                   "(model.prepare: EXIF applied, OpenCV area/bilinear resize)",
                          "in_model": preset.preprocessing},
        "outputs": ["class probabilities (softmax)",
                    "box [xmin, ymin, xmax, ymax] normalised to the input image, raw: it may fall outside [0, 1] "
                    "(petloc predict and petloc export clip it to [0, 1] and sort its corners)"],
        "backbone": backbone_info,
        "parent": _model_name(parent) if parent else None,
        "parent_version_id": parent.meta.get("version_id") if parent else None,
        # the parent's weights by their bytes: a name or id can be another model (a store copied, a rebuild)
        "parent_model_sha256": file_sha256(parent.path / MODEL_FILE) if parent else None,
        **({RENAMED_KEY: dict(data.renamed)} if data.renamed else {}),  # the lineage says the renames
        "splits": splits,
        "images": data.images_record(),
        "training_data": data.summary_record(len(config.exclude)),
        "validation_split": data.validation_record(),
        "test_split": config.test_split,
        "metrics": metrics,
        ACCEPTED_KEY: None,  # below: which of the images ``metrics`` are on hold boxes accepted from a model
        DIGITS_KEY: None,  # below: which of them hold MNIST digits a model learned on other canvases
        "selection_metrics": selection_metrics,
        "validation_parts": data.validation_parts_record(),  # the start event's parts (one split, cached)
        "epochs_run": monitor.epochs_run,
        "best_epoch": monitor.best_epoch,
        "train_seconds": round(time.monotonic() - started, 1),
        "config": _config_record(config, parent),
        "reproducibility": reproducibility_record(config.deterministic),  # what the seed does and does not fix
        **({"distribution": distribution_record(strategy, config.distribute, batch_size)} if config.distribute else {}),
        # the patience this run used (recipe.patience is the preset's: under multiworker, not used)
        "early_stopping": early_stopping_record(config.distribute, patience, monitor.validation is not None, epochs),
        "recipe": asdict(preset),
        "tensorflow_version": _tf_version(),
        "keras_version": keras.__version__,
    }
    if refiner is None:  # (with one, its figures are scored again once the bundle is written: these too)
        meta[ACCEPTED_KEY] = accepted_record(scored, meta, keras_scorer(monitor, data, preset, cache),
                                             parent.path if parent else None)
    if refiner is not None:  # (its figures are on the images that did not choose the second stage: said so)
        meta["refine"] = refiner.meta
    # written once, with the bundle, and in the "done" event: what the figures are on is known by now
    # (the parent's line as the run collected it, as ``mnist_digits`` records: not walked again)
    meta[DIGITS_KEY] = learned_digits_record(meta, data.root, data.inherited_digits if parent else None,
                                             data.inherited_canvases)
    # The final decision, taken by all workers together: a stop request made until now cancels; later, too
    # late. It tells every worker which chief writes the bundle, and where (model.worker_end).
    chief = worker_end.this_chief(strategy, out_dir) if multiworker and is_chief(strategy) else None
    stopping, trained_with = (worker_end.final_decision(worker_end.exchange_of(strategy, FINAL_DECISION_TIMEOUT),
                                                        chief, stop()) if multiworker else (stop(), None))
    if stopping:
        raise TrainingCancelled("training cancelled; no model was saved")
    emit({"event": "saving", "writes_bundle": is_chief(strategy)})
    if not is_chief(strategy):  # saves to a scratch folder, then hears whether the chief wrote the bundle
        wrote = worker_end.non_chief_finish(worker_end.exchange_of(strategy, None), trained_with,
                                            lambda: worker_end.save_scratch(model, meta))
        emit({"event": "done", "bundle": None, "chief": wrote.record() if wrote else None, "metrics": metrics,
              ACCEPTED_KEY: meta[ACCEPTED_KEY], DIGITS_KEY: meta[DIGITS_KEY]})
        return TrainedRun(out_dir, read)
    with worker_end.chief_saving(worker_end.exchange_of(strategy, None), chief, emit):  # (one process: no one to tell)
        path = save_bundle(model, meta, out_dir, extra_files=refiner.files if refiner else None)
        if refiner is not None:  # its figures were the first stage's: now those of what predict runs
            validated = report or selection
            # each image through both stages once: the person-drawn images' figures are taken from these too
            both = through_both_stages(path, meta, validated) if validated else None
            metrics = rescored_with_refiner(path, meta, validated, both)
            meta[ACCEPTED_KEY] = with_carried_refiner(path, meta, scored, both, parent.path if parent else None)
    emit({"event": "done", "bundle": str(path), "metrics": metrics, ACCEPTED_KEY: meta[ACCEPTED_KEY],
          DIGITS_KEY: meta[DIGITS_KEY]})
    return TrainedRun(path, read)


def _config_record(config: TrainConfig, parent: LoadedBundle | None) -> dict[str, Any]:
    """The run's settings without machine paths (the parent by name, weights by file name)."""
    # (lineage_told: what the user was told; meta.json training_data.lineage_incomplete records why)
    unrecorded = ("exclude", "test_split", "out_dir", "version_id", "known_hashes", "lineage_told", "worker_timeout")
    record = {k: v for k, v in asdict(config).items() if k not in unrecorded}
    record["init_from"] = _model_name(parent) if parent else None
    if config.backbone_weights:
        record["backbone_weights"] = Path(config.backbone_weights).name
    return record


def _tf_version() -> str:
    import tensorflow as tf

    return tf.__version__
