"""The docs' commands that copy a bundle into the model store land it as a version there.

Each backticked command of README.md and docs/ that uses `$(petloc models --store)`
runs in bash, with `petloc` this checkout's CLI, on a fresh user data folder
and on one whose models/ exists without the preset's folder: in both the
bundle must end up at <store>/<preset>/<bundle folder>/, as a version.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def store_commands() -> list[tuple[str, str]]:
    found = []
    for doc in DOCS:
        for command in re.findall(r"`([^`\n]*\$\(petloc models --store\)[^`\n]*)`", doc.read_text()):
            if "BUNDLE" in command:
                found.append((doc.name, command))
    return found


def test_the_readme_says_how_to_copy_a_bundle_into_the_store():
    assert any(doc == "README.md" for doc, _ in store_commands())


@pytest.mark.parametrize("models_folder_exists", [False, True], ids=["fresh data folder", "models/ only"])
@pytest.mark.parametrize(("doc", "command"), store_commands())
def test_the_copy_command_makes_a_version_in_the_store(tmp_path, doc, command, models_folder_exists):
    data = tmp_path / "data"
    if models_folder_exists:
        (data / "models").mkdir(parents=True)
    bundle = tmp_path / "BUNDLE"
    bundle.mkdir()
    (bundle / "meta.json").write_text("{}")
    preset = re.search(r"--store\)/(\w+)", command).group(1)
    petloc = f"{shlex.quote(sys.executable)} -m petloc_gui.cli"
    env = dict(os.environ, PETLOC_DATA_DIR=str(data), PYTHONPATH=str(ROOT))
    ran = subprocess.run(["bash", "-c", f'petloc() {{ {petloc} "$@"; }}\n{command}'], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, f"{doc}: {command}\n{ran.stderr}"
    assert (data / "models" / preset / "BUNDLE" / "meta.json").is_file(), f"{doc}: {command}"
