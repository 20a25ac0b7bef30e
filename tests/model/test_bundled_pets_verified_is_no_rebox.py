"""The bundled pets model records its boxed images' scored objects' hash (meta.json ``images[*].objects_sha256``,
added by benchmarks/bundled_meta_sizes.py where the annotation is the one its run read): marking one of its held-out
photos Verified in its own folder (the annotation's bytes changed, its boxes not) read "changed since (its boxes may
differ)", for the model users see first; a box moved is still a re-box."""

from __future__ import annotations

import shutil
from pathlib import Path

from petloc_gui.core.boxes import Box
from petloc_gui.core.scored_objects import OBJECTS_KEY, objects_sha256
from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.model.bundle import read_meta, sha256_or_none
from petloc_gui.model.trained_here import TrainedHere, check_trained_here

PETS = Path(__file__).resolve().parents[2] / "resources" / "models" / "pets"


def _annotation(folder: Path, relpath: str) -> Path:
    return folder / "annotations" / "xmls" / f"{Path(relpath).stem}.xml"


def test_each_recorded_objects_hash_is_that_of_the_file_its_run_read(oxford_dir):
    images = read_meta(PETS)["images"]
    hashed = {relpath: entry for relpath, entry in images.items() if OBJECTS_KEY in entry}
    assert set(read_meta(PETS)["validation_parts"]["report"]) <= set(hashed)
    for relpath, entry in hashed.items():
        annotation = _annotation(oxford_dir, relpath)
        assert sha256_or_none(annotation) == entry["annotation_sha256"]
        assert entry[OBJECTS_KEY] == objects_sha256(annotation, oxford_dir / relpath) is not None


def test_a_verified_mark_on_a_pets_validation_photo_is_no_re_box(oxford_dir, tmp_path):
    report = sorted(read_meta(PETS)["validation_parts"]["report"])  # what its validation figures are measured on
    root = tmp_path / "data"  # the name of the folder it was trained on
    (root / "annotations" / "xmls").mkdir(parents=True)
    (root / "images").mkdir()
    for relpath in report:
        shutil.copy2(oxford_dir / relpath, root / relpath)
        shutil.copy2(_annotation(oxford_dir, relpath), _annotation(root, relpath))
    images = [(str(root / relpath), str(_annotation(root, relpath))) for relpath in report]

    def check() -> TrainedHere:
        answer = list(check_trained_here(PETS, root, images, {}))[-1]
        assert isinstance(answer, TrainedHere)
        return answer

    marked = _annotation(root, report[0])
    annotation = read_voc(marked)
    annotation.verified = True
    write_voc(annotation, marked)
    assert sha256_or_none(marked) != sha256_or_none(_annotation(oxford_dir, report[0]))
    answer = check()
    assert (answer.measured_here, answer.reboxed, answer.reboxed_by_bytes) == (len(report), 0, 0)

    annotation = read_voc(marked)
    box = annotation.objects[0].box
    annotation.objects[0].box = Box(box.xmin + 5, box.ymin, box.xmax, box.ymax)
    write_voc(annotation, marked)
    answer = check()
    assert (answer.reboxed, answer.reboxed_by_bytes) == (1, 0)
