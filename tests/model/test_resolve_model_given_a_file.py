"""`--model mydigits.tflite` (an exported model file, a .keras not named model.keras, an image) said
"no model bundle here (folder does not exist)" of a file that is there. It now says the path is a file
and that --model names a bundle folder; for a .tflite/.keras, that petloc loads the folder `petloc train`
wrote (the exported .tflite is for serving)."""

from __future__ import annotations

import pytest

from petloc_gui.model.bundle import BundleError, resolve_model


@pytest.mark.parametrize("name", ["m.tflite", "mine.keras"])
def test_a_model_file_is_said_to_be_a_file_not_a_bundle_folder(tmp_path, name):
    (tmp_path / name).write_bytes(b"model")
    with pytest.raises(BundleError) as caught:
        resolve_model(tmp_path / name)
    message = str(caught.value)
    assert "is a file" in message and "does not exist" not in message
    assert "bundle folder" in message and "petloc train" in message


def test_another_file_is_said_to_be_a_file(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"png")
    with pytest.raises(BundleError) as caught:
        resolve_model(tmp_path / "photo.png")
    assert "is a file" in str(caught.value) and "petloc train" not in str(caught.value)


def test_a_missing_path_still_says_it_does_not_exist(tmp_path):
    with pytest.raises(BundleError, match="does not exist"):
        resolve_model(tmp_path / "gone")
