"""Packaging hook: the wheel carries the repository's top-level ``resources/``.

The folder stays at the top of the repository (bundled models, ImageNet
backbone weights); a wheel installs its contents as the package data folder
``petloc_gui/_resources``, where ``core.paths.resources_dir`` finds them.
Editable installs and checkouts read ``resources/`` in place. Everything
else is configured in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCES = Path(__file__).resolve().parent / "resources"
PACKAGED = ("petloc_gui", "_resources")
SKIPPED = shutil.ignore_patterns(".*", "__pycache__", "*.tmp", "*.old")


class BuildPyWithResources(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False) or not RESOURCES.is_dir():
            return
        target = Path(self.build_lib, *PACKAGED)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(RESOURCES, target, ignore=SKIPPED)


setup(cmdclass={"build_py": BuildPyWithResources})
