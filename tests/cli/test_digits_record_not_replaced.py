"""`petloc digits` never replaces a `petloc-digits.json` it cannot read. Before: it was replaced by a
record of the canvases written then, and the digits of every other canvas of the folder (another
--split or --count) were no longer recorded, unsaid: evaluate and the retrain comparison then took
them for held-out digits."""

from __future__ import annotations

import pytest

from petloc_gui.core.digits_record import RECORD_NAME, DigitLookup
from petloc_gui.model.bundle import file_sha256
from tests.cli.helpers import assert_clean_errors, run_cli

ARGS = ("--split", "test", "--count", "4", "--seed", "3")


@pytest.mark.parametrize(("content", "why"), [
    (b'{"images": {"train_00000_digit0.png": ', "cannot be read: not JSON (Expecting value, line 1 column 39)"),
    (b"[" * 100_000, "cannot be read: nested deeper than any petloc digits record; not read"),
])
def test_a_record_that_cannot_be_read_is_kept_and_nothing_is_written(tmp_path, capsys, content, why):
    out_dir = tmp_path / "digits"
    out_dir.mkdir()
    (out_dir / RECORD_NAME).write_bytes(content)
    code, out, err = run_cli(capsys, "digits", out_dir, *ARGS)
    assert code == 1 and out == ""
    assert assert_clean_errors(err) == [
        f"petloc: {out_dir / RECORD_NAME}: {why}; it records which MNIST digit each canvas of this folder holds, "
        "so it is not replaced and nothing was written (move it away, then run again: the canvases written are "
        "recorded anew)"]
    assert sorted(p.name for p in out_dir.iterdir()) == [RECORD_NAME]
    assert (out_dir / RECORD_NAME).read_bytes() == content


def test_moved_away_the_run_writes_a_record_of_its_canvases(tmp_path, capsys):
    out_dir = tmp_path / "digits"
    run_cli(capsys, "digits", out_dir, *ARGS)
    (out_dir / RECORD_NAME).write_text("damaged", encoding="utf-8")
    assert run_cli(capsys, "digits", out_dir, *ARGS)[0] == 1
    (out_dir / RECORD_NAME).rename(tmp_path / "damaged.json")  # as the message says
    code, out, err = run_cli(capsys, "digits", out_dir, *ARGS)
    assert code == 0, err
    assert "(4 already there, left as they were)" in out
    lookup = DigitLookup()  # raises if the new record cannot tell a canvas's digit
    told = [lookup.look_up(png, file_sha256) for png in sorted(out_dir.glob("*.png"))]
    assert all(digit is not None and digit[0] == "test" for digit in told) and len(told) == 4
