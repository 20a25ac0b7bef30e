"""What the workers of a multi-worker run must agree on, checked once at start, and the run's record.

Every worker of ``--distribute multiworker`` collects its own data folder and
reads its own options. TensorFlow checks none of it: workers given another
``--seed``, ``--exclude-list`` or one more image train together without a word
(the chief's validation images in another worker's share, a "test" image
trained on, an image the bundle does not record), and other differences fail
later in TensorFlow's shape errors, or not at all (``--epochs`` 2 against 3:
the chief writes a bundle after the weights drifted apart).

`check_workers_agree` hashes each kind of what must agree (`run_fingerprint`)
to a 64-bit number and gathers the numbers of every worker with one
collective, before the model is built: every worker sees every worker's
numbers, so all of them refuse together, naming what differs. Only then are
more collectives made, so the refusal names the first file that differs: when
the image contents differ under the same lists of images, a 64-bit hash of
each image and of its annotation (`file_hashes`, `first_differences`); when the
lists differ, the lists themselves (`first_unshared`: the first image one
worker has and the other lacks, which only the worker that has it could name).

A worker reaches the check after collecting its data, so one may come minutes after another (a cold network
disk, a bigger folder). The wait for it is bounded (`agreement_timeout`: 600 s, or a longer --worker-timeout,
which the run hands down as ``worker_timeout``; the collective's own timeout: "worker 1 did not reach the
start of training within 600 s (...) give every worker --worker-timeout SECONDS"; a worker frozen meanwhile
fails the heartbeat within seconds, said as "stopped answering (no heartbeat)", `distributed.lost_heartbeat`)
and stoppable: TensorFlow's collective holds the thread that makes it, where Python runs no signal handler, so
it runs in a helper thread while the main thread waits in short rounds (`_stoppable`), and Ctrl+C or SIGTERM
there stops this worker at once (the collective aborted, `TrainingCancelled`).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Mapping
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from petloc_gui.core.errors import PetlocError
from petloc_gui.model.bundle import MODEL_FILE, file_sha256
from petloc_gui.model.distributed import (
    WorkerLostError,
    is_chief,
    lost_heartbeat,
    lost_workers,
    release_collective_pools,
)
from petloc_gui.model.tflite_provenance import RECORD_KEY as TFLITE_RECORD_KEY
from petloc_gui.model.untyped import Strategy

if TYPE_CHECKING:
    from petloc_gui.model.bundle import LoadedBundle
    from petloc_gui.model.presets import Preset
    from petloc_gui.model.training import TrainConfig
    from petloc_gui.model.training_data import TrainingData

# Seconds a worker waits at the check for the others at least: they all arrive after collecting their data,
# some minutes apart (a bigger folder, a network disk); a longer --worker-timeout waits longer (`agreement_timeout`).
AGREEMENT_TIMEOUT = 600.0
# Seconds between two looks for a stop request while waiting at the check (Ctrl+C answers within them).
_STOP_POLL = 0.25
# Kinds whose value is short enough to show in the refusal (this worker's value).
_SHOWN = ("seed", "epochs", "batch size", "steps per epoch", "backbone weights")
CONTENTS = "image contents"
# The lists of images: when they agree, every worker has the same images (by path) to compare file by file.
_LISTS = ("training images", "validation images", "test images")


class WorkersDisagreeError(PetlocError):
    """The workers of a multi-worker run were not given the same data or options; none trains."""


def _hash64(value: Any) -> int:
    """A signed 64-bit hash of a JSON-able value (sorted keys: the same value, the same hash)."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big", signed=True)


def run_fingerprint(parts: Mapping[str, Any]) -> dict[str, int]:
    """``{kind: 64-bit hash}`` of each kind of what the workers must agree on (order kept)."""
    return {kind: _hash64(value) for kind, value in parts.items()}


