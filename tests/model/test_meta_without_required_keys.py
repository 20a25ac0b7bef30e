"""A meta.json that parses but lacks what every load needs (format_version, class_names, input_size) makes its
version unavailable when the store is listed, with why, as a meta.json that is no JSON does.

Listing checked only that meta.json was an object: `echo '{}' > meta.json` was listed usable (figures from
version.json), chosen in Model → Versions, and every load then failed with "unsupported bundle format version
None (this petloc reads up to 1)", sending the user to a newer petloc for a damaged file.
"""

from __future__ import annotations

import json

import pytest

from petloc_gui.model.bundle import BundleError, load_bundle
from petloc_gui.model.bundle_check import model_file_problem
from petloc_gui.model.versions import VERSION_FILE, VersionStore
from tests.model_files import fake_bundle

GOOD = {"format_version": 1, "preset": "digits", "class_names": ["0", "1"], "input_size": [32, 32]}


def _damaged(root, meta):
    """A digits version with a loadable-looking model.keras and version.json, its meta.json ``meta``."""
    folder = fake_bundle(root / "digits" / "damaged", ["0", "1"], preset="digits")
    (folder / VERSION_FILE).write_text(json.dumps({"created": "2026-12-06T07:09:51+00:00",
                                                   "metrics": {"n_images": 20, "accuracy": 0.95}}))
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


CASES = {
    "empty object": ({}, "meta.json has no format_version (damaged?)"),
    "only the preset": ({"preset": "digits"}, "meta.json has no format_version (damaged?)"),
    "no format_version": ({k: v for k, v in GOOD.items() if k != "format_version"},
                          "meta.json has no format_version (damaged?)"),
    "format_version null": ({**GOOD, "format_version": None}, "meta.json has no format_version (damaged?)"),
    "format_version text": ({**GOOD, "format_version": "1"}, "meta.json's format_version '1' is not a whole number"),
    "no class_names": ({k: v for k, v in GOOD.items() if k != "class_names"}, "meta.json has no class_names"),
    "no input_size": ({k: v for k, v in GOOD.items() if k != "input_size"}, "meta.json has no input_size"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_version_whose_meta_lacks_a_required_key_is_left_out_with_why(tmp_path, case):
    meta, why = CASES[case]
    good = fake_bundle(tmp_path / "digits" / "good", ["0", "1"], preset="digits")
    damaged = _damaged(tmp_path, meta)

    versions, left_out = VersionStore(tmp_path).scan()

    assert [v.path for v in versions] == [good]
    assert [(folder, reason.split(" (damaged?)")[0]) for folder, reason in left_out] == [
        (damaged, why.split(" (damaged?)")[0])]
    assert model_file_problem(damaged) == left_out[0][1] and model_file_problem(good) is None


def test_a_missing_format_version_is_not_said_to_be_a_newer_ones():
    from petloc_gui.model.meta_required import FORMAT_VERSION, meta_problem

    missing = meta_problem({k: v for k, v in GOOD.items() if k != "format_version"})
    newer = meta_problem({**GOOD, "format_version": FORMAT_VERSION + 1})

    assert missing == "meta.json has no format_version (damaged?)"
    assert newer is not None and "newer petloc" in newer and "damaged" not in newer
    assert meta_problem(GOOD) is None


def test_the_loader_says_what_listing_says(tmp_path):
    damaged = _damaged(tmp_path, {"preset": "digits"})

    with pytest.raises(BundleError, match=r"meta\.json has no format_version \(damaged\?\)"):
        load_bundle(damaged)


def test_petloc_models_lists_it_unavailable_with_why(capsys, _isolated_user_data):
    from tests.cli.helpers import json_lines, run_cli

    damaged = _damaged(_isolated_user_data / "models", {})

    code, out, _ = run_cli(capsys, "models", "--json")

    (row,) = [row for row in json_lines(out) if row["name"] == "digits/damaged"]
    assert code == 0 and row["path"] is None
    assert row["error"] == f"{damaged}: meta.json has no format_version (damaged?)"
