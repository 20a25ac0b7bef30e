"""What changed in the data folder between a training run's start and the comparison after it.

The run reads every image and annotation once, at its start, and records their
sha256 in the new model's meta.json (``images``); its own figures (meta.json
``metrics``) are on those boxes. The comparison (`model.comparison`) scores
both models on the boxes the run read too (`training.TrainedRun.validation`),
so the new model has one set of figures on its images, whatever was saved in
the window meanwhile: a box corrected since is the user's, for the next run,
and this module finds those images so that the comparison says their edit is
not in its figures. A photo removed or replaced since cannot be scored with
the run's boxes (they may not fit it): it is left out, and said. Without the
run's boxes at hand the comparison reads the folder again, and then the
images changed since are scored as saved now, also said. No TensorFlow.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from petloc_gui.core.text import counted, first_of, visible
from petloc_gui.model.collected_folder import sha256_or_none

SHOWN = 3  # image names in a sentence; the record keeps them all


def changed_since_run(run_meta: dict[str, Any] | None, samples: Sequence[Any],
                      image_hashes: dict[str, str | None]) -> list[str]:
    """The relpaths of ``samples`` whose image or annotation bytes are no longer those the run read
    (``run_meta``: the new model's meta.json ``images``; ``image_hashes``: each image's sha256 now).
    Nothing when the run recorded no hashes (an older meta.json)."""
    images = run_meta.get("images") if isinstance(run_meta, dict) else None
    if not isinstance(images, dict):
        return []
    changed = []
    for sample in samples:
        entry = images.get(sample.relpath)
        if not isinstance(entry, dict):
            continue
        image_was, annotation_was = entry.get("sha256"), entry.get("annotation_sha256")
        if (isinstance(image_was, str) and image_was != image_hashes.get(sample.relpath)) or (
                isinstance(annotation_was, str) and annotation_was != sha256_or_none(sample.annotation_path)):
            changed.append(sample.relpath)
    return sorted(changed)


def replaced_since_run(run_meta: dict[str, Any] | None, samples: Sequence[Any],
                       image_hashes: dict[str, str | None]) -> list[str]:
    """The relpaths of ``samples`` whose image file is gone (or unreadable) now, or holds other bytes than
    the run read (``run_meta``'s ``images``, where it records them): the run's boxes may not fit it."""
    images = run_meta.get("images") if isinstance(run_meta, dict) else None
    recorded = images if isinstance(images, dict) else {}

    def was(relpath: str) -> Any:
        entry = recorded.get(relpath)
        return entry.get("sha256") if isinstance(entry, dict) else None

    return sorted(s.relpath for s in samples if image_hashes.get(s.relpath) is None
                  or (isinstance(was(s.relpath), str) and was(s.relpath) != image_hashes.get(s.relpath)))


def since_run_sentences(changed: Sequence[str], left_out: Sequence[str], run_boxes: bool = False) -> list[str]:
    """The note's words on the images ``changed`` since the run read them and on those ``left_out`` (the
    run's, no longer usable); none when neither. ``run_boxes``: both models were scored on the boxes the
    run read (the edits are not in the figures), else on those saved now (they are)."""
    sentences = []
    if changed:
        which = "1 of these images" if len(changed) == 1 else f"{len(changed)} of these images"
        sentences.append(
            f"The annotation of {which} ({_names(changed)}) changed after the training run read it: both "
            "models are scored on the boxes the run read, as its own figures (meta.json metrics) are, so the "
            "change is not in these figures (these images are held out: a fine-tune keeps them in validation, "
            "so the next run is scored on the corrected box, and petloc evaluate --split validation scores it "
            "now)." if run_boxes else
            f"The annotation or the file of {which} ({_names(changed)}) changed after the training run read it: "
            "both models are scored on what is saved now, so the new model's figures here differ from those "
            "its run recorded (meta.json metrics), which are on the earlier boxes.")
    if left_out:
        n = len(left_out)
        it = "it" if n == 1 else "them"
        why = (f"{'its file was' if n == 1 else 'their files were'} removed or replaced since the run read {it}, "
               "and the boxes it read may not fit another photo" if run_boxes else
               f"removed, or no longer annotated with a usable box, since the run read {it}")
        sentences.append(
            f"{counted(n, 'validation image')} of the run ({_names(left_out)}) {'is' if n == 1 else 'are'} left "
            f"out: {why}.")
    return sentences


def _names(relpaths: Sequence[str]) -> str:
    return first_of([visible(r) for r in relpaths], SHOWN)
