"""Walk a folder tree as the sidecar search does (`core.sidecar_index`), for the layouts that keep images
and annotations in separate folders: a CVAT or datumaro export of a task whose images were uploaded in
folders writes ``JPEGImages/day/x.jpg`` and ``Annotations/day/x.xml``, and reading only the top level of
each left those images out of every figure without a word.

The rules are the sidecar search's: hidden names (``.git``, ``._x.jpg``) are skipped, a symbolic link to
a folder is named and not followed (one pointing at "/" would crawl the disk), an entry that cannot be
told a file or a folder (a link loop) is named and left out, each real folder is listed once (a bind
mount or junction pointing up the tree cannot loop), and a subfolder that cannot be listed is named.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

from petloc_gui.core.errors import DatasetError
from petloc_gui.core.folder_listing import entry_kind, folder_time
from petloc_gui.core.index_problem import IndexProblem


@dataclass(frozen=True)
class WalkedFolder:
    """One folder of the tree: its path, its path within the tree ("" or ``"day/"``), its modification
    time taken before the listing (`folder_listing.folder_time`), and the names of its files and of its
    folders (those not followed among them), hidden names left out."""

    path: str
    relative: str
    mtime_ns: int | None
    files: list[str]
    folders: list[str]


def walk_folders(top: str, problems: list[str], *, top_said: bool = False) -> Iterator[WalkedFolder]:
    """Each folder under ``top`` (``top`` first), in no set order; nothing when ``top`` is missing or
    not a folder. A ``top`` that cannot be listed raises `DatasetError`; a subfolder that cannot be, an
    entry that cannot be told a file or a folder and a link to a folder are named in ``problems``.
    ``top_said``: a ``top`` that cannot be listed, missing or not, is named in ``problems`` as a subfolder
    is (the sidecar search: its top is the dataset folder, whose index then says why it holds nothing)."""
    pending = [(top, "")]
    # Real folders already listed (folder_key): bind mounts and Windows junctions
    # are not symbolic links, and one pointing up the tree must not loop.
    visited = {folder_key(top)}
    while pending:
        folder, relative = pending.pop()
        mtime = folder_time(folder)  # before the listing: a change while it reads moves the time
        try:
            with os.scandir(folder) as iterator:
                entries = list(iterator)
        except (FileNotFoundError, NotADirectoryError) as exc:
            if relative or top_said:  # gone between its parent's listing and its own
                problems.append(IndexProblem(folder, f"cannot list folder: {exc.strerror or exc}", folder=True))
            continue
        except OSError as exc:
            if not relative and not top_said:
                raise DatasetError(f"cannot list folder: {exc.strerror or exc}", folder) from exc
            problems.append(IndexProblem(folder, f"cannot list folder: {exc.strerror or exc}", folder=True))
            continue
        files, folders, said = [], [], []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue  # hidden files, .git, .venv, our own temporary files
            kind = entry_kind(entry)
            if isinstance(kind, str):  # a link in a loop: neither a file nor a folder (said, not listed)
                said.append(IndexProblem(entry.path, kind, folder=True))
            elif not kind:
                files.append(name)
            else:
                folders.append(name)
                if entry.is_symlink():
                    # Not followed: a link in a downloaded dataset could point at
                    # "/" and make indexing crawl the whole disk. Said, not silent.
                    said.append(IndexProblem(entry.path, "symbolic link to a folder not followed; "
                                             "open the folder it points to directly", folder=True))
                    continue
                key = folder_key(entry.path)
                if key is not None and key not in visited:
                    visited.add(key)
                    pending.append((entry.path, f"{relative}{name}/"))
        problems.extend(sorted(said))  # in name order, whatever order the file system lists them in
        yield WalkedFolder(folder, relative, mtime, files, folders)


def folder_key(path: str | os.PathLike[str]) -> tuple[object, object] | None:
    """Which real folder ``path`` is: (device, inode), or its resolved path where the inode is 0, which
    on Windows means unknown (some network drives): as a key, 0 made every subfolder look visited."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if info.st_ino == 0:
        return ("path", os.path.normcase(os.path.realpath(path)))
    return (info.st_dev, info.st_ino)