def disagreements(rows: list[list[int]], kinds: list[str], replicas_per_worker: int) -> dict[int, list[str]]:
    """``{worker index: kinds where it differs from worker 0}`` from the gathered rows (one per replica)."""
    first = rows[0]
    found: dict[int, list[str]] = {}
    for replica, row in enumerate(rows):
        worker = replica // max(1, replicas_per_worker)
        for kind, mine, theirs in zip(kinds, row, first, strict=True):
            if mine != theirs and kind not in found.setdefault(worker, []):
                found[worker].append(kind)
    return {worker: differing for worker, differing in found.items() if differing}


def file_hashes(parts: Mapping[str, Any]) -> tuple[list[str], list[int]]:
    """The images of the three lists by path (sorted), and two hashes for each, in that order: of its
    bytes and of its annotation's (training_data.images_record: by sha256, None for unreadable)."""
    contents = parts[CONTENTS]
    paths = sorted({path for kind in _LISTS for path in parts[kind]})
    hashes: list[int] = []
    for path in paths:
        entry = contents.get(path) or {}
        hashes += [_hash64(entry.get("sha256")), _hash64(entry.get("annotation_sha256"))]
    return paths, hashes


def first_differences(rows: list[list[int]], paths: list[str], workers: list[int],
                      replicas_per_worker: int) -> dict[int, str]:
    """``{worker: its first file whose bytes differ from worker 0's}`` from the gathered `file_hashes`
    (one row per replica), for each of ``workers``: "a.png" (the image), "a.png's annotation"."""
    named: dict[int, str] = {}
    for worker in workers:
        row = rows[worker * max(1, replicas_per_worker)]
        index = next((i for i, (mine, theirs) in enumerate(zip(row, rows[0], strict=True)) if mine != theirs), None)
        if index is not None:
            named[worker] = paths[index // 2] + ("'s annotation" if index % 2 else "")
    return named


def refusal(found: dict[int, list[str]], parts: Mapping[str, Any], files: Mapping[int, str] | None = None,
            listed: Mapping[int, Mapping[str, str]] | None = None) -> str:
    """The one line every worker says when the workers disagree. ``files``: by worker, the first file
    whose contents differ (`first_differences`); ``listed``: by worker and list, the first image on one side
    only (`first_unshared`)."""
    files, listed = files or {}, listed or {}

    def said(worker: int, kind: str) -> str:
        first = files.get(worker) if kind == CONTENTS else listed.get(worker, {}).get(kind)
        return f"{kind} (first: {first})" if first else kind

    differing = [f"worker {worker} differs from worker 0 in {', '.join(said(worker, kind) for kind in kinds)}"
                 for worker, kinds in sorted(found.items())]
    every = {kind for kinds in found.values() for kind in kinds}
    shown = [f"{kind} {parts[kind]}" for kind in _SHOWN if kind in every and kind in parts]
    mine = f" (this worker: {', '.join(shown)})" if shown else ""
    # the weights a worker found by itself (another install): the same command is not enough
    weights = ", the same backbone weights file (--backbone-weights PATH)" if "backbone weights" in every else ""
    return ("the workers were not given the same training: " + "; ".join(differing) + mine +
            ". Run the same command, with the same options" + weights + " and the same data folder contents, "
            "on every worker; no worker trained")


def check_workers_agree(strategy: Strategy, parts: Mapping[str, Any], stop: Callable[[], bool] = lambda: False,
                        worker_timeout: float | None = None) -> None:
    """Raise `WorkersDisagreeError` on every worker when any two workers' ``parts`` differ.

    One collective (an all-gather of the hashes; a second one, of each file's, when only the image
    contents differ): every worker must call it at the same point, before any other collective of the run.
    A worker not there within `agreement_timeout` seconds (``worker_timeout``: the --worker-timeout the
    workers connected under, None when not known) is `WorkerLostError`; ``stop()`` true while waiting
    (this worker's Ctrl+C) is `TrainingCancelled`.
    """
    fingerprint = run_fingerprint(parts)
    kinds = list(fingerprint)
    rows = _gathered(strategy, list(fingerprint.values()), stop, worker_timeout)
    per_worker = len(rows) // max(1, worker_count(strategy))
    found = disagreements(rows, kinds, per_worker)
    if not found:
        return
    files: dict[int, str] = {}
    listed: dict[int, dict[str, str]] = {}
    # Every worker has the same ``found``, so all of them make these collectives, or none does.
    if any(kind in differing for differing in found.values() for kind in _LISTS):
        # the lists themselves (their length first, for a collective of one size): a path hashed by the
        # worker that lacks it could not be named there
        text = json.dumps([sorted(parts[kind]) for kind in _LISTS]).encode("utf-8")  # ASCII: no NUL in it
        longest = max(row[0] for row in _gathered(strategy, [len(text)], stop, worker_timeout))
        rows = _gathered(strategy, _as_words(text, longest), stop, worker_timeout)
        listed = first_unshared([json.loads(_as_text(row)) for row in rows], found, per_worker)
    elif CONTENTS in parts:
        paths, hashes = file_hashes(parts)
        files = first_differences(_gathered(strategy, hashes, stop, worker_timeout), paths,
                                  [worker for worker, differing in found.items() if CONTENTS in differing],
                                  per_worker)
    raise WorkersDisagreeError(refusal(found, parts, files, listed))


def _as_words(text: bytes, length: int) -> list[int]:
    """``text`` padded with NULs to ``length`` bytes, as signed 64-bit numbers (8 bytes each, the last padded)."""
    padded = text.ljust(-(-length // 8) * 8, b"\0")
    return [int.from_bytes(padded[i:i + 8], "big", signed=True) for i in range(0, len(padded), 8)]


def _as_text(words: list[int]) -> bytes:
    """The text `_as_words` made, its padding taken off."""
    return b"".join(word.to_bytes(8, "big", signed=True) for word in words).rstrip(b"\0")


def first_unshared(lists: list[list[list[str]]], found: Mapping[int, list[str]],
                   replicas_per_worker: int) -> dict[int, dict[str, str]]:
    """``{worker: {list kind: its first image (by path) on one of that worker and worker 0 only, and whose}}``
    from every replica's three lists (`_LISTS`' order), for each list kind in ``found``: "b.png, worker 1's only"."""
    named: dict[int, dict[str, str]] = {}
    for worker, differing in found.items():
        mine, first = lists[worker * max(1, replicas_per_worker)], lists[0]
        for kind, own, theirs in zip(_LISTS, mine, first, strict=True):
            unshared = sorted(set(own) ^ set(theirs)) if kind in differing else []
            if unshared:
                whose = worker if unshared[0] in own else 0
                named.setdefault(worker, {})[kind] = f"{unshared[0]}, worker {whose}'s only"
    return named


def agreement_timeout(worker_timeout: float | None = None) -> float:
    """Seconds to wait at the check: `AGREEMENT_TIMEOUT`, or ``worker_timeout`` (the --worker-timeout the workers
    connected under) when longer: the remedy the timeout's line names for workers whose data collection differs
    by more."""
    return max(float(AGREEMENT_TIMEOUT), float(worker_timeout or 0.0))


def _gathered(strategy: Strategy, numbers: list[int], stop: Callable[[], bool],
              worker_timeout: float | None = None) -> list[list[int]]:
    """Every replica's ``numbers`` (the same count on each), gathered with one collective: one row each.

    A sum of one row per replica, each replica filling in its own (the others zero): unlike
    ``strategy.gather``, ``reduce_to`` takes the timeout. Waits at most `agreement_timeout` seconds (of
    ``worker_timeout``), and stops when ``stop()`` is (`_stoppable`)."""
    import tensorflow as tf

    timeout = agreement_timeout(worker_timeout)  # looked up now: a test's launcher sets a short one
    replicas = int(strategy.num_replicas_in_sync)

    def own_row(context: Any) -> Any:
        rows = [[0] * len(numbers) for _ in range(replicas)]
        rows[context.replica_id_in_sync_group] = list(numbers)
        return tf.constant(rows, tf.int64)

    values = strategy.experimental_distribute_values_from_function(own_row)
    options = tf.distribute.experimental.CommunicationOptions(timeout_seconds=timeout)
    destination = tf.zeros((replicas, len(numbers)), tf.int64)

    def exchange() -> list[list[int]]:
        total = strategy.extended.reduce_to(tf.distribute.ReduceOp.SUM, values, destinations=destination,
                                            options=options)
        return [[int(v) for v in row] for row in strategy.experimental_local_results(total)[0].numpy().tolist()]

    with lost_workers(timeout, "the start of training"):
        try:
            return _stoppable(exchange, stop)
        except tf.errors.DeadlineExceededError as exc:
            if lost_heartbeat(exc):  # a worker frozen, not late: `lost_workers` says which, with no time limit
                raise
            release_collective_pools(exc.__traceback__)
            raise WorkerLostError(f"{_others(strategy)} did not reach the start of training within {timeout:g} s "
                                  "(still collecting its data, or stuck): this worker stops without training (see "
                                  "the other workers' output); to wait longer for a worker slower to collect its "
                                  "data, give every worker --worker-timeout SECONDS") from exc


def _stoppable(exchange: Callable[[], list[list[int]]], stop: Callable[[], bool]) -> list[list[int]]:
    """``exchange()``, a collective, run in a helper thread while this one waits for it in short rounds.

    In the thread that makes it, the collective blocks inside TensorFlow's C++ code, and Python runs signal
    handlers in the main thread only, between its own steps: Ctrl+C, a second Ctrl+C and SIGTERM did nothing
    for as long as the wait lasted. Here the handlers run (`cli.train_stop`'s: a second stop aborts the
    process), and a first stop, once ``stop()`` says it, aborts the collective and raises `TrainingCancelled`."""
    import tensorflow as tf
    from tensorflow.python.eager import context

    from petloc_gui.model.training import TrainingCancelled  # (training imports this module)

    done = threading.Event()
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["rows"] = exchange()
        except Exception as exc:  # noqa: BLE001 - whatever it raises is re-raised in the waiting thread
            outcome["error"] = exc
        finally:
            done.set()

    # daemon: a thread still in the collective must not keep the stopping process from exiting
    threading.Thread(target=run, name="petloc worker agreement", daemon=True).start()
    while not done.wait(_STOP_POLL):
        if stop():
            context.context().abort_collective_ops(tf.errors.CANCELLED, "this worker was stopped")
            done.wait(_STOP_POLL * 8)  # the abort ends it at once
            raise TrainingCancelled("training cancelled; no model was saved")
    if "error" in outcome:
        raise outcome["error"]
    rows: list[list[int]] = outcome["rows"]
    return rows


def _others(strategy: Strategy) -> str:
    """The workers other than this one, as the line about a worker that did not come names them."""
    resolver = getattr(strategy, "cluster_resolver", None)
    if resolver is None:
        return "another worker"
    spec = resolver.cluster_spec()
    others = [f"{job} {index}" for job in ("chief", "worker") if job in spec.jobs for index in spec.task_indices(job)
              if (job, index) != (resolver.task_type, resolver.task_id)]
    if len(others) == 1:
        return others[0]
    return "one of " + ", ".join(others) if others else "another worker"


def worker_count(strategy: Strategy) -> int:
    """How many processes train together: the cluster's workers and its chief (1 without a cluster)."""
    resolver = getattr(strategy, "cluster_resolver", None)
    if resolver is None:
        return 1
    jobs = resolver.cluster_spec().as_dict()
    return max(1, sum(len(jobs.get(job) or ()) for job in ("chief", "worker")))


def distribution_record(strategy: Strategy, distribute: str, global_batch: int) -> dict[str, Any]:
    """meta.json's ``distribution``: how many trained together and on what batches (no hosts, no paths)."""
    replicas = int(strategy.num_replicas_in_sync)
    resolver = getattr(strategy, "cluster_resolver", None)
    task = "the only process" if resolver is None or not resolver.task_type else \
        "the chief task" if resolver.task_type == "chief" else f"{resolver.task_type} {resolver.task_id}"
    return {
        "strategy": distribute,
        "workers": worker_count(strategy),
        "replicas": replicas,
        "global_batch": global_batch,  # config.batch_size (or the preset's): split across the replicas
        "per_replica_batch": global_batch // replicas,
        "written_by": task if task == "the chief task" or not is_chief(strategy) else f"{task} (the chief)",
        # every replica's BatchNorm used the global batch's statistics (networks.build_model)
        "batchnorm_synchronized": True,
    }


def early_stopping_record(distribute: str | None, patience: int, validated: bool,
                          epochs: int | None = None) -> dict[str, Any]:
    """meta.json's ``early_stopping``: whether the run could stop before its last epoch, and after how many
    epochs without a better score on the validation selection part. ``recipe.patience`` is the preset's,
    which a multi-worker run does not use. ``validated``: the run had validation images to score;
    ``epochs``: the run's (a patience of epochs - 1 or more never stops it before its last)."""
    if distribute == "multiworker":
        return {"on": False, "patience": None,
                "why": "--distribute multiworker: each worker validates on its own and one worker stopping "
                       "alone would leave the others waiting, so every epoch runs"}
    if not validated:
        return {"on": False, "patience": None, "why": "no validation images: every epoch runs, the last is kept"}
    if epochs is not None and patience >= epochs - 1:  # the first epoch sets the best; `patience` more after it
        return {"on": False, "patience": patience,
                "why": f"a patience of {patience} epochs in a run of {epochs}: every epoch runs"}
    return {"on": True, "patience": patience}


def training_parts(data: TrainingData, config: TrainConfig, preset: Preset, epochs: int, batch_size: int,
                   steps: int, parent: LoadedBundle | None, backbone: Mapping[str, Any]) -> dict[str, Any]:
    """What every worker of one run must have the same of, by kind (the kind names the refusal says).
    ``parent``: --init-from's model; ``backbone``: meta.json's record of the backbone weights this worker
    starts from (`initial_weights.backbone_weights`), decided before the check."""
    splits = data.splits_record()
    return {
        "class names": list(data.class_names),
        "training images": splits["train"],
        "validation images": splits["validation"],
        "test images": splits["test"],
        CONTENTS: data.images_record(),  # the same names with other bytes
        "epochs": epochs,
        "batch size": batch_size,
        "steps per epoch": steps,
        "seed": config.seed,
        # one worker deterministic and another not: meta.json would say the run repeats, and it would not
        "--deterministic": config.deterministic,
        "learning-rate schedule": {"learning_rate": config.learning_rate, "warmup_epochs": config.warmup_epochs,
                                   "patience": config.patience},
        "preset": asdict(preset),
        # the parent by its weights' bytes too: a meta.json alike can come with other weights (a rebuild); less
        # the record of its .tflite files (provenance: `petloc export P --tflite P/model.tflite` on one worker's
        # copy adds it, and every worker refused a parent of the same weights and classes)
        "init-from": {"meta": {key: value for key, value in parent.meta.items() if key != TFLITE_RECORD_KEY},
                      "model sha256": file_sha256(parent.path / MODEL_FILE)}
        if parent is not None else None,
        "backbone weights": "not used (--init-from)" if parent is not None else starting_backbone(backbone),
        "other options": {"label": config.label, "val_fraction": config.val_fraction,
                          "skip_prelabels": config.skip_prelabels, "renamed": dict(data.renamed)},
    }


def starting_backbone(backbone: Mapping[str, Any]) -> str:
    """The backbone weights a run starts from, from meta.json's ``backbone`` (`initial_weights.backbone_weights`):
    the file by name and its bytes (a 64-bit sha256 prefix, as much as the workers' comparison keeps), or random.

    Compared by what the worker decided to load, not by the option: two workers left to the default found their
    own files (another install, a resources folder with no weights/), and one without trained from random
    weights alongside the chief, both exiting 0 with different models, the bundle saying ImageNet."""
    initial = backbone.get("initial_weights")
    if isinstance(initial, Mapping):
        return f"{initial.get('file')} (sha256 {str(initial.get('sha256'))[:16]})"
    return "random (no ImageNet weights found)" if backbone.get("warning") else "random"
