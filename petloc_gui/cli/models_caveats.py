"""What `petloc models` says of a row whose figures are its run's own (meta.json ``metrics``) beyond them: the
records `petloc train` keeps beside them of the images they are on that hold boxes a person accepted unchanged
from a model (``metrics_accepted_boxes``, `cli.models_accepted`) and of those that are `petloc digits` canvases
of MNIST digits a model learned on other canvases (``metrics_learned_digits``, `model.training_digits`). Each
is carried by its row (--json) and said in lines after the table. So is how many of the images its figures were
measured on were re-boxed since its run, where a folder that uses the model holds them (`with_reboxed`)."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

from petloc_gui.app.folder_memory import Damaged, FolderMemory
from petloc_gui.app.learned_digits_said import LEARNED_DIGITS_KEY, hedges_in, learned_digits_record
from petloc_gui.app.model_metrics import accepted_record
from petloc_gui.app.trained_here_said import measured_images, reboxed_words
from petloc_gui.cli.models_accepted import KEY as ACCEPTED_KEY
from petloc_gui.core.errors import SaveError
from petloc_gui.core.text import visible


def with_caveats(row: dict[str, Any], meta: Any, figures: Any, problems: list[str] | None = None) -> None:
    """``row`` carries meta.json's (``meta``) records of its figures' (``figures``) images, each when there is
    one (`app.model_metrics.accepted_record`, `learned_digits_record`: only of a run's own figures)."""
    for key, record in ((ACCEPTED_KEY, accepted_record(meta, figures, problems)),
                        (LEARNED_DIGITS_KEY, learned_digits_record(meta, figures, problems))):
        if record is not None:
            row[key] = record


def learned_digits_lines(rows: list[dict[str, Any]]) -> list[str]:
    """One line per sentence of each row's ``metrics_learned_digits`` record, after the table, in `petloc
    train`'s words: "digits/<id>: 3 of these 3 images hold MNIST digits that the model it was fine-tuned
    from, ... so these figures on them are optimistic"."""
    lines = []
    for row in rows:
        lines += [f"{row['name']}: {hedge.removesuffix('.')}" for hedge in hedges_in(row.get(LEARNED_DIGITS_KEY))]
    return lines


# --- re-boxed since the run ---------------------------------------------------------------------------------------
# The window's model label says when images its figures were measured on were re-boxed since the run
# (`model.trained_here.reboxed_since`: other boxes or labels than meta.json ``images`` records, or, where a record keeps
# only the annotation's bytes, other bytes: ``reboxed_by_bytes``, said "changed since (boxes may differ)"); this
# listing printed the old figures with no word. It knows no open folder and a model records its folder's name only,
# never its path, so it looks where the model is used: the folders folder_models.json remembers it for (the window
# picked or kept it there). An image counts only where its bytes are those the run recorded, at its recorded path or
# elsewhere (a flat copy: the window's rule), so a folder that does not hold the measured images counts none, and the
# row says null: not known. One found with no annotation beside it is said apart (``reboxed_unannotated``), never
# counted re-boxed: its boxes were not changed, there are none there to re-score it on.
REBOXED_KEYS = ("reboxed_since", "reboxed_of", "reboxed_folder", "reboxed_by_bytes", "reboxed_unannotated")


def with_reboxed(rows: list[dict[str, Any]], memory: FolderMemory | None = None) -> list[dict[str, Any]]:
    """``rows``, each of a model a folder remembers carrying ``reboxed_since`` (of the images its figures were
    measured on, how many were re-boxed since its run), ``reboxed_of`` (how many of them that folder holds, with
    the bytes recorded), ``reboxed_folder``, ``reboxed_by_bytes`` (of ``reboxed_since``, those whose record keeps
    only the annotation's bytes: changed, their boxes maybe not) and ``reboxed_unannotated`` (of ``reboxed_of``, those
    with no annotation there: not re-boxed), where some are found; the folder holding most of them is taken, and of
    those holding as many, the one where most were re-boxed."""
    from petloc_gui.app.version_users import names_version
    from petloc_gui.model.versions import VersionStore

    entries = _remembered(memory or FolderMemory())
    if not entries:
        return rows
    store = VersionStore()
    for row in rows:
        target = store.model_name(row["path"]) if row.get("path") else None
        folders = sorted(folder for folder, spec in entries.items() if names_version(store, spec, target))
        found = [(count, folder) for folder in folders
                 if (count := _reboxed_in(Path(row["path"]), Path(folder), row.get("split"), row.get("basis")))
                 is not None]
        if found:
            # the most of them, and of folders holding as many (a backup copy beside the working folder), the one
            # with the most re-boxed: the first in name order hid the working folder's re-box behind a backup's 0
            (here, reboxed, by_bytes, unannotated), folder = max(found, key=lambda pair: pair[0][:2])
            row.update(reboxed_since=reboxed, reboxed_of=here, reboxed_folder=folder, reboxed_by_bytes=by_bytes,
                       reboxed_unannotated=unannotated)
    return rows


def reboxed_lines(rows: list[dict[str, Any]]) -> list[str]:
    """A line after the table for each row whose measured images were re-boxed since (none when they were not), and
    one for each whose measured images have no annotation in that folder (`_unannotated_line`)."""
    lines = []
    for row in rows:
        n, of, folder, by_bytes, unannotated = (row.get(key) for key in REBOXED_KEYS)
        if not isinstance(of, int):
            continue
        split = "test" if row.get("split") == "test" else "validation"
        if n:
            earlier = "on the earlier boxes" if not by_bytes else "on the boxes its run read"
            lines.append(visible(f"{row['name']}: {measured_images(n, of, split)} its figures were measured on "
                                 f"{reboxed_words(n, by_bytes or 0).replace(' since', ' since its run', 1)}, in "
                                 f"{folder} (a folder that uses it): the figures are {earlier}; petloc evaluate "
                                 f"{shlex.quote(str(folder))} --model {shlex.quote(row['name'])} --split {split} "
                                 "re-scores them"))
        if unannotated:
            lines.append(_unannotated_line(row["name"], unannotated, of, folder, split))
    return lines


def _unannotated_line(name: str, n: int, of: int, folder: Any, split: str) -> str:
    """ "digits/v1: 2 of the 20 validation images its figures were measured on have no annotation in /data/flat (a
    folder that uses it): the figures cannot be re-scored on them there" (a copy of the photo without its XML)."""
    has, them = ("has", "it") if n == 1 else ("have", "them")
    return visible(f"{name}: {measured_images(n, of, split)} its figures were measured on {has} no annotation in "
                   f"{folder} (a folder that uses it): the figures cannot be re-scored on {them} there")


def _remembered(memory: FolderMemory) -> dict[str, str]:
    """Every folder's remembered model (folder -> spec); none when there is no such file or it cannot be read (the
    rows then say null: other commands say what is wrong with it)."""
    if not memory.path.is_file():  # nothing remembered: no data folder or lock file made for a listing
        return {}
    try:
        with memory.locked_entries() as entries:  # copied out: the lock is not held while images are read
            return dict(entries)
    except (Damaged, OSError, SaveError):
        return {}


def _reboxed_in(model_dir: Path, folder: Path, split: Any, basis: Any = None) -> tuple[int, int, int, int] | None:
    """``(found, re-boxed, of them by their bytes alone, found with no annotation)`` of the images the model's figures
    were measured on (`trained_here.measured_on`: the window's rule, with the row's ``basis``) in ``folder``, found as
    the window finds them: by their recorded bytes wherever they sit (`model.held_out_reboxed`); None when it holds
    none with their recorded bytes, or the record keeps no annotation hash of them (an older model: whether they were
    re-boxed cannot be told)."""
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.errors import PetlocError
    from petloc_gui.core.scored_objects import OBJECTS_KEY
    from petloc_gui.model.bundle import read_meta
    from petloc_gui.model.held_out_reboxed import reboxed_in_folder
    from petloc_gui.model.trained_here import measured_on
    from petloc_gui.model.training_record import record_from_meta

    try:
        meta = read_meta(model_dir)
        own = record_from_meta(meta)
        dataset = open_dataset(folder)
    except (OSError, ValueError, PetlocError):
        return None
    held_out = measured_on(meta, own, "test" if split == "test" else "validation", basis)
    images = meta.get("images")
    recorded = images if isinstance(images, dict) else {}
    if not any(isinstance(entry := recorded.get(relpath), dict)
               and any(isinstance(entry.get(key), str) for key in ("annotation_sha256", OBJECTS_KEY))
               for relpath in held_out):
        return None
    listed = [(item.image_path_text, item.annotation_path_text) for item in dataset.items]
    since = reboxed_in_folder(meta, held_out, dataset.root, listed)
    return (since.measured_here, since.reboxed, since.by_bytes, since.unannotated) if since.measured_here else None
