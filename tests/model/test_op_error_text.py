"""model/op_error_text: one step takes TensorFlow's op marks out of an op error's text, for the export's reason
(`export.op_error_reason`) and a lost worker's (`distributed`); each had its own copy, and the export's took
[Op:...] only at the very end, so eager's " name: <op>" after it kept "[Op:SaveV2] name: save" in the reason."""

from __future__ import annotations

import pytest

from petloc_gui.model.op_error_text import op_text

FUNCTION = "{{function_node __wrapped__SaveV2_dtypes_58_device_/job:localhost/replica:0/task:0/device:CPU:0}} "


@pytest.mark.parametrize(("message", "text"), [
    (f"{FUNCTION}/tmp/x.tmp/variables/part; No space left on device [Op:SaveV2]",
     "/tmp/x.tmp/variables/part; No space left on device"),
    (f"{FUNCTION}No space left on device [Op:SaveV2] name: save", "No space left on device"),
    ("Graph execution error:\n\n/tmp/x.tmp/part; No space left on device\n\t [[{{node SaveV2}}]] "
     "[Op:__inference_save_fn_42]", "Graph execution error:\n\n/tmp/x.tmp/part; No space left on device"),
    ("{{function_node __wrapped__CollectiveReduceV2_Nordering_token_1_device_/job:worker/replica:0/task:1/"
     "device:CPU:0}} Collective ops is aborted by: Socket closed\nAdditional GRPC error information",
     "Collective ops is aborted by: Socket closed\nAdditional GRPC error information"),
    ("Is a directory", "Is a directory"),
])
def test_the_marks_go_and_the_text_stays(message, text):
    assert op_text(message) == text


def test_the_exports_reason_loses_the_op_name_after_its_mark():
    tf = pytest.importorskip("tensorflow")
    from petloc_gui.model.export import op_error_reason

    error = tf.errors.ResourceExhaustedError(None, None, f"{FUNCTION}No space left on device [Op:SaveV2] name: save")
    assert op_error_reason(error) == "No space left on device"
