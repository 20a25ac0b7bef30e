"""docs/architecture.md's signatures of the public API are the code's (read_voc had lost
image_path= and find_image=), and what it and the README say predict_images takes is what it takes."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARCHITECTURE = " ".join((ROOT / "docs" / "architecture.md").read_text(encoding="utf-8").split())
README = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())


def _documented_parameters(name: str) -> list[str]:
    match = re.search(rf"`{name}\(([^`]*)\)`", ARCHITECTURE)
    assert match, f"docs/architecture.md gives no signature of {name}"
    return [part.split("=")[0].strip() for part in match.group(1).split(",") if part.strip() not in ("*", "")]


@pytest.mark.parametrize("name", ["read_voc", "write_voc"])
def test_the_documented_voc_signatures_are_the_code_s(name):
    from petloc_gui.core import voc

    assert _documented_parameters(name) == list(inspect.signature(getattr(voc, name)).parameters)


def test_predict_images_is_documented_as_taking_what_array_to_rgb_takes():
    import numpy as np

    from petloc_gui.core.images import array_to_rgb

    float_gray = np.full((4, 6), 0.5, dtype=np.float32)  # not an H x W x 3 uint8 RGB array, yet taken
    assert array_to_rgb(float_gray).shape == (4, 6, 3)
    assert "(any array `core.images.array_to_rgb` takes, not only H x W x 3 uint8 RGB" in ARCHITECTURE
    assert "`array_to_rgb(array)`" in ARCHITECTURE
    assert "`predict_images` takes H x W x 3 uint8 RGB arrays and also what a file could hold" in README


def test_the_digits_record_module_and_the_file_it_writes_are_named():
    # `petloc digits` records which MNIST digit each canvas holds; the retrain comparison hedges by it
    from petloc_gui.core.digits_record import LEARNED_KEY, RECORD_NAME

    entry = ARCHITECTURE.split("- `core.digits_record`:", 1)
    assert len(entry) == 2, "docs/architecture.md does not list core.digits_record among the core modules"
    described = entry[1].split(" - `", 1)[0]
    assert f"`{RECORD_NAME}`" in described and f"`training_data.{LEARNED_KEY}`" in described
    assert ARCHITECTURE.index("- `core.digits_record`:") < ARCHITECTURE.index("### model")
