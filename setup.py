"""Packaging hook: the wheel carries the repository's top-level ``resources/``, ``docs/`` and README.md.

The folders stay at the top of the repository. A wheel installs the contents
of ``resources/`` (bundled models, ImageNet backbone weights) as the package
data folder ``petloc_gui/_resources``, where ``core.paths.resources_dir``
finds them, and the Markdown of ``docs/`` (the command reference the
``--help`` texts name, the architecture notes and decision records) as
``petloc_gui/_docs``, where ``cli.reference`` finds it, with README.md beside it
(the manual: the window, retraining, several machines, the models; only the
.dist-info's METADATA held it, so the messages that name a README section named a
file a wheel user did not have). Editable installs and checkouts read them in
place. Everything else is configured in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SKIPPED = shutil.ignore_patterns(".*", "__pycache__", "*.tmp", "*.old")


def _not_markdown(folder, names):
    """copytree's ignore for docs/: only the Markdown (the screenshots are for the repository's README)."""
    return set(SKIPPED(folder, names)) | {
        name for name in names if not name.endswith(".md") and not Path(folder, name).is_dir()}


# (repository folder, where the wheel installs it, what it leaves out)
PACKAGED = ((ROOT / "resources", ("petloc_gui", "_resources"), SKIPPED),
            (ROOT / "docs", ("petloc_gui", "_docs"), _not_markdown))
# (repository file, where the wheel installs it), copied after the folders (docs/ has no README.md)
PACKAGED_FILES = ((ROOT / "README.md", ("petloc_gui", "_docs", "README.md")),)


class BuildPyWithResources(build_py):
    def run(self):
        if getattr(self, "editable_mode", False):
            super().run()
            return
        # build/lib outlives a build (pip wheel builds in the tree) and build_py only adds to it: a
        # module deleted from the sources since an earlier build went into every later wheel.
        for package in sorted({name.split(".")[0] for name in self.packages or ()}):
            target = Path(self.build_lib, package)
            if target.is_dir():
                shutil.rmtree(target)
        super().run()
        for source, packaged, ignore in PACKAGED:
            if not source.is_dir():
                continue
            target = Path(self.build_lib, *packaged)
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target, ignore=ignore)
        for source, packaged in PACKAGED_FILES:
            if not source.is_file():
                continue
            target = Path(self.build_lib, *packaged)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


setup(cmdclass={"build_py": BuildPyWithResources})
