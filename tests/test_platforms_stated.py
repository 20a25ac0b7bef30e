"""Which systems and Pythons petloc is for is said where users and pip look: the README's Platforms
section and the classifiers. Neither said anything, though TensorFlow 2.21 has no wheel for Intel Macs,
Windows on ARM or Python 3.14."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_classifiers_name_the_systems_and_each_python_from_the_floor():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    classifiers = project["classifiers"]
    for system in ("POSIX :: Linux", "Microsoft :: Windows", "MacOS"):
        assert f"Operating System :: {system}" in classifiers
    assert "Environment :: X11 Applications :: Qt" in classifiers
    floor = int(re.fullmatch(r">=3\.(\d+)", project["requires-python"]).group(1))
    minors = sorted(int(c.rsplit(".", 1)[1]) for c in classifiers if re.fullmatch(r".*Python :: 3\.\d+", c))
    assert minors == list(range(floor, 14))  # 3.14: no TensorFlow wheel yet
    assert not [c for c in classifiers if c.startswith("License ::")]  # PEP 639: `license` says it


def test_the_readme_says_the_platforms_before_the_quick_start():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    platforms = readme.split("## Platforms", 1)[1].split("\n## ", 1)[0]
    assert readme.index("## Platforms") < readme.index("## Quick start")
    for said in ("tested on Linux", "Windows", "macOS", "Intel Macs", "Python 3.14", "GPU"):
        assert said in platforms, said
