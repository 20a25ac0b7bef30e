"""Whether a training run can be repeated: what its seed fixes, and the opt-in that makes it exact.

The seed (`training.TrainConfig.seed`) fixes the validation split, the order
the training images are shuffled in, each batch's augmentation (stateless,
from the seed and the batch's place in the stream: `augment`) and the new
layers' first weights. It does not fix the order in which the input
pipeline's parallel calls deliver the batches (``map(deterministic=False)``
in `pipeline`: a batch that is ready first goes first, so the input never
waits on a slow one): two runs of one seed train on the same batches in
another order and end with other weights and other figures (hunt_rt 4:
best epoch 2 vs 1, report accuracy 1.0 vs 0.0 on 2 images).

``deterministic`` (`petloc train --deterministic`) turns on TensorFlow's op
determinism, which also makes every tf.data pipeline deliver its elements
in order: the same data, seed, settings and parent model then give the same
weights, on the same kind of machine with the same TensorFlow build. On small
CPU runs it cost nothing above the machine's noise (ADR 0007's last
amendment); it stays an option. meta.json says which a run was
(``reproducibility``).
"""

from __future__ import annotations

from typing import Any

DETERMINISTIC = ("deterministic (--deterministic): the same data, seed, settings and parent model give the same "
                 "weights on the same kind of machine with the same TensorFlow build; the number of workers is one "
                 "of the settings (under --distribute multiworker each worker builds its share of each batch from "
                 "its own files and BatchNorm is synchronised, so a two-worker run's weights and figures differ "
                 "from a one-worker run's)")
SEEDED_ONLY = ("not deterministic: the seed fixes the split, the shuffling, each batch's augmentation and the "
               "first weights, but not the order the parallel input pipeline delivers the batches in, so another "
               "run of the same seed ends with other weights and figures (--deterministic makes it repeatable)")


def make_deterministic() -> None:
    """TensorFlow's ops, and every tf.data pipeline built from now on, deterministic for the rest of the
    process (a run is a process of its own: `petloc train`, the window's training child)."""
    import tensorflow as tf

    tf.config.experimental.enable_op_determinism()


def reproducibility_record(deterministic: bool) -> dict[str, Any]:
    """meta.json's ``reproducibility``: whether the run was deterministic, and what that means."""
    return {"deterministic": deterministic, "note": DETERMINISTIC if deterministic else SEEDED_ONLY}
