"""Two workers given the same task index and started at the same moment both pass the early port check; the
second then fails inside TensorFlow. Its line names that cause, as the early check's does."""

from __future__ import annotations

from petloc_gui.model.distributed import port_held


def test_a_port_taken_after_the_early_check_names_a_worker_given_the_same_index():
    assert port_held("worker", 1) == ("this worker's port (TF_CONFIG task worker 1) could not be opened: another "
                                      "program holds it, or another worker given the same task index; give each "
                                      "worker its own \"index\", or this worker a free port in TF_CONFIG")
