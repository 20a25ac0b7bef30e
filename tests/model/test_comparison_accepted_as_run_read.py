"""The retrain comparison tells which validation images hold boxes accepted from a model by the boxes the
run read (review 3, finding 1).

Both models are scored on the boxes the run read (``samples=run.validation``), but which images held boxes
accepted from a model was worked out from the annotation files as saved when the comparison ran: a person
who moved an accepted box in the window during the run left both models scored on the model's own box,
with the note saying "A fair comparison"; A pressed during the run marked an image scored on a person's box.
"""

from __future__ import annotations

import dataclasses

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.model import comparison
from petloc_gui.model.data import collect_samples

from .test_comparison_accepted_boxes import CURRENT, _accept, _setup, scored  # noqa: F401 - the fixture


def _move_by_a_person(image):
    """The image's first box moved 3 px and saved, as the window saves a person's edit: no mark any more."""
    xml = image.with_suffix(".xml")
    annotation = read_voc(xml)
    obj = annotation.objects[0]
    moved = Box(obj.box.xmin + 3, obj.box.ymin, obj.box.xmax + 3, obj.box.ymax)
    annotation.objects[0] = dataclasses.replace(obj, box=moved)
    write_voc(annotation, xml)


def test_boxes_accepted_when_the_run_read_them_are_said_though_moved_since(tmp_path, scored):  # noqa: F811
    data, images, parent, new_bundle = _setup(tmp_path)
    _accept(images[0])
    _accept(images[1])
    run_samples = collect_samples(data, "default")[0]  # the run reads v0, v1 as the current model's boxes
    for image in images[:2]:
        _move_by_a_person(image)
    assert not read_voc(images[0].with_suffix(".xml")).objects[0].accepted_from

    result = comparison.compare_models(data, "default", new_bundle, [p.name for p in images],
                                       old_model=str(parent), fine_tuned=True, samples=run_samples)

    assert result["accepted_boxes"] == {"n_images": 2, "from": {CURRENT: 2}, "own": 2}
    assert result["person_drawn"]["n_images"] == 2
    assert not result["note"].startswith("A fair comparison")
    assert "accepted unchanged from model pets (pets-9)" in result["note"]


def test_a_box_accepted_after_the_run_read_it_is_a_person_s_in_the_comparison(tmp_path, scored):  # noqa: F811
    data, images, parent, new_bundle = _setup(tmp_path)
    run_samples = collect_samples(data, "default")[0]  # every box a person's when the run reads them
    _accept(images[0])  # A pressed during the run

    result = comparison.compare_models(data, "default", new_bundle, [p.name for p in images],
                                       old_model=str(parent), fine_tuned=True, samples=run_samples)

    assert result["accepted_boxes"] is None
    assert "accepted unchanged" not in result["note"]
