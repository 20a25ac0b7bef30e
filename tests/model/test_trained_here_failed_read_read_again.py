"""The window's trained-here check kept a failed read of an image (a network share's hiccup; a chmod, which changes
the file's ctime but not its mtime) in its memo as the file's answer while its size and time were unchanged: that
image was never matched by its bytes again, and the caution under-counted the folder's training images, silently.
A failed read is no answer: the next check reads the file again."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.model import bundle as bundle_module
from petloc_gui.model.trained_here import check_trained_here

from .trained_here_folders import bundle, copied_folder, training_folder


def _images(root: Path) -> list[tuple[str, str]]:
    return [(str(image), str(image.with_suffix(".xml"))) for image in sorted(root.glob("*.png"))]


def test_an_image_that_could_not_be_read_is_read_again_by_the_next_check(tmp_path, monkeypatch):
    source = training_folder(tmp_path)
    copies = copied_folder(tmp_path, source)
    model = bundle(tmp_path, source)
    real = bundle_module.sha256_or_none
    monkeypatch.setattr(bundle_module, "sha256_or_none", lambda path: None)  # the share did not answer
    failed = list(check_trained_here(model, copies, _images(copies), {}))[-1]
    assert failed.count == 0 and failed.memo  # nothing could be matched by its bytes this time
    monkeypatch.setattr(bundle_module, "sha256_or_none", real)  # the share is back; no file changed
    fresh = list(check_trained_here(model, copies, _images(copies), {}))[-1]
    again = list(check_trained_here(model, copies, _images(copies), failed.memo))[-1]
    assert fresh.count == 4
    assert (again.count, again.by_content) == (fresh.count, fresh.by_content)
    # what it read this time is kept: a third check reads nothing again
    reads: list[str] = []
    monkeypatch.setattr(bundle_module, "sha256_or_none", lambda path: reads.append(path) or real(path))
    third = list(check_trained_here(model, copies, _images(copies), {**failed.memo, **again.memo}))[-1]
    assert third.count == 4 and reads == []
