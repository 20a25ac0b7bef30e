"""`petloc train --help` and the README say what the photo preset is: not "the pets recipe".

presets.PHOTO is PETS's training values with the edge box head (pets has the
centre head), and the bundled pets model adds self-training and a second stage;
docs/cli.md said so, the --preset help and the README did not.
"""

from __future__ import annotations

from pathlib import Path

from petloc_gui.model.presets import PETS, PHOTO
from tests.cli.helpers import run_cli

ROOT = Path(__file__).resolve().parents[2]
HEAD_WORDS = {"edges": "edge box head", "centre": "centre head"}


def _help(capsys) -> str:
    code, out, _ = run_cli(capsys, "train", "--help")
    assert code == 0
    return " ".join(out.split())


def test_the_preset_help_names_each_recipe_s_box_head(capsys):
    options = _help(capsys).split("options:", 1)[1]
    preset_help = options.split("--preset {pets,digits,photo}", 1)[1].split("--out DIR", 1)[0]
    photo, pets = preset_help.split("photo:", 1)[1].split("pets:", 1)
    assert "the pets recipe" not in preset_help
    assert HEAD_WORDS[PHOTO.box_head] in photo and "the pets preset's values" in photo
    assert HEAD_WORDS[PETS.box_head] in pets and "first-stage" not in pets
    assert "each one stage" in preset_help


def test_the_photo_preset_is_said_to_zoom_out_as_it_does(capsys):
    """PHOTO = replace(PETS, box_head="edges") keeps PETS's zoom-out: the help, docs/cli.md and the README
    implied it had none (zoom-out was named for pets alone)."""
    assert PHOTO.zoom_out == PETS.zoom_out > 0
    options = _help(capsys).split("options:", 1)[1]
    preset_help = options.split("--preset {pets,digits,photo}", 1)[1].split("--out DIR", 1)[0]
    photo = preset_help.split("photo:", 1)[1].split("pets:", 1)[0]
    assert f"zoom-out {PHOTO.zoom_out:g}" in photo
    cli_md = " ".join((ROOT / "docs" / "cli.md").read_text(encoding="utf-8").split())
    assert (f"`photo` for your own classes on photos, the `pets` preset's values (MobileNet from the shipped "
            f"ImageNet weights, zoom-out {PHOTO.zoom_out:g}") in cli_md


def test_the_readme_does_not_call_the_bundled_pets_model_a_product_of_the_photo_recipe():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "is one product of the same recipe" not in readme
    assert "the `pets` preset's training values, zoom-out included, with the edge box head, one stage" in readme
    assert "adds self-training and a crop-and-refine second stage" in readme
