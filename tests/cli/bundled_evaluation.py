"""The bundled models measured as the docs say to re-measure them: `petloc digits` and `petloc evaluate --json`,
run in-process, once per test session."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import re
import shutil
import tempfile
from pathlib import Path
from unittest import mock

from petloc_gui.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
# README "Models": the command the bundled digits figures are re-measured with
DIGITS_COMMAND = re.compile(r"petloc digits /tmp/digits-test --split (\w+) --seed (\d+) && "
                            r"petloc evaluate /tmp/digits-test --model digits --json")


def documented_digits_command(text: str) -> tuple[str, int]:
    """(split, seed) of the digits re-measure command in ``text`` (a README)."""
    found = DIGITS_COMMAND.search(text)
    assert found, "the README no longer gives the command that re-measures the bundled digits model"
    return found.group(1), int(found.group(2))


def petloc_json(*argv: str) -> dict:
    """`petloc ARGV --json`'s last stdout line, run in-process; fails on a non-zero exit."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([*argv, "--json"])
    assert code == 0, f"petloc {' '.join(argv)} exited {code}"
    return json.loads(out.getvalue().strip().splitlines()[-1])


@functools.cache
def digits_report(split: str, seed: int) -> dict:
    """`petloc evaluate --model digits --json` on a folder made by `petloc digits --split SPLIT --seed SEED`."""
    with tempfile.TemporaryDirectory(prefix="petloc-digits-test-") as tmp:
        folder = Path(tmp) / "digits-test"
        # fsync makes a write survive a crash and changes no byte written; on this project's disk the
        # 2,000 files' 4,000 fsyncs were 12 of the command's 18 s
        with contextlib.redirect_stdout(io.StringIO()), mock.patch("os.fsync"):
            assert main(["digits", str(folder), "--split", split, "--seed", str(seed)]) == 0
        return petloc_json("evaluate", str(folder), "--model", "digits")


@functools.cache
def pets_test_report(oxford: Path, test_photos: tuple[str, ...]) -> dict:
    """`petloc evaluate --model pets --json` on the bundle's test photos (meta.json ``test_split``) copied with
    their VOC files into one folder, as README "Models" says."""
    with tempfile.TemporaryDirectory(prefix="petloc-pets-test-") as tmp:
        folder = Path(tmp) / "pets-test"
        folder.mkdir()
        for relpath in test_photos:
            photo = oxford / relpath
            shutil.copy2(photo, folder / photo.name)
            shutil.copy2(oxford / "annotations" / "xmls" / f"{photo.stem}.xml", folder / f"{photo.stem}.xml")
        return petloc_json("evaluate", str(folder), "--model", "pets")
