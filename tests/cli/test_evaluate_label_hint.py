"""`petloc evaluate` of a model trained with another `--label` than the one used says which to pass,
instead of only counting every label unknown."""

from __future__ import annotations

import pytest

from petloc_gui.model.bundle import trained_label
from tests.cli.helpers import (
    RED,
    assert_clean_errors,
    bundle_with_meta,
    last_json,
    oxford_layout,
    run_cli,
    voc_xml,
    write_image,
)

W, H = 64, 32
PASS_BREED = "the model was trained with --label breed"
LEAVE_OUT = "the model was trained on the VOC object names, not with --label breed: leave out --label breed"


@pytest.fixture
def oxford(tmp_path):
    """Oxford layout: the breed comes from the file name (cat_1 -> "cat"); every VOC name is "animal"."""
    return oxford_layout(tmp_path / "oxford", ("cat_1", "cat_2"), W, H)


def test_a_breed_model_evaluated_on_the_voc_names_says_pass_label_breed(oxford, tiny_bundle, tmp_path, capsys):
    bundle = bundle_with_meta(tiny_bundle, tmp_path, label_source="breed (dataset list.txt)")
    code, out, err = run_cli(capsys, "evaluate", oxford, "--model", bundle, "--json")
    assert code == 0, err
    assert last_json(out)["unknown_labels"] == {"animal": 2}
    line = next(line for line in assert_clean_errors(err) if "labels the model does not know" in line)
    assert line.endswith("pass --label breed"), line
    code, out, err = run_cli(capsys, "evaluate", oxford, "--model", bundle, "--json", "--label", "breed")
    assert code == 0 and last_json(out)["accuracy"] == 1.0
    assert PASS_BREED not in err


def test_no_hint_when_the_model_records_no_label_kind_or_the_other_kind_would_not_help(
        oxford, tiny_bundle, tmp_path, capsys):
    code, _, err = run_cli(capsys, "evaluate", oxford, "--model", tiny_bundle, "--json")  # its meta says nothing
    assert code == 0 and "labels the model does not know" in err and PASS_BREED not in err
    # trained on breeds, but not these: passing --label breed would not make them known
    bundle = bundle_with_meta(tiny_bundle, tmp_path, label_source="breed (dataset list.txt)",
                              class_names=["bird", "dog"])
    code, _, err = run_cli(capsys, "evaluate", oxford, "--model", bundle, "--json")
    assert code == 0 and "labels the model does not know" in err and PASS_BREED not in err


def test_a_model_of_voc_names_evaluated_with_label_breed_says_leave_it_out(tmp_path, tiny_bundle, capsys):
    folder = tmp_path / "sidecar"  # no breed list: --label breed finds no ground truth
    folder.mkdir()
    write_image(folder / "a.png", W, H, RED)
    (folder / "a.xml").write_text(voc_xml("a.png", W, H, [("cat", (16, 16, 48, 28))]), encoding="utf-8")
    bundle = bundle_with_meta(tiny_bundle, tmp_path, config={"label": "default"})
    code, _, err = run_cli(capsys, "evaluate", folder, "--model", bundle, "--label", "breed")
    assert code == 1
    assert any(line.endswith(LEAVE_OUT) for line in assert_clean_errors(err)), err


@pytest.mark.parametrize(("meta", "label"), [
    ({"config": {"label": "breed"}}, "breed"),
    ({"label_source": "breed (dataset list.txt)"}, "breed"),
    ({"label_source": "VOC object name"}, "default"),
    ({"config": {"label": "default"}, "label_source": "breed (dataset list.txt)"}, "default"),
    ({}, None),
])
def test_the_label_kind_a_model_records(meta, label):
    assert trained_label(meta) == label
