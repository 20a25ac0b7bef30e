"""`petloc models --delete VERSION ...`: delete trained versions of the model store, as the window's Delete does.

A user retraining daily piled up versions (3.6 MB each for digits, more for pets) and `petloc models` could
only list them: deleting a folder by hand skipped every check Discard makes, and took the model a folder
remembers (the window then fell back to another) or the one a running window predicts with. Each version goes
through `app.version_users.delete_version`: one in use is kept, with who uses it and what to do. Every name is
checked before any is deleted: a mistyped one in a list deletes nothing. A bundled model is never deleted.
"""

from __future__ import annotations

import argparse
from typing import Any

from petloc_gui.cli.output import error, json_line, result_line, show

EXIT_KEPT = 1  # a version in use was kept (the others named were deleted)
EXIT_UNKNOWN = 2  # a name is no version of the store: nothing deleted
BUNDLED = ("pets", "digits")
KNOWN_SHOWN = 10  # versions named after an unknown one; `petloc models` lists them all
# `petloc models --help`'s words on it (cmd_models.EPILOG), and its example
EPILOG = """\
`--delete VERSION ...` deletes trained versions (digits/<id> as listed, or the id), a line each with the disk space
freed (--json: {"name", "deleted", "bytes_freed"}); one a folder remembers as its model (picked for it in the
window) or a running petloc window has loaded is kept, with why and what to do, and the exit status is 1; a name
that is no version of the store (a bundled model, a typo) deletes nothing: exit 2.
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
    ids: list[str] = []
    for name in names:
        found = _version_id(store, name)
        if found is None:
            return EXIT_UNKNOWN
        if found not in ids:  # named twice ("digits/x x"): deleted once
            ids.append(found)
    kept = False
    for version_id in ids:
        kept = not _delete(store, version_id, as_json) or kept
    return EXIT_KEPT if kept else 0


def _delete(store: Any, version_id: str, as_json: bool) -> bool:
    """Delete one version and say so; False when it is kept (in use, or it could not be deleted)."""
    from petloc_gui.app.version_users import delete_version, in_use_said, size_text, way_out
    from petloc_gui.core.errors import SaveError
    from petloc_gui.model.versions import VersionError, VersionInUse

    version = store.get(version_id)
    name = f"{version.path.parent.name}/{version.id}"
    try:
        freed = delete_version(store, version_id)
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
    if as_json:
        json_line({"name": name, "deleted": True, "bytes_freed": freed})
    else:
        result_line(show(f"deleted {name} ({size_text(freed)} freed)"))
    return True


def _version_id(store: Any, name: str) -> str | None:
    """The id of the store's version ``name`` names ("digits/<id>" as `petloc models` lists it, or "<id>"), or None
    once the error says why: a bundled model, no such version (with those there are)."""
    from petloc_gui.model.versions import VersionError

    if name in BUNDLED:
        error(f"{name} is a bundled model: it ships with petloc and is never deleted; nothing was deleted")
        return None
    preset, _, version_id = name.rpartition("/")
    try:
        version = store.get(version_id)
    except VersionError:
        version = None
    if version is not None and (not preset or preset == version.path.parent.name):
        return version.id
    try:
        there = [f"{v.path.parent.name}/{v.id}" for v in reversed(store.list())]
    except OSError:
        there = []
    listed = (f"its versions, newest first: {', '.join(there[:KNOWN_SHOWN])}"
              f"{f' and {len(there) - KNOWN_SHOWN} more' if len(there) > KNOWN_SHOWN else ''}"
              if there else "it holds no version")
    error(f"no model version {name} in {store.root} ({listed}; `petloc models` lists them); nothing was deleted")
    return None
