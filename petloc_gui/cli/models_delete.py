"""`petloc models --delete VERSION ...`: delete trained versions of the model store, as the window's Delete does.

A user retraining daily piled up versions (3.6 MB each for digits, more for pets) and `petloc models` could
only list them: deleting a folder by hand skipped every check Discard makes, and took the model a folder
remembers (the window then fell back to another) or the one a running window predicts with. Each version goes
through `app.version_users.delete_version`: one in use is kept, with who uses it and what to do. Every name is
checked before any is deleted: a mistyped one in a list deletes nothing. A bundled model is never deleted.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from petloc_gui.cli.output import error, json_line, result_line, show

EXIT_KEPT = 1  # a version in use was kept (the others named were deleted)
EXIT_UNKNOWN = 2  # a name is no version of the store: nothing deleted
KNOWN_SHOWN = 10  # versions named after an unknown one; `petloc models` lists them all
# `petloc models --help`'s words on it (cmd_models.EPILOG), and its example
EPILOG = """\
`--delete VERSION ...` deletes trained versions (digits/<id> as listed, or the id), a line each with the disk space
freed (--json: {"name", "deleted", "bytes_freed", "fine_tuned_from_it"}); the versions fine-tuned from one deleted
are named on stderr (their record of the images they learned from becomes incomplete); one a folder remembers as
its model (picked for it in the window) or a running petloc window has loaded is kept, with why and what to do, and
the exit status is 1; a name that is no version of the store (a bundled model, a typo), or an id in two preset
folders, deletes nothing: exit 2.
"""
EXAMPLE = "  petloc models --delete digits/digits-20261206T095852Z-329e98\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--delete", nargs="+", metavar="VERSION",
                        help="delete these trained versions (as `petloc models` names them, digits/<id>, or "
                             "their id) and say the disk space freed; one a folder remembers or a running "
                             "window has loaded is kept (exit 1), with why")


def run(args: argparse.Namespace) -> int:
    """Delete the versions ``args.delete`` names: every name checked first (exit 2, nothing deleted, when one is
    unknown), then one line (or --json object) per version, deleted or kept."""
    from petloc_gui.model.versions import VersionStore

    if args.store:
        error("--store and --delete cannot be given together (see `petloc models --help`)")
        return EXIT_UNKNOWN
    names, as_json = args.delete, args.json
    store = VersionStore()
    folders: list[Path] = []
    for name in names:
        found = _version_folder(store, name)
        if found is None:
            return EXIT_UNKNOWN
        if found not in folders:  # named twice ("digits/x x"): deleted once
            folders.append(found)
    kept = False
    for folder in folders:
        kept = not _delete(store, folder, as_json) or kept
    return EXIT_KEPT if kept else 0


def _delete(store: Any, folder: Path, as_json: bool) -> bool:
    """Delete one version and say so; False when it is kept (in use, or it could not be deleted)."""
    from petloc_gui.app.version_children import children_of, children_said, store_name
    from petloc_gui.app.version_users import delete_version, in_use_said, size_text, way_out
    from petloc_gui.core.errors import SaveError
    from petloc_gui.model.versions import VersionError, VersionInUse

    name = store_name(folder)
    version = store.find_by_path(folder)  # its children looked for before: gone, its meta.json names no id
    children = children_of(store, version) if version is not None else []
    try:
        freed = delete_version(store, folder)
    except VersionInUse as used:
        why, out = in_use_said(used), way_out(used)
        if as_json:
            json_line({"name": name, "deleted": False, "in_use_by": list(used.users), "why": why, "way_out": out})
        error(f"kept {name}: {why}; {out}")
        return False
    except (OSError, SaveError, VersionError) as exc:
        if as_json:
            json_line({"name": name, "deleted": False, "in_use_by": [], "why": str(exc), "way_out": None})
        error(f"could not delete {name}: {exc}")
        return False
    note = children_said(children, name)
    if as_json:
        json_line({"name": name, "deleted": True, "bytes_freed": freed,
                   "fine_tuned_from_it": [store_name(child.path) for child in children],
                   **({"note": note} if note else {})})
    else:
        result_line(show(f"deleted {name} ({size_text(freed)} freed)"))
    if note:  # still deleted (the children's weights are whole), but their lineage loses it
        error(note)
    return True


def _version_folder(store: Any, name: str) -> Path | None:
    """The folder of the store's version ``name`` names ("digits/<id>" as `petloc models` lists it: that folder;
    "<id>": the one preset folder holding it), or None once the error says why: a bundled model, no such version
    (with those there are), an id in two preset folders (a copy filed in another preset's folder left behind)."""
    from petloc_gui.app.version_children import store_name
    from petloc_gui.model.versions import BUNDLED_NAMES

    if name in BUNDLED_NAMES:
        error(f"{name} is a bundled model: it ships with petloc and is never deleted; nothing was deleted")
        return None
    preset, _, version_id = name.rstrip("/").rpartition("/")
    try:
        versions = store.list()
    except OSError:
        versions = []
    if "/" not in preset and version_id and not version_id.startswith("."):
        found = _folders_holding(store, version_id, preset)
        if len(found) > 1:
            both = " and ".join(store_name(folder) for folder in found)
            error(f"{version_id} is in more than one preset folder ({both}): name the one to delete as "
                  "`petloc models` lists it; nothing was deleted")
            return None
        if found:
            return found[0]
    there = [store_name(v.path) for v in reversed(versions)]
    listed = (f"its versions, newest first: {', '.join(there[:KNOWN_SHOWN])}"
              f"{f' and {len(there) - KNOWN_SHOWN} more' if len(there) > KNOWN_SHOWN else ''}"
              if there else "it holds no version")
    error(f"no model version {name} in {store.root} ({listed}; `petloc models` lists them); nothing was deleted")
    return None


def _folders_holding(store: Any, version_id: str, preset: str) -> list[Path]:
    """The version folders ``version_id`` names in the preset folder ``preset`` (or in each, for ""), those the store
    reads as versions (`VersionStore.find_by_path`), listed usable or not: a version whose model.keras is damaged
    can be deleted too."""
    try:
        presets = [preset] if preset else sorted(child.name for child in store.root.iterdir()
                                                 if child.is_dir() and not child.name.startswith("."))
    except OSError:
        return []
    return [version.path for name in presets if not name.startswith(".")
            if (version := store.find_by_path(store.root / name / version_id)) is not None]
