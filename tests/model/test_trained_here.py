"""The window's check of which open images the model trained on (`model.trained_here`): `petloc evaluate`'s rule,
on a real folder of copied photos, and each file read once while it is unchanged."""

from __future__ import annotations

import os
from pathlib import Path

from petloc_gui.model import bundle as bundle_module
from petloc_gui.model.trained_here import TrainedHere, check_trained_here

from .trained_here_folders import bundle, copied_folder, training_folder


def _images(root: Path) -> list[tuple[str, str]]:
    """(image, annotation) paths as the window hands them over (text)."""
    return [(str(image), str(image.with_suffix(".xml"))) for image in sorted(root.glob("*.png"))]


def _answer(model: Path, root: Path, memo=None, split="validation") -> list:
    return list(check_trained_here(model, root, _images(root), memo or {}, split))


def test_renamed_copies_of_its_training_images_are_counted(tmp_path):
    source = training_folder(tmp_path)
    copies = copied_folder(tmp_path, source)
    model = bundle(tmp_path, source)
    pending, answer = _answer(model, copies)
    assert pending.pending and pending.training_folder == ""  # not known before its images are found here or not
    assert isinstance(answer, TrainedHere) and not answer.pending
    # four copies of training photos; the validation photo's copy and the two new photos are not training images
    assert (answer.count, answer.by_content, answer.by_path, answer.images) == (4, 4, 0, 7)
    # the validation photo's copy (task_4.png) is the image its figures were measured on, found by its bytes
    assert answer.complete and (answer.measured_found, answer.training_folder) == (1, "")
    (copies / "task_4.png").unlink()
    assert _answer(model, copies)[-1].training_folder == "cvat"


def test_its_own_training_folder_is_not_another_folder(tmp_path):
    source = training_folder(tmp_path)
    _, answer = _answer(bundle(tmp_path, source), source)
    assert answer.count == 4 and answer.images == 5
    assert answer.training_folder == ""


def test_a_model_without_a_record_counts_nothing(tmp_path):
    source = training_folder(tmp_path)
    model = tmp_path / "old"
    model.mkdir()
    (model / "meta.json").write_text('{"class_names": ["cat"]}', encoding="utf-8")
    _, answer = _answer(model, source)
    assert answer.count is None and answer.why_unknown


def test_an_unchanged_file_is_not_read_again(tmp_path, monkeypatch):
    source = training_folder(tmp_path)
    copies = copied_folder(tmp_path, source)
    model = bundle(tmp_path, source)
    first = _answer(model, copies)[-1]
    reads: list[str] = []
    real = bundle_module.sha256_or_none
    monkeypatch.setattr(bundle_module, "sha256_or_none", lambda path: reads.append(path) or real(path))
    again = _answer(model, copies, first.memo)[-1]
    assert reads == [] and again.count == 4
    changed = copies / "task_0.png"
    changed.write_bytes(changed.read_bytes() + b"\0")  # re-saved: other bytes, another image
    os.utime(changed, ns=(1, 1))
    third = _answer(model, copies, again.memo)[-1]
    assert reads == [os.path.abspath(changed)] and third.count == 3


def test_a_stopped_check_reads_no_further(tmp_path, monkeypatch):
    from petloc_gui.model import trained_here

    source = training_folder(tmp_path)
    copies = copied_folder(tmp_path, source)
    monkeypatch.setattr(trained_here, "PROGRESS_EVERY", 2)
    reads: list[str] = []
    real = bundle_module.sha256_or_none
    monkeypatch.setattr(bundle_module, "sha256_or_none", lambda path: reads.append(path) or real(path))
    check = check_trained_here(bundle(tmp_path, source), copies, _images(copies), {})
    assert next(check).pending
    assert next(check) == 2  # progress: a worker's quit() closes the generator here
    check.close()
    assert len(reads) == 2


def test_the_check_loads_no_tensorflow(tmp_path):
    """The check runs in the window's process, where TensorFlow loads only in the prediction worker (seconds)."""
    import subprocess
    import sys
    import textwrap

    source = training_folder(tmp_path)
    model = bundle(tmp_path, source)
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from petloc_gui.model.trained_here import check_trained_here
        root = Path({str(source)!r})
        images = [(str(image), str(image.with_suffix(".xml"))) for image in sorted(root.glob("*.png"))]
        answer = list(check_trained_here(Path({str(model)!r}), root, images, {{}}))[-1]
        assert answer.count == 4, answer
        print(sorted(name for name in ("tensorflow", "keras") if name in sys.modules))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_held_out_image_re_boxed_since_its_run(tmp_path):
    from petloc_gui.core.boxes import Box
    from petloc_gui.core.voc import read_voc, write_voc

    source = training_folder(tmp_path, boxed=True)
    model = bundle(tmp_path, source)
    answer = _answer(model, source)[-1]
    assert (answer.measured_here, answer.reboxed) == (1, 0)
    trained = source / "cvat_0.xml"  # a training image re-boxed: not an image the figures are on
    annotation = read_voc(trained)
    annotation.objects[0].box = Box(6, 6, 30, 30)
    write_voc(annotation, trained)
    assert _answer(model, source, answer.memo)[-1].reboxed == 0
    held_out = source / "cvat_4.xml"
    annotation = read_voc(held_out)
    annotation.objects[0].box = Box(6, 6, 31, 31)
    write_voc(annotation, held_out)
    again = _answer(model, source, answer.memo)[-1]
    assert (again.measured_here, again.reboxed) == (1, 1)
    assert _answer(model, source, answer.memo, split="test")[-1].reboxed == 0  # test figures: none held out so
    copies = copied_folder(tmp_path, source)  # the photo under another name, found by its bytes, no annotation beside
    copied = _answer(model, copies)[-1]  # none to re-score it on, its boxes never changed: said apart, not re-boxed
    assert (copied.measured_here, copied.reboxed, copied.measured_unannotated) == (1, 0, 1)
