"""A full disk while TensorFlow writes the export: "cannot export: No space left on device", not
"unexpected error: ResourceExhaustedError: {{function_node ...}} ...tempstate...; No space left on device
[Op:SaveV2]", and nothing left behind."""

from __future__ import annotations

import keras
import pytest

tf = pytest.importorskip("tensorflow")

from petloc_gui.core.errors import SaveError  # noqa: E402
from petloc_gui.model import export  # noqa: E402

# what TensorFlow raised on a full tmpfs (the temporary folder's path in the middle)
FULL = ("{{function_node __wrapped__SaveV2_dtypes_58_device_/job:localhost/replica:0/task:0/device:CPU:0}} "
        "/x/.sm.573914e1.tmp/variables/variables_temp/part-00000-of-00001.data-00000-of-00001.tempstate174; "
        "No space left on device [Op:SaveV2]")


def full_disk(*args, **kwargs):
    raise tf.errors.ResourceExhaustedError(None, None, FULL)


def writes_failing(monkeypatch, failure):
    """Make the SavedModel write (the archive's write_out) raise ``failure``."""
    made = export._archive

    def archive(*args, **kwargs):
        built = made(*args, **kwargs)
        built.write_out = failure
        return built

    monkeypatch.setattr(export, "_archive", archive)


@pytest.fixture(scope="module")
def model():
    inputs = keras.Input((8, 8, 3))
    pooled = keras.layers.GlobalAveragePooling2D()(inputs)
    return keras.Model(inputs, [keras.layers.Dense(2, activation="softmax")(pooled), keras.layers.Dense(4)(pooled)])


def test_a_full_disk_writing_the_saved_model_is_said_plainly_and_cleaned_up(model, tmp_path, monkeypatch):
    writes_failing(monkeypatch, full_disk)
    with pytest.raises(SaveError) as caught:
        export.export_saved_model(model, tmp_path / "sm")
    assert str(caught.value) == f"{tmp_path / 'sm'}: cannot export: No space left on device"
    assert list(tmp_path.iterdir()) == []  # the temporary folder removed


def test_a_full_temporary_folder_converting_to_tflite_is_said_plainly(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "tflite_bytes", full_disk)
    with pytest.raises(SaveError, match=r"cannot export: converting to TFLite in .* failed: No space left on "
                                        r"device$"):
        export.export_tflite(object(), tmp_path / "m.tflite")
    assert list(tmp_path.iterdir()) == []


def test_any_other_error_is_left_as_it_is(model, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    writes_failing(monkeypatch, broken)
    with pytest.raises(RuntimeError, match="a bug"):
        export.export_saved_model(model, tmp_path / "sm")
    assert list(tmp_path.iterdir()) == []
