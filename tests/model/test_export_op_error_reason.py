"""model/export.op_error_reason: a TensorFlow error from the SavedModel write kept only the text after its last
"; ", so a reason with "; " in it was cut to a fragment. Only the noise goes now (the {{function_node ...}}
before it, the temporary path, [Op:...] and a graph's [[{{node ...}}]]), the reason kept whole. The messages
are shaped as TensorFlow 2's (the Is-a-directory ones as it raised them here, a folder where a file goes)."""

from __future__ import annotations

import pytest

tf = pytest.importorskip("tensorflow")

from petloc_gui.model.export import op_error_reason  # noqa: E402

TMP = "/data/exports/.sm.573914e1.tmp"
NODE = "{{function_node __wrapped__SaveV2_dtypes_58_device_/job:localhost/replica:0/task:0/device:CPU:0}} "


@pytest.mark.parametrize(("kind", "message", "reason"), [
    (tf.errors.ResourceExhaustedError,
     f"{NODE}{TMP}/variables/variables_temp/part-00000-of-00001.data-00000-of-00001.tempstate174; "
     "No space left on device [Op:SaveV2]", "No space left on device"),
    (tf.errors.FailedPreconditionError,
     "{{function_node __wrapped__MergeV2Checkpoints_device_/job:localhost/replica:0/task:0/device:CPU:0}} "
     f"{TMP}/variables/variables.index; Is a directory [Op:MergeV2Checkpoints]", "Is a directory"),
    (tf.errors.FailedPreconditionError, f"{TMP}/saved_model.pb.tmpc35429d284ee41d0a1d986a230d6234a; Is a directory",
     "Is a directory"),
    (tf.errors.UnknownError,  # a rename in the temporary folder: its paths said, then the reason
     "{{function_node __wrapped__MergeV2Checkpoints_device_/job:localhost/replica:0/task:0/device:CPU:0}} "
     f"Failed to rename: {TMP}/variables/variables_temp.index to: {TMP}/variables/variables.index : "
     "Input/output error; Input/output error [Op:MergeV2Checkpoints]", "Input/output error"),
    (tf.errors.ResourceExhaustedError,  # a graph's: the node after the reason
     "Graph execution error:\n\nDetected at node SaveV2 defined at (most recent call last):\n"
     f"<stack traces unavailable>\n{TMP}/variables/variables_temp/part-00000-of-00001.data-00000-of-00001"
     ".tempstate7; No space left on device\n\t [[{{node SaveV2}}]] [Op:__inference_save_fn_42]",
     "No space left on device"),
    (tf.errors.InvalidArgumentError,  # made up, in its shape: a reason with "; " in it, naming no file of ours
     f"{NODE}Cannot write the shard: 2 tensors given; the bundle expects 3 (dense/kernel, dense/bias, step) "
     "[Op:SaveV2]", "Cannot write the shard: 2 tensors given; the bundle expects 3 (dense/kernel, dense/bias, step)"),
    (tf.errors.FailedPreconditionError, f"{TMP}/variables is not a directory",  # nothing else to say it with
     f"{TMP}/variables is not a directory"),
])
def test_the_reason_is_kept_whole_and_only_the_noise_goes(kind, message, reason):
    assert op_error_reason(kind(None, None, message), TMP) == reason


def test_no_op_error_has_no_reason():
    assert op_error_reason(OSError(28, "No space left on device"), TMP) is None
