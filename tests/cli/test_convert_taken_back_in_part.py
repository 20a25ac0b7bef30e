"""`petloc convert --to` failing part way into a new OUT said "removed what the conversion had written" even when
part of it could not be removed (the removal's errors were ignored), and the same command, run again, was then
refused OUT as not empty. It says what is left now (`unfinished.OutputBefore`, shared with the window)."""

from __future__ import annotations

import errno
import os
import shutil

from petloc_gui.core.interop import files as files_module
from tests.cli.helpers import run_cli


def test_a_new_out_that_cannot_all_be_removed_is_said_to_be_left(small_voc, tmp_path, monkeypatch, capsys):
    real, calls = files_module._copy_exclusive, []

    def copy(source, target):
        calls.append(target)
        if len(calls) > 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        real(source, target)

    monkeypatch.setattr(files_module, "_copy_exclusive", copy)
    monkeypatch.setattr(shutil, "rmtree", lambda *args, **kwargs: None)  # as a folder gone read-only
    out = tmp_path / "new" / "coco"
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "coco", out, "--images", "copy")
    assert code == 1, err
    assert "removed what the conversion had written" not in err
    assert f"{out}: what the conversion had written could not all be removed" in err
    assert out.is_dir()
