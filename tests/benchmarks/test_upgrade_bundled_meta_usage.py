"""`python benchmarks/upgrade_bundled_meta.py --help` prints its usage. It took ``--help`` for a bundle name
and crashed on resources/models/--help/meta.json (FileNotFoundError); an unknown name did the same."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.benchmark_modules import load_benchmark

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "upgrade_bundled_meta.py"


def test_help_prints_the_usage_and_exits_0():
    done = subprocess.run([sys.executable, str(SCRIPT), "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: upgrade_bundled_meta.py")
    for command in ("pets", "digits", "rescore-validation"):
        assert command in done.stdout
    assert "Traceback" not in done.stderr


def test_an_unknown_bundle_name_is_a_usage_error(capsys):
    upgrade = load_benchmark("upgrade_bundled_meta")
    with pytest.raises(SystemExit) as exit_:
        upgrade.main(["cats"])
    assert exit_.value.code == 2
    assert "invalid choice: 'cats'" in capsys.readouterr().err


def test_a_bundle_folder_without_meta_json_is_said(tmp_path):
    upgrade = load_benchmark("upgrade_bundled_meta")
    with pytest.raises(SystemExit, match=f"{tmp_path}: no meta.json there; nothing converted"):
        upgrade.main(["pets", str(tmp_path)])
