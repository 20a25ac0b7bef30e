"""The retrain comparison names the classes none of the images it scored is of, a class just added first:
its verdict says nothing of them (hunt_fh 2: a fine-tune that added `chat tigré` was called better on 5
images of bengal and bulldog, and nothing said so)."""

from __future__ import annotations

import json

from petloc_gui.model import comparison

from .test_comparison_record import _annotate, _current_and_fresh, _image


def _new_bundle(tmp_path, class_names):
    bundle = tmp_path / "nb"
    bundle.mkdir()
    (bundle / "meta.json").write_text(json.dumps({"class_names": class_names}))
    return bundle


def test_a_class_just_added_with_no_validation_image_is_named(tmp_path, scored):
    data, images, parent, meta = _current_and_fresh(tmp_path)  # four photos of cat; the current model knows cat
    meta["class_names"] = ["cat", "dog"]
    (parent / "meta.json").write_text(json.dumps(meta))
    bundle = _new_bundle(tmp_path, ["cat", "dog", "chat tigré"])
    result = comparison.compare_models(data, "default", bundle, [p.name for p in images], old_model=str(parent),
                                       fine_tuned=True)
    assert result["classes_not_scored"] == ["dog", "chat tigré"] and result["new_classes"] == ["chat tigré"]
    said = ("No image of 2 of the 3 classes (chat tigré (new), dog) is among the 4 images these figures are on: "
            "they say nothing of how either model does on them.")
    assert result["classes_not_scored_note"] == said and said in result["note"]


def test_every_class_scored_says_nothing(tmp_path, scored):
    data, images, parent, _ = _current_and_fresh(tmp_path)
    _annotate(images[0], "dog")
    bundle = _new_bundle(tmp_path, ["cat", "dog"])
    result = comparison.compare_models(data, "default", bundle, [p.name for p in images], old_model=str(parent),
                                       fine_tuned=True)
    assert result["classes_not_scored"] == [] and result["classes_not_scored_note"] == ""
    assert "No image of" not in result["note"]


def test_a_first_model_names_them_too(tmp_path, scored):
    data = tmp_path / "data"
    data.mkdir()
    images = [_image(data / f"v{i}.jpg", i) for i in range(2)]
    for image in images:
        _annotate(image)
    result = comparison.compare_models(data, "default", _new_bundle(tmp_path, ["cat", "star"]),
                                       [p.name for p in images], old_model=None, fine_tuned=False)
    assert result["new_classes"] == []  # no current model: nothing is "new" beside it
    assert "No image of the class star is among the 2 images these figures are on: they say nothing of how " \
           "the new model does on it." in result["note"]
