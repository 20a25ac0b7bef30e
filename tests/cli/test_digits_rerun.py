"""`petloc digits` says what it wrote and what was already there: a re-run that wrote nothing said
"wrote 20 ... images"."""

from __future__ import annotations

from tests.cli.helpers import run_cli

ARGS = ("--split", "test", "--count", "12", "--seed", "3")


def test_a_re_run_says_it_wrote_nothing_and_what_was_already_there(tmp_path, capsys):
    out_dir = tmp_path / "digits"
    code, out, _ = run_cli(capsys, "digits", out_dir, *ARGS)
    assert code == 0 and out == f"wrote 12 test digit images with VOC annotations to {out_dir}\n"
    code, out, _ = run_cli(capsys, "digits", out_dir, *ARGS)
    assert code == 0
    assert out == f"wrote 0 test digit images with VOC annotations to {out_dir} (12 already there, left as they were)\n"


def test_a_refill_counts_the_images_whose_png_or_xml_it_wrote(tmp_path, capsys):
    out_dir = tmp_path / "digits"
    run_cli(capsys, "digits", out_dir, *ARGS)
    pngs = sorted(out_dir.glob("*.png"))
    pngs[0].unlink()  # its XML is still there
    pngs[1].with_suffix(".xml").unlink()  # its PNG is still there
    pngs[2].unlink()
    pngs[2].with_suffix(".xml").unlink()
    code, out, _ = run_cli(capsys, "digits", out_dir, *ARGS)
    assert code == 0
    assert out == f"wrote 3 test digit images with VOC annotations to {out_dir} (9 already there, left as they were)\n"
    assert len(list(out_dir.glob("*.png"))) == len(list(out_dir.glob("*.xml"))) == 12
