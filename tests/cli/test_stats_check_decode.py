"""`petloc stats --check-decode` finds a truncated JPEG (its header reads fine); without it the problems
line says images were checked by their headers only. An XML with no image is listed either way."""

from __future__ import annotations

from tests.cli.helpers import last_json, run_cli
from tests.core.test_stats_damaged_files import XML, _jpeg


def _folder(tmp_path):
    _jpeg(tmp_path / "whole.jpg")
    _jpeg(tmp_path / "truncated.jpg", cut=1500)
    (tmp_path / "orphan.xml").write_text(XML)
    return tmp_path


def test_by_default_the_problems_line_says_headers_only_and_names_the_option(tmp_path, capsys):
    code, out, _ = run_cli(capsys, "stats", _folder(tmp_path))
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("problems"))
    assert "headers only" in line and "--check-decode" in line
    assert "truncated.jpg" not in out
    assert "annotation_without_image:" in out and "orphan.xml" in out


def test_check_decode_lists_the_truncated_jpeg(tmp_path, capsys):
    code, out, _ = run_cli(capsys, "stats", _folder(tmp_path), "--check-decode")
    assert code == 0
    assert "unreadable_image:" in out and "truncated.jpg" in out and "headers only" not in out
    code, out, _ = run_cli(capsys, "stats", tmp_path, "--check-decode", "--json")
    report = last_json(out)
    assert report["images_decoded"] is True
    assert {(p["kind"], p["file"].rsplit("/", 1)[-1]) for p in report["problems"]} == {
        ("unreadable_image", "truncated.jpg"), ("annotation_without_image", "orphan.xml")}


def test_check_decode_with_no_image_check_is_refused(tmp_path, capsys):
    code, _, err = run_cli(capsys, "stats", _folder(tmp_path), "--check-decode", "--no-image-check")
    assert code == 2 and "not allowed with" in err
