"""Which of the images `petloc evaluate` scores the model trained on (its training record, or that of a
model it was fine-tuned from), said on stderr: figures that include training images are not held-out
figures."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.cli.output import ProgressBar, error
from petloc_gui.core.real_paths import same_real_folder

if TYPE_CHECKING:
    from petloc_gui.model.training_record import Lineage


def trained_on_count(images: list[Path], meta: dict[str, Any], root, split: str = "all",
                     lineage: Lineage | None = None, matched: list[Path] | None = None,
                     hashes: dict[Path, str | None] | None = None) -> tuple[int | None, str]:
    """``(count, what it rests on)``: how many of the evaluated ``images`` the model trained on, or
    a model it was fine-tuned from (``lineage``: `model.training_record.lineage_of` of ``meta``, read
    here when not given); says so on stderr when any. A training image counts when its bytes are a
    recorded training image's (a renamed copy too; a re-saved or resized copy does not), or, in a
    record without hashes, by its path. The count is None when no record tells; a lower bound when a
    record in the chain is missing. ``split``: "all", or the images the model's record holds out
    ("validation", "test"), counted alike. ``matched`` gets the images counted, ``hashes`` each sha256 taken."""
    from petloc_gui.core.trained_on_words import how_matched
    from petloc_gui.model.training_record import count_matches, image_hashes, lineage_of

    lineage = lineage if lineage is not None else lineage_of(meta)
    if not any(r.known for r in lineage.records):
        if split != "all":
            return 0, f"the model's {split} images"  # its own record says they are held out; nothing more known
        old_root = (meta.get("training_data") or {}).get("root")  # bundles from before the recorded splits
        if old_root and same_real_folder(old_root, root):
            error("DATA is the folder this model was trained on: these figures include training images "
                  "(use --split validation for held-out figures)")
        else:
            error(f"cannot tell which of these images the model trained on: {lineage.why_incomplete}")
        return None, f"none: {lineage.why_incomplete}"
    from petloc_gui.model.data import relpath_in

    paths = {relpath_in(Path(image), Path(root)): Path(image) for image in images}
    # None for an image unreadable now: matched by its path alone
    bar = ProgressBar("petloc: matching images to the training record", len(paths)) if len(paths) > 500 else None
    try:
        by_relpath = image_hashes(paths, bar.update if bar is not None else None)
    finally:
        if bar is not None:
            bar.close()
    if hashes is not None:
        hashes.update((image, by_relpath[relpath]) for relpath, image in paths.items())
    counted: list[str] = []
    kinds = count_matches(lineage, by_relpath, matched=counted)
    if matched is not None:
        matched.extend(paths[relpath] for relpath in counted)
    count = sum(kinds.values())
    how = how_matched(kinds)
    record = "complete" if lineage.complete else f"incomplete: {lineage.why_incomplete}"
    if count:
        if len(images) == 1:
            which = "the one evaluated image is a training image"
        else:
            are = "is a training image" if count == 1 else "are training images"
            which = f"{'' if lineage.complete else 'at least '}{count} of these {len(images)} evaluated images {are}"
        advice = ("evaluate on a folder none of its models trained on" if split != "all" else
                  "use --split validation on its training folder, or a folder it never trained on")
        error(f"{which} of this model or of one it was fine-tuned from ({how}): these figures include "
              f"training images ({advice}, for held-out figures)")
    if not lineage.complete:
        error(f"the record of the images this model learned from is incomplete ({lineage.why_incomplete}): "
              f"{count} found trained on is a lower bound")
    return count, record
