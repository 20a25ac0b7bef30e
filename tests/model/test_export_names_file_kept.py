"""export_tflite refused a names file beside its target even when it held exactly the model's class names,
what a run killed outright between the names file and the TFLite file leaves. It keeps that one now (and
never removes it on a failure), and still refuses any other. No TensorFlow: tflite_bytes is stood in for."""

from __future__ import annotations

import pytest

from petloc_gui.core.errors import SaveError
from petloc_gui.model import export


class _Bundle:
    model = object()
    class_names = ("cat", "dog")


@pytest.fixture(autouse=True)
def _no_tensorflow(monkeypatch):
    monkeypatch.setattr(export, "tflite_bytes", lambda model, **_: b"TFL3")


def test_a_names_file_of_these_names_is_kept(tmp_path):
    labels = tmp_path / "d.labels.txt"
    labels.write_text("cat\ndog\n")
    export.export_tflite(_Bundle(), tmp_path / "d.tflite")
    assert (tmp_path / "d.tflite").read_bytes() == b"TFL3"
    assert labels.read_text() == "cat\ndog\n"


@pytest.mark.parametrize("there", ["dog\ncat\n", "cat\ndog\nbird\n", "cat\ndog"])
def test_a_names_file_of_other_names_is_refused(tmp_path, there):
    labels = tmp_path / "d.labels.txt"
    labels.write_text(there)
    with pytest.raises(SaveError, match="exists with other names"):
        export.export_tflite(_Bundle(), tmp_path / "d.tflite")
    assert labels.read_text() == there and not (tmp_path / "d.tflite").exists()


def test_a_kept_names_file_stays_when_the_model_cannot_be_written(tmp_path, monkeypatch):
    labels = tmp_path / "d.labels.txt"
    labels.write_text("cat\ndog\n")

    def fails(path, data):
        if path.suffix == ".tflite":
            raise SaveError("disk full", path)

    monkeypatch.setattr(export, "atomic_write_bytes", fails)
    with pytest.raises(SaveError):
        export.export_tflite(_Bundle(), tmp_path / "d.tflite")
    assert labels.read_text() == "cat\ndog\n"
