"""`petloc digits` fsynced every PNG and XML and their folder (802 fsyncs for --count 200; the README's
--count 2000 took 47 s for 5 s of work). The canvases are re-made from the seed by the same command (ADR 0012):
only the record of which MNIST digit each canvas holds is synced now."""

from __future__ import annotations

import os

from petloc_gui.core.digits_record import RECORD_NAME
from tests.cli.helpers import run_cli

COUNT = 12


def test_only_the_record_is_synced(tmp_path, capsys, fsyncs_seen):
    synced = fsyncs_seen
    out_dir = tmp_path / "digits"
    code, _, _ = run_cli(capsys, "digits", out_dir, "--split", "test", "--count", str(COUNT))
    assert code == 0
    assert len(list(out_dir.glob("*.png"))) == len(list(out_dir.glob("*.xml"))) == COUNT
    files = [path for kind, path in synced if kind == "file"]
    assert files and all(f".{RECORD_NAME}." in os.path.basename(path) for path in files), files
    assert len(synced) <= 4  # the record's file and folder; it was 2 per PNG and XML: 50 here
