"""Two processes remembering folders at the same moment lose none of each other's entries.

remember() read, changed and wrote the file with no lock: two windows, or a window and the CLI, each
read the old file and the later write dropped the other's entry.
"""

import json
import multiprocessing
from pathlib import Path

from petloc_gui.app.folder_memory import FolderMemory

PER_WRITER = 50


def _remember_many(path: str, writer: str, start) -> None:
    start.wait()
    memory = FolderMemory(Path(path))
    for n in range(PER_WRITER):
        memory.remember(f"/data/{writer}/{n}", f"{writer}-model-{n}")


def test_two_writers_at_once_keep_all_their_entries(tmp_path):
    path = tmp_path / "folder_models.json"
    context = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
    start = context.Event()
    writers = [context.Process(target=_remember_many, args=(str(path), name, start)) for name in ("a", "b")]
    for writer in writers:
        writer.start()
    start.set()
    for writer in writers:
        writer.join(120)
        assert writer.exitcode == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(data) == 2 * PER_WRITER
    assert data["/data/b/49"] == "b-model-49"
