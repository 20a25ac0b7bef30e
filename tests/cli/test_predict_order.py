"""`petloc predict`: one record per image in a stable order, and a progress line that never lands in one."""

from __future__ import annotations

import io
import re
import sys

from tests.cli.helpers import BLUE, RED, assert_clean_errors, json_lines, run_cli, write_image
from tests.cli.test_predict_not_read import HEIC


def _folder(tmp_path):
    """img1 ... img12 (file-system order is not name order), a HEIC photo and a corrupt file among them."""
    folder = tmp_path / "photos"
    folder.mkdir()
    for n in (12, 3, 1, 10, 2, 11, 5):
        write_image(folder / f"img{n}.png", 64, 32, RED if n % 2 else BLUE)
    (folder / "img4.heic").write_bytes(HEIC)
    (folder / "img6.png").write_bytes(b"not a png")
    return folder


NAMES = ["img1.png", "img2.png", "img3.png", "img4.heic", "img5.png", "img6.png", "img10.png", "img11.png",
         "img12.png"]


def test_json_records_follow_the_paths_given_and_each_folder_s_natural_order(tmp_path, tiny_bundle, capsys,
                                                                             monkeypatch):
    folder = _folder(tmp_path)
    alone = write_image(tmp_path / "alone.png", 64, 32, RED)
    missing = tmp_path / "missing.png"
    monkeypatch.chdir(tmp_path)  # photos/img2.png is one of the folder's images: one record, in the folder's place
    code, out, err = run_cli(capsys, "predict", alone, missing, folder, "photos/img2.png", "--model", tiny_bundle,
                             "--json", "--batch-size", "2")
    assert code == 0, err
    records = json_lines(out)
    # a HEIC file's record in its place in the folder, a missing PATH's where it was given
    assert [r["image"].rsplit("/", 1)[-1] for r in records] == ["alone.png", "missing.png", *NAMES]
    assert [r["image"].rsplit("/", 1)[-1] for r in records if "error" in r] == [
        "missing.png", "img4.heic", "img6.png"]
    # on stderr, a PATH that is not there is said before the model loads, as before
    assert sum("missing.png: no such file or folder" in line for line in assert_clean_errors(err)) == 1


def _terminal(text: str) -> list[str]:
    """The lines a terminal shows for ``text``: ``\\r`` goes back to the line's start, ``ESC[K`` clears to its end."""
    lines, line, column = [], "", 0
    for token in re.findall(r"\x1b\[K|\r|\n|[^\r\n\x1b]+", text):
        if token == "\n":
            lines.append(line)
            line, column = "", 0
        elif token == "\r":
            column = 0
        elif token == "\x1b[K":
            line = line[:column]
        else:
            line = line[:column] + token + line[column + len(token):]
            column += len(token)
    return [*lines, line] if line else lines


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_progress_line_never_joins_a_result_line(tmp_path, tiny_bundle, monkeypatch, capsys):
    folder = _folder(tmp_path)
    screen = _Tty()  # stdout and stderr on one terminal, as in an interactive shell
    monkeypatch.setattr(sys, "stdout", screen)
    monkeypatch.setattr(sys, "stderr", screen)
    code, _, _ = run_cli(capsys, "predict", folder, "--model", tiny_bundle, "--batch-size", "2")
    assert code == 0
    shown = _terminal(screen.getvalue())
    results = [line for line in shown if not line.startswith("petloc: ")]
    assert [line.split()[0].rsplit("/", 1)[-1] for line in results] == [n for n in NAMES if n != "img4.heic"
                                                                        and n != "img6.png"]
    assert all(re.fullmatch(r"\S+  (cat|dog)  \d\.\d\d  \[16, 16, 48, 28\]", line) for line in results), shown
    assert not any("predict [" in line for line in shown)  # the bar is cleared at the end


def test_piped_output_has_whole_lines_and_progress_counts_what_is_written(tmp_path, tiny_bundle, monkeypatch,
                                                                          capsys):
    folder = _folder(tmp_path)
    merged = io.StringIO()  # `petloc predict FOLDER > log 2>&1`: no terminal, one file
    monkeypatch.setattr(sys, "stdout", merged)
    monkeypatch.setattr(sys, "stderr", merged)
    code, _, _ = run_cli(capsys, "predict", folder, "--model", tiny_bundle, "--batch-size", "2")
    assert code == 0 and "\r" not in merged.getvalue() and "\x1b" not in merged.getvalue()
    written = 0
    for line in merged.getvalue().splitlines():
        progress = re.fullmatch(r"petloc: predict (\d+)/8 ETA \S+", line)
        if progress:  # a progress line counts the images whose line is above it
            assert int(progress[1]) == written, merged.getvalue()
        elif line.startswith(str(folder)) or "img6.png" in line:
            written += 1
    assert written == 8
