"""tf.distribute for training: strategies, the chief, and two Keras 3 gaps under multi-worker.

With ``MultiWorkerMirroredStrategy`` Keras 3's ``Model.fit`` fails in two
places that have nothing to do with our model (both reproduced with the
two-worker test, tests/model/test_multiworker.py):

1. before the first step it builds the model from a first batch that it
   averages across replicas with ``strategy.reduce``; the collective reduce
   cannot take a ``PerReplica`` of inputs ("Attempt to convert a value
   (PerReplica:{...}) ... to a Tensor"). `build_before_fit` builds model,
   loss and optimizer from the input shapes instead, so that step is not needed;
2. after each step it averages the scalar logs with
   ``strategy.reduce("MEAN", v, axis=0)``, which a scalar has no axis 0 for.
   `patch_keras_log_reduction` makes that one call use ``axis=None`` for scalars.

A stop request (Ctrl+C, the GUI's cancel) reaches one worker; if only that
worker left ``fit``, the others would wait in their next collective for ever.
`agreed_stop` sums the workers' requests with a collective after each batch,
so all leave at the same batch. After the last batch each worker validates
and scores on its own; `training.train` then asks once more, all together,
just before the bundle is written (`FINAL_DECISION_TIMEOUT`): a request made
until then stops every worker, one made later is too late for all of them.

A worker that exits (Ctrl+C twice, an error, a crash) leaves the others in a
collective: TensorFlow's coordination service notices within seconds (its
heartbeat) and fails it with ``UnavailableError``; `lost_workers` says that
in a sentence (`WorkerLostError`) instead of TensorFlow's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from petloc_gui.core.errors import PetlocError
from petloc_gui.model.untyped import Strategy

DISTRIBUTE_CHOICES = (None, "mirrored", "multiworker")
# Seconds a worker waits at the final decision for the others. They arrive after the same work
# (the last epoch's validation, the scoring), so a long wait means a worker is stuck, not slow.
FINAL_DECISION_TIMEOUT = 600.0


class WorkerLostError(PetlocError):
    """Another worker of a multi-worker run exited or stopped answering; this one stops too."""


def make_strategy(name: str | None) -> Strategy:
    import tensorflow as tf

    if name is None:
        return tf.distribute.get_strategy()
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        patch_keras_log_reduction()
        return tf.distribute.MultiWorkerMirroredStrategy()
    raise ValueError(f"distribute must be one of {DISTRIBUTE_CHOICES}, got {name!r}")


def agreed_stop(strategy: Any, local_stop: Callable[[], bool], timeout: float | None = None) -> Callable[[], bool]:
    """``stop()`` that is true on every worker as soon as any worker's ``local_stop()`` is.

    Each call is one collective, so every worker must call it at the same
    points (`training_loop.EpochMonitor` does, once after each batch;
    `training.train` once more before the bundle is written). ``timeout``:
    seconds to wait for the other workers before `WorkerLostError` (None: until
    they arrive or exit). A worker that exited is `WorkerLostError` too.
    """
    import tensorflow as tf

    options = tf.distribute.experimental.CommunicationOptions(timeout_seconds=timeout)

    def stop() -> bool:
        flag = tf.constant(1.0 if local_stop() else 0.0)
        with lost_workers(timeout):
            total = strategy.extended.reduce_to(tf.distribute.ReduceOp.SUM, flag, destinations=flag, options=options)
            return float(strategy.experimental_local_results(total)[0]) > 0.0

    return stop


@contextmanager
def lost_workers(timeout: float | None = None) -> Iterator[None]:
    """Inside: a collective that fails because another worker is gone raises `WorkerLostError`, in words."""
    import tensorflow as tf

    try:
        yield
    except tf.errors.DeadlineExceededError as exc:
        waited = f"within {timeout:g} s" if timeout else "in time"
        raise WorkerLostError(f"the other workers did not reach the end of training {waited}, so one of them is "
                         "stuck: this worker stops without writing a bundle (see the other workers' output)") from exc
    except tf.errors.UnavailableError as exc:
        raise WorkerLostError(f"another worker exited or cannot be reached ({_tensorflow_reason(exc)}): this worker "
                         "stops too, without writing a bundle (see the other workers' output)") from exc


def _tensorflow_reason(exc: BaseException) -> str:
    """The part of a failed collective's message that says what happened (its first line, no op name).

    ``{{function_node ...}} Collective ops is aborted by: Socket closed`` -> ``Socket closed``.
    """
    text = getattr(exc, "message", None) or str(exc)
    text = re.sub(r"\{\{[^}]*\}\}", "", text).strip()
    text = text.split("aborted by:", 1)[-1].strip()
    first = re.sub(r"\s*\[Op:.*$", "", text.splitlines()[0]).strip().rstrip(":") if text else ""
    return first or type(exc).__name__


def is_chief(strategy: Any) -> bool:
    """True unless this process is a non-chief worker of a multi-worker cluster (TF_CONFIG)."""
    resolver = getattr(strategy, "cluster_resolver", None)
    if resolver is None:
        return True
    jobs = resolver.cluster_spec().jobs
    if not jobs:
        return True
    if resolver.task_type == "chief":
        return True
    return resolver.task_type == "worker" and not resolver.task_id and "chief" not in jobs


def build_before_fit(model: Any, strategy: Any, input_size: tuple[int, int], batch_size: int) -> None:
    """Build model, loss and optimizer state from the input shapes (gap 1 above)."""
    import tensorflow as tf

    width, height = input_size
    replica_batch = max(1, batch_size // strategy.num_replicas_in_sync)
    box = tf.TensorSpec((replica_batch, 4), tf.float32)
    # class ids, then the box for every other output (a centre head's training view has three)
    targets = (tf.TensorSpec((replica_batch,), tf.int32), *[box] * (len(model.outputs) - 1))
    spec = (tf.TensorSpec((replica_batch, height, width, 3), tf.float32), targets)
    with strategy.scope():
        model._symbolic_build(data_batch=spec)  # the build fit would do, from shapes
    # Everything is built, so fit's own pre-build (the failing reduce) has nothing left to do.
    model._maybe_symbolic_build = lambda iterator=None, data_batch=None: None


@functools.cache
def patch_keras_log_reduction() -> None:
    """Average scalar logs across workers with ``axis=None`` (gap 2 above); idempotent."""
    from keras.src.backend.tensorflow import trainer

    original = trainer.reduce_per_replica

    def reduce_per_replica(values: Any, strategy: Strategy, reduction: str) -> Any:
        if reduction in ("auto", "mean") and trainer._collective_all_reduce_multi_worker(strategy):
            from keras.src import tree

            def mean(v: Any) -> Any:
                if not trainer._is_per_replica_instance(v):
                    return v
                rank = v.values[0].shape.rank
                return strategy.reduce("MEAN", v, axis=None if rank == 0 else 0)

            return tree.map_structure(mean, values)
        return original(values, strategy, reduction)

    trainer.reduce_per_replica = reduce_per_replica
