"""`petloc evaluate` scores a box marked <difficult>1</difficult> as ordinary ground truth (`collect_ground_truth`,
`core.scored_objects.usable_objects`, as training's validation and the comparison do), unlike Pascal VOC's own
evaluation, which leaves such boxes out. docs/cli.md's evaluate section said neither (audit H14): it says so
now, and this pins the behaviour it describes."""

from __future__ import annotations

from pathlib import Path

from tests.cli.helpers import RED, last_json, run_cli, voc_xml, write_image

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
W, H = 64, 32  # the tiny model: a red image is cat, its box [16, 16, 48, 28]


def _evaluate_section() -> str:
    text = DOCS.read_text(encoding="utf-8")
    start = text.index("## `petloc evaluate DATA")
    return text[start:text.index("\n## ", start + 1)]


def test_the_docs_say_a_difficult_box_is_ordinary_ground_truth():
    section = " ".join(_evaluate_section().split())
    assert ("A box marked `<difficult>1</difficult>` is ordinary ground truth here, as in training's validation "
            "figures and the retrain comparison") in section


def test_a_difficult_box_is_scored(tmp_path, tiny_bundle, capsys):
    folder = tmp_path / "difficult"
    folder.mkdir()
    write_image(folder / "a.png", W, H, RED)
    xml = voc_xml("a.png", W, H, [("dog", (16, 16, 48, 28))]).replace("<difficult>0", "<difficult>1")
    (folder / "a.xml").write_text(xml, encoding="utf-8")
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle, "--json")
    assert code == 0, err
    report = last_json(out)
    # scored, and wrong (the model says cat): VOC's evaluation would have left the image out
    assert (report["n_images"], report["accuracy"], report["per_class"]["dog"]["count"]) == (1, 0.0, 1)
