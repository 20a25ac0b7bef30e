"""Whether two paths name one file or folder, by any name the disk gives it (no Qt, no TensorFlow).

`os.path.samefile` finds one file through a symbolic link, a hard link or a relative path, but not always under
another spelling: a FAT disk mounted by FUSE on Linux (fusefat, without use_ino) numbers each spelling of a name
as a file of its own (``photo.png`` inode 4, ``PHOTO.PNG`` inode 5), so the guards asking "is this the dataset's
own file?" let a plot over one of its images, a save past the check of what the file held, an export over the
image it was made from. Where samefile says two, `real_paths.same_real_folder` decides (the folders' listings:
`disk_same.same_folder`, which works for files too).
"""

from __future__ import annotations

import os

from petloc_gui.core.real_paths import same_real_folder


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether ``a`` and ``b`` name one existing file or folder: for `os.path.samefile` (links, hard links,
    relative paths), or under another spelling the disk holds as one (`real_paths.same_real_folder`); False
    where either is not there or cannot be looked at."""
    try:
        if os.path.samefile(a, b):
            return True
    except (OSError, ValueError):  # one is not there (ValueError: a NUL in a name)
        return False
    return same_real_folder(a, b)
