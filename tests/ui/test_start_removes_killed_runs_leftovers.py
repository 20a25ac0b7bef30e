"""The next start removes what a window killed during a run left in the model store, not a day later.

kill -9 of the window while it trained left ``.staging-<id>`` (its child dies with it), and a kill while the
bundle was written ``..staging-<id>.<writer>.<8>.tmp`` too (a partial model.keras): the start's sweep removed only
folders a day old, so they stayed, on the disk that was often nearly full. The bundle's temporary names its writer
already; the staging folder now names the window that made it (`core.abandoned_folders.writer_tag`), and the start
removes both once their process has ended. Those of a live process, and unnamed ones of earlier versions, wait for
the day-old sweep.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from petloc_gui.model.versions import VersionStore
from petloc_gui.ui.app import sweep_model_store
from tests.model.bundle_killed_saves import killed_while_writing

pytestmark = pytest.mark.slow  # starts a child process

ROOT = Path(__file__).resolve().parents[2]

# A window's run as it is when the window is killed: its staging folder made, its bundle half written.
KILLED_WINDOW = """
import os, signal, sys
from petloc_gui.model.bundle_write import save_bundle
from petloc_gui.model.versions import VersionStore
from tests.model.bundle_killed_saves import HalfSavedModel

staging = VersionStore().new_staging_dir("digits")
print(staging, flush=True)
if sys.argv[1] == "writing":
    try:
        save_bundle(HalfSavedModel(), {"preset": "digits"}, staging)
    except BaseException:
        pass
os.kill(os.getpid(), signal.SIGKILL)
"""


def _killed_window(phase: str) -> Path:
    """The staging folder of a window killed while it trained (``phase`` "training") or wrote its bundle
    ("writing"), made by a process of its own, now ended."""
    ended = subprocess.run([sys.executable, "-c", KILLED_WINDOW, phase], cwd=ROOT, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}, timeout=120)
    assert ended.returncode == -9, ended.stderr
    return Path(ended.stdout.strip())


def _left(preset_folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(preset_folder) if name.startswith("."))


def test_the_start_removes_a_killed_windows_staging_and_half_written_bundle(tmp_path):
    # this process's own run (a live window; first: a bundle's write removes the ended writers' temporaries beside
    # it), and one of an earlier petloc (no writer in its name), both young
    live = VersionStore().new_staging_dir("digits")
    killed_while_writing(live)
    training = _killed_window("training")
    writing = _killed_window("writing")
    folder = training.parent
    partial = list(folder.glob(f".{writing.name}.*.tmp"))
    assert len(partial) == 1 and (partial[0] / "model.keras").is_file()
    earlier = folder / ".staging-0123456789ab"
    earlier.mkdir()
    kept = [name for name in _left(folder) if name not in (training.name, writing.name, partial[0].name)]

    removed = sweep_model_store()

    assert sorted(removed) == sorted([training, writing, partial[0]])
    assert _left(folder) == kept and live.name in kept and earlier.name in kept and len(kept) == 3


def test_a_staging_folder_holding_someone_elses_file_is_kept(tmp_path):
    training = _killed_window("training")
    (training / "notes.txt").write_text("mine")
    assert sweep_model_store() == [] and training.is_dir()
