"""`distributed.mirrored_devices`, what `petloc train --distribute mirrored` counts before it says it trains as on
one device, is what ``MirroredStrategy()`` chooses by itself here, and what `make_strategy` trains on."""

from __future__ import annotations

import tensorflow as tf

from petloc_gui.model.distributed import make_strategy, mirrored_devices


def _kinds(names) -> list[tuple[str, int]]:
    """("CPU", 0) for each device name, however much of the /job:.../replica:.../task:... it spells out."""
    specs = [tf.DeviceSpec.from_string(name) for name in names]
    return [(spec.device_type, spec.device_index) for spec in specs]


def test_mirrored_devices_are_the_strategys_own_choice_and_the_ones_trained_on():
    chosen = tf.distribute.MirroredStrategy().extended.worker_devices
    assert _kinds(mirrored_devices()) == _kinds(chosen)
    assert make_strategy("mirrored").extended.worker_devices == chosen
