"""docs/cli.md says what recent changes made the commands do, in the words the code uses: `petloc train`
keeps byte-identical images on one side of the split and records them in meta.json (`model.identical_images`),
`petloc stats` names a symbolic-link loop and a folder at an annotation path, and `petloc predict
--write-voc` writes no pre-label where a folder has the annotation's name (`core.dataset_item`)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from petloc_gui.core.dataset_item import FOLDER_AT_ANNOTATION
from petloc_gui.core.folder_listing import entry_kind
from petloc_gui.model.identical_images import KEPT_KEY, MOVED_KEY, SETS_KEY, copies_notices

CLI_MD = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")


def _section(command: str) -> str:
    """docs/cli.md's section on ``petloc COMMAND``, its line breaks as spaces (the text is wrapped)."""
    section = next(s for s in CLI_MD.split("\n## ")[1:] if s.startswith(f"`petloc {command} "))
    return re.sub(r"\s+", " ", section)


def test_the_val_fraction_row_names_the_meta_json_keys_of_the_copies():
    train = _section("train")
    row = train[train.index("| `--val-fraction F` |"):train.index("| `--seed S` |")]
    assert "byte-identical" in row
    for key in (KEPT_KEY, SETS_KEY, MOVED_KEY):
        assert f"`{key}`" in row, key


def test_the_documented_copies_notice_is_the_one_the_run_prints():
    quoted = re.search(r"`petloc: (\d+ images share their bytes[^`]*?)\.\.\.`", _section("train"))
    assert quoted, "the --val-fraction row shows no notice line on copies"
    kept = int(quoted.group(1).split()[0])
    sets = int(re.search(r"\((\d+) sets? of identical", quoted.group(1)).group(1))
    line = copies_notices({KEPT_KEY: kept, SETS_KEY: sets, MOVED_KEY: 1})[0]
    assert line.startswith(quoted.group(1)), (quoted.group(1), line)


def test_stats_problem_kinds_name_a_link_loop_and_a_folder_at_an_annotation_path(tmp_path):
    os.symlink("loop", tmp_path / "loop")
    loop_message = entry_kind(next(os.scandir(tmp_path)))
    assert isinstance(loop_message, str)
    kinds = _section("stats")
    kinds = kinds[kinds.index("Problem kinds:"):]
    index_kind = kinds[kinds.index("`dataset_index`"):kinds.index("`annotation_problem`")]
    assert loop_message.split(" (", 1)[0] in index_kind  # "symbolic link that cannot be followed"
    other_kind = kinds[kinds.index("`annotation_problem`"):kinds.index("`unsupported_image`")]
    assert "annotation path is a folder" in other_kind


def test_predict_write_voc_says_a_folder_at_the_annotation_path():
    assert f"pre-label not written: {FOLDER_AT_ANNOTATION}`, counted as not written" in _section("predict")
