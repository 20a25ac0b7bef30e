"""A wheel install carries the bundled models, the ImageNet backbone weights and the command reference.

Builds the wheel from a copy of the sources, installs it without dependencies
into an empty folder, and runs `petloc` from somewhere with no ../shared and
no checkout: both bundled models are listed and one predicts an image.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
WEIGHTS_SHA256 = "dbdb03ee2a22fd895301636cd328b234bb3a9952358f436d82f46b81e0d5b0bf"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in ("petloc_gui", "resources", "docs", "LICENSES"):
        shutil.copytree(REPO / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "_resources", "_docs"))
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE", "NOTICE"):
        shutil.copy(REPO / name, src / name)
    wheels = tmp_path_factory.mktemp("wheels")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "--no-build-isolation",
                            "-w", str(wheels), "-q"], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr[-3000:]
    [wheel] = wheels.glob("petloc-*.whl")
    target = tmp_path_factory.mktemp("site")
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target),
                              str(wheel), "-q"], capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr[-3000:]
    return target


def _petloc(target: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PETLOC_")}
    env.update(PYTHONPATH=str(target), PETLOC_SHARED_DIR=str(cwd / "no-shared-here"),
               PETLOC_DATA_DIR=str(cwd / "user-data"), TF_CPP_MIN_LOG_LEVEL="2")
    return subprocess.run([sys.executable, "-m", "petloc_gui.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_the_wheel_ships_models_and_weights(installed, tmp_path):
    packaged = installed / "petloc_gui" / "_resources"
    assert (packaged / "models" / "pets" / "model.keras").is_file()
    assert (packaged / "models" / "digits" / "meta.json").is_file()
    from petloc_gui.model.bundle import file_sha256

    assert file_sha256(packaged / "weights" / "mobilenet_2_5_224_tf_no_top.h5") == WEIGHTS_SHA256

    listed = _petloc(installed, tmp_path, "models", "--json")
    assert listed.returncode == 0, listed.stderr[-3000:]
    rows = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
    bundled = {row.get("name"): row for row in rows if row.get("name") in ("pets", "digits")}
    assert set(bundled) == {"pets", "digits"}, listed.stdout
    assert "unavailable" not in listed.stdout + listed.stderr
    assert str(REPO) not in listed.stdout  # found inside the installed package, not the checkout

    from petloc_gui.core.digits import write_digits_dataset

    [image] = write_digits_dataset(tmp_path / "one", "test", count=1, seed=0)
    predicted = _petloc(installed, tmp_path, "predict", "--model", "digits", "--json", str(image))
    assert predicted.returncode == 0, predicted.stderr[-3000:]
    [row] = [json.loads(line) for line in predicted.stdout.splitlines() if line.strip()]
    assert row["label"] in [str(d) for d in range(10)] and len(row["box"]) == 4

    # a pets model trained from scratch on a user's machine starts from ImageNet
    code = "from petloc_gui.model.presets import default_backbone_weights as w; print(w())"
    env = dict(PYTHONPATH=str(installed), PETLOC_SHARED_DIR=str(tmp_path / "none"), PATH=os.environ.get("PATH", ""))
    found = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert found.stdout.strip() == str(packaged / "weights" / "mobilenet_2_5_224_tf_no_top.h5"), found.stderr


def test_the_wheel_carries_the_licence_texts(installed):
    """The MIT text, the Apache-2.0 text of the ImageNet weights beside it, and the NOTICE saying which
    file each covers: in .dist-info/licenses/ and named in METADATA (PEP 639)."""
    [dist_info] = installed.glob("petloc-*.dist-info")
    licenses = dist_info / "licenses"
    for name in ("LICENSE", "NOTICE", "LICENSES/Apache-2.0.txt"):
        assert (licenses / name).read_bytes() == (REPO / name).read_bytes(), name
    metadata = (dist_info / "METADATA").read_text()
    assert "License-Expression: MIT AND Apache-2.0" in metadata
    assert {"License-File: LICENSE", "License-File: NOTICE", "License-File: LICENSES/Apache-2.0.txt"} <= set(
        metadata.splitlines())


def test_the_wheel_ships_the_icon_and_the_desktop_entry(installed):
    packaged = installed / "petloc_gui" / "_resources"
    for name in ("icons/petloc.svg", "icons/petloc-256.png", "petloc-gui.desktop"):
        assert (packaged / name).read_bytes() == (REPO / "resources" / name).read_bytes(), name


@pytest.mark.parametrize("command", ["stats", "evaluate", "export", "convert"])
def test_the_help_names_the_command_reference_the_wheel_installed(installed, tmp_path, command):
    """These commands' --help sends the reader to docs/cli.md for JSON keys and signatures: a wheel
    user has no checkout, so the help names the copy inside the installed package."""
    reference = installed / "petloc_gui" / "_docs" / "cli.md"
    assert reference.read_text() == (REPO / "docs" / "cli.md").read_text()
    helped = _petloc(installed, tmp_path, command, "--help")
    assert helped.returncode == 0, helped.stderr[-3000:]
    assert f"command reference, {reference.resolve()}" in " ".join(helped.stdout.split())


def test_the_wheel_ships_the_readme_the_messages_name(installed, tmp_path):
    """README.md was only the .dist-info's METADATA: the TF_CONFIG errors and Help → About sent a wheel
    user to README sections of a file they did not have. It is petloc_gui/_docs/README.md now, and
    cli.reference.README (which the messages name) is that file, not a checkout's."""
    readme = installed / "petloc_gui" / "_docs" / "README.md"
    assert readme.read_text() == (REPO / "README.md").read_text()
    env = dict(PYTHONPATH=str(installed), PATH=os.environ.get("PATH", ""))
    code = "from petloc_gui.cli.reference import README; print(README)"
    found = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert found.stdout.strip() == str(readme.resolve()), found.stderr
    code = "from petloc_gui.cli.tf_config import read_tf_config; read_tf_config(8)"
    told = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert f'README "When one machine is not enough", {readme.resolve()}' in told.stderr


def test_the_wheel_ships_the_docs_markdown_only(installed):
    docs = installed / "petloc_gui" / "_docs"
    assert (docs / "adr" / "0001-three-layers.md").is_file()
    assert not [path for path in docs.rglob("*") if path.is_file() and path.suffix != ".md"]
