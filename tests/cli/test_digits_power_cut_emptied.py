"""A power cut just after `petloc digits` (its PNG and XML files are not fsynced one by one, ADR 0012) may
leave some of them empty. The rerun refused them as "other content" ("2 of the files ... choose another
folder"), and after one was removed it refused again, naming the next: one remove and rerun per empty
file, where the help said the rerun would write them anew. An empty file holds nobody's content: the same
command now writes every one a power cut left empty, in one run, and still never overwrites a file that
holds other bytes."""

from __future__ import annotations

from pathlib import Path

from tests.cli.helpers import run_cli

ARGS = ("--split", "test", "--count", "12", "--seed", "3")


def _contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_one_rerun_writes_every_file_a_power_cut_left_empty(tmp_path, capsys):
    out_dir = tmp_path / "digits"
    assert run_cli(capsys, "digits", out_dir, *ARGS)[0] == 0
    fresh = _contents(out_dir)
    pngs = sorted(out_dir.glob("*.png"))
    for emptied in (pngs[-1], pngs[-2], pngs[-3].with_suffix(".xml")):
        emptied.write_bytes(b"")
    code, out, err = run_cli(capsys, "digits", out_dir, *ARGS)
    assert code == 0, err
    assert out == f"wrote 3 test digit images with VOC annotations to {out_dir} (9 already there, left as they were)\n"
    assert _contents(out_dir) == fresh  # byte for byte what the first run wrote


def test_a_file_with_other_bytes_is_still_refused_beside_empty_ones(tmp_path, capsys):
    out_dir = tmp_path / "digits"
    assert run_cli(capsys, "digits", out_dir, *ARGS)[0] == 0
    pngs = sorted(out_dir.glob("*.png"))
    pngs[-1].write_bytes(b"")
    pngs[-2].with_suffix(".xml").write_bytes(b"")
    pngs[0].write_bytes(b"someone else's picture")
    before = _contents(out_dir)
    code, _, err = run_cli(capsys, "digits", out_dir, *ARGS)
    assert code == 1
    assert f"1 of the files to write exist with other content (first: {pngs[0].name})" in err, err
    assert _contents(out_dir) == before  # nothing written: the empty ones stay empty until the folder is mended
