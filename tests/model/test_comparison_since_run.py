"""The comparison after a run reads the folder again: an annotation changed since the run read it, or an
image no longer usable, is said, never scored silently on other boxes than the run's own figures
(meta.json metrics) or left out without a word (hunt_rt 7)."""

from __future__ import annotations

import hashlib
import json

from petloc_gui.model import comparison

from .test_comparison_record import VOC, _annotate, _image


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(tmp_path, n=4):
    """A folder of ``n`` annotated images and the new model's bundle, whose meta.json records their
    bytes and annotations as the run read them."""
    data = tmp_path / "data"
    data.mkdir()
    images = [_image(data / f"v{i}.jpg", 100 + i) for i in range(n)]
    for image in images:
        _annotate(image)
    bundle = tmp_path / "nb"
    bundle.mkdir()
    record = {p.name: {"sha256": _sha(p), "annotation_sha256": _sha(p.with_suffix(".xml"))} for p in images}
    (bundle / "meta.json").write_text(json.dumps({"class_names": ["cat", "dog"], "images": record}))
    return data, images, bundle


def _compare(data, images, bundle):
    return comparison.compare_models(data, "default", bundle, [p.name for p in images], old_model=None,
                                     fine_tuned=False)


def test_nothing_changed_says_nothing(tmp_path, scored):
    result = _compare(*_run(tmp_path))
    assert result["changed_since_run"] == [] and result["left_out_since_run"] == []
    assert "changed after the training run" not in result["note"] and "left out" not in result["note"]


def test_an_annotation_corrected_during_the_run_is_named(tmp_path, scored):
    data, images, bundle = _run(tmp_path)
    images[1].with_suffix(".xml").write_text(VOC.format(name=images[1].name, label="dog"))  # corrected meanwhile
    result = _compare(data, images, bundle)
    assert result["changed_since_run"] == ["v1.jpg"]
    assert ("The annotation or the file of 1 of these images (v1.jpg) changed after the training run read it: "
            "both models are scored on what is saved now") in result["note"]
    assert "meta.json metrics" in result["note"]
    assert result["new"]["n_images"] == 4  # scored all the same, on the saved boxes


def test_a_replaced_photo_is_named_too(tmp_path, scored):
    data, images, bundle = _run(tmp_path)
    _image(images[2], 7)  # other bytes under the same name
    assert _compare(data, images, bundle)["changed_since_run"] == ["v2.jpg"]


def test_a_validation_image_no_longer_usable_is_said_to_be_left_out(tmp_path, scored):
    data, images, bundle = _run(tmp_path)
    images[3].with_suffix(".xml").unlink()
    result = _compare(data, images, bundle)
    assert result["left_out_since_run"] == ["v3.jpg"] and result["new"]["n_images"] == 3
    assert "1 validation image of the run (v3.jpg) is left out" in result["note"]


def test_every_validation_image_gone_says_why_there_is_no_comparison(tmp_path, scored):
    data, images, bundle = _run(tmp_path, n=2)
    for image in images:
        image.with_suffix(".xml").unlink()
    note = _compare(data, images, bundle)["note"]
    assert note.startswith("No validation images: the models could not be compared. 2 validation images of the run")
