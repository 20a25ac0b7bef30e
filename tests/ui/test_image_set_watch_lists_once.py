"""A look at a folder that cannot be listed lists it once: its listing says why (`FolderListing.error`)."""

from __future__ import annotations

import os
import time

from petloc_gui.core.dataset import open_dataset
from petloc_gui.ui.review.image_set_watch import Seen, look_again

from .conftest import write_image


def test_a_folder_refused_is_listed_once_per_look_and_said(tmp_path, monkeypatch):
    write_image(tmp_path / "a.png")
    seen = Seen(dict(open_dataset(tmp_path).folders))
    real, asked = os.scandir, []

    def refused(path="."):
        if os.fspath(path) == str(tmp_path):
            asked.append(path)
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", refused)
    time.sleep(0.01)
    (tmp_path / "x.txt").write_text("")  # the folder's time moves: it is listed again
    seen = look_again(tmp_path, seen)
    assert seen.unreadable == ((tmp_path, "Permission denied"),) and seen.images is None
    assert len(asked) == 1  # not listed a second time to learn why
    seen = look_again(tmp_path, seen)  # its old time kept: listed again at the next look, once
    assert seen.unreadable == ((tmp_path, "Permission denied"),) and len(asked) == 2
