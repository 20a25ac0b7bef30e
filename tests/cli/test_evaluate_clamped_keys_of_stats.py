"""`petloc evaluate --json` names a box outside its image under the keys `petloc stats --json` gives the same
problem ({"kind": "box_outside_image", "file", "message"}), keeping "annotation" and "problem" for the
scripts written before. Before: the two commands gave one record two parsers."""

from __future__ import annotations

from tests.cli.helpers import RED, bundle_with_meta, last_json, run_cli, voc_xml, write_image

W, H = 64, 32


def test_a_clamped_box_is_one_record_in_stats_and_evaluate(tmp_path, tiny_bundle, capsys):
    model = bundle_with_meta(tiny_bundle, tmp_path, splits={"train": ["elsewhere.png"], "validation": [], "test": []})
    folder = tmp_path / "edge"
    folder.mkdir()
    for stem, box in (("inside", (16, 16, 48, 28)), ("far", (16, 16, 480, 280))):
        write_image(folder / f"{stem}.png", W, H, RED)
        (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", W, H, [("cat", box)]), encoding="utf-8")
    code, out, err = run_cli(capsys, "stats", folder, "--json")
    assert code == 0, err
    [problem] = [p for p in last_json(out)["problems"] if p["kind"] == "box_outside_image"]
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    [clamped] = last_json(out)["boxes_clamped"]
    assert {key: clamped[key] for key in ("kind", "file", "message")} == problem
    assert problem["file"] == str(folder / "far.xml")
    assert clamped["annotation"] == clamped["file"] and clamped["problem"] == clamped["message"]
