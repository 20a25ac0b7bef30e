"""meta.json's record that a bundle's own .tflite is its .keras file converted and checked
(`model.tflite_provenance`): written only after the check passed, with the two files' sha256; refused,
and nothing written, for a .tflite that gives other outputs than the .keras model beside it."""

from __future__ import annotations

import hashlib

import pytest

from petloc_gui.model.lite_bundle import lite_servable
from petloc_gui.model.tflite_provenance import RECORD_KEY, TfliteNotVerified, stamp_verified_tflite

from .conftest import bundle_meta, constant_model


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def bundle(tmp_path):
    """A bundle of `constant_model` without a .tflite (as `petloc train` writes one)."""
    from petloc_gui.model.bundle_write import save_bundle

    return save_bundle(constant_model(), bundle_meta(), tmp_path / "constant")


@pytest.mark.slow
def test_a_checked_tflite_is_recorded_with_both_files_hashes(bundle):
    from petloc_gui.model.bundle import read_meta
    from petloc_gui.model.runtime import write_tflite

    assert stamp_verified_tflite(bundle) == {} and RECORD_KEY not in read_meta(bundle)  # nothing to record
    write_tflite(constant_model(), bundle / "model.tflite")  # the same weights: the same outputs
    assert not lite_servable(bundle)  # converted, not yet checked
    record = stamp_verified_tflite(bundle)
    assert record == {"model.tflite": {"keras_sha256": _sha(bundle / "model.keras"),
                                       "sha256": _sha(bundle / "model.tflite")}}
    assert read_meta(bundle)[RECORD_KEY] == record
    assert lite_servable(bundle)


@pytest.mark.slow
def test_a_tflite_of_another_model_is_not_recorded(bundle):
    from petloc_gui.model.runtime import write_tflite

    # the same architecture, another box and class than KNOWN_BOX's: every shape fits, the outputs differ
    write_tflite(constant_model(box=(0.1, 0.2, 0.3, 0.4), favourite=0), bundle / "model.tflite")
    before = (bundle / "meta.json").read_bytes()
    with pytest.raises(TfliteNotVerified, match=r"model\.tflite is not model\.keras converted: ValueError: .*differs"):
        stamp_verified_tflite(bundle)
    assert (bundle / "meta.json").read_bytes() == before
    assert not lite_servable(bundle)
