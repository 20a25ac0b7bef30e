"""Each save in the window re-ran the whole trained-here check: a stat, a relpath and a match for every image of the
folder (1.1 s per save burst on 20,000 images, all their hashes kept), where a save changes annotations only.
`reboxed_again` keeps the last answer and reads only the held-out images' annotations."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.model import bundle as bundle_module
from petloc_gui.model import trained_here
from petloc_gui.model.trained_here import check_trained_here, reboxed_again

from .trained_here_folders import bundle, copied_folder, training_folder


def _images(root: Path) -> list[tuple[str, str]]:
    return [(str(image), str(image.with_suffix(".xml"))) for image in sorted(root.glob("*.png"))]


def _reboxed(annotation: Path, box: Box) -> None:
    voc = read_voc(annotation)
    voc.objects[0].box = box
    write_voc(voc, annotation)


def test_a_save_s_check_reads_the_held_out_annotations_and_nothing_else(tmp_path, monkeypatch):
    source = training_folder(tmp_path, boxed=True)
    model = bundle(tmp_path, source)
    last = list(check_trained_here(model, source, _images(source), {}))[-1]
    assert (last.count, last.measured_here, last.reboxed) == (4, 1, 0)
    read: list[str] = []
    real = bundle_module.sha256_or_none
    monkeypatch.setattr(bundle_module, "sha256_or_none", lambda path: read.append(Path(path).name) or real(path))
    looked_up: list[Path] = []
    real_lookup = trained_here.memo_lookup
    monkeypatch.setattr(trained_here, "memo_lookup",
                        lambda path, memo: looked_up.append(path) or real_lookup(path, memo))

    _reboxed(source / "cvat_0.xml", Box(6, 6, 30, 30))  # a training image: not one the figures are on
    (same,) = reboxed_again(model, source, last)
    assert same == last
    _reboxed(source / "cvat_4.xml", Box(6, 6, 31, 31))  # its validation image
    (again,) = reboxed_again(model, source, last)
    assert (again.measured_here, again.reboxed) == (1, 1)
    assert (again.count, again.by_content, again.images) == (last.count, last.by_content, last.images)
    assert again.memo is last.memo and again.held_out is last.held_out  # kept for the next save
    assert read == ["cvat_4.xml", "cvat_4.xml"] and looked_up == []  # no image stat'ed, none read
    # the answer is the whole check's
    whole = list(check_trained_here(model, source, _images(source), last.memo))[-1]
    assert (whole.count, whole.measured_here, whole.reboxed) == (again.count, again.measured_here, again.reboxed)


def test_held_out_images_not_in_the_folder_are_not_read(tmp_path, monkeypatch):
    source = training_folder(tmp_path, boxed=True)
    copies = copied_folder(tmp_path, source)
    (copies / "task_4.png").unlink()  # the validation photo's copy: none of it in the folder
    last = list(check_trained_here(bundle(tmp_path, source), copies, _images(copies), {}))[-1]
    assert last.held_out is not None and last.held_out.annotations == {}
    (again,) = reboxed_again(tmp_path / "model", copies, last)
    assert (again.measured_here, again.reboxed) == (0, 0)


def test_a_model_whose_record_cannot_be_read_now_gives_no_answer(tmp_path):
    source = training_folder(tmp_path, boxed=True)
    model = bundle(tmp_path, source)
    last = list(check_trained_here(model, source, _images(source), {}))[-1]
    (model / "meta.json").unlink()
    assert list(reboxed_again(model, source, last)) == []
