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
so all leave at the same batch.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from petloc_gui.model.untyped import Strategy

DISTRIBUTE_CHOICES = (None, "mirrored", "multiworker")


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


def agreed_stop(strategy: Any, local_stop: Callable[[], bool]) -> Callable[[], bool]:
    """``stop()`` that is true on every worker as soon as any worker's ``local_stop()`` is.

    Each call is one collective, so every worker must call it at the same
    points (`training_loop.EpochMonitor` does, once after each batch).
    """
    import tensorflow as tf

    def stop() -> bool:
        flag = tf.constant(1.0 if local_stop() else 0.0)
        return float(strategy.reduce(tf.distribute.ReduceOp.SUM, flag, axis=None)) > 0.0

    return stop


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
