"""`petloc convert --to yolo` wrote a class name holding DEL, a C1 control character (U+0092: a Windows
apostrophe decoded as Latin-1, "Kid\\x92s toy"), U+FFFE or U+2028 raw into data.yaml's double quotes, saying
"0 problems": PyYAML refused the whole file (unacceptable character #x0092) and Ultralytics' yaml_load deleted
the character, renaming the class; U+2028 is read as a line break. Each such character is now written as a YAML
escape (\\xNN, \\uNNNN), which YAML readers and petloc's own read back to the very name."""

from __future__ import annotations

import importlib.util

import pytest

from petloc_gui.core.interop.yolo_names import data_yaml, parse_yaml_names

NAMES = ["Kid\x92s toy", "del\x7fhere", "line\u2028sep", "para\u2029sep", "next\x85line", "not\ufffea char",
         "nor\uffff", 'say "hi"', "back\\slash", "café", "tab\there", "cat \U0001f431", "plain"]
# YAML's printable characters (c-printable); U+0085, U+2028 and U+2029 are line breaks to a YAML 1.1 reader
_YAML_PRINTABLE = set("\t\n\r") | {chr(code) for code in range(0x20, 0x7F)}


def _printable_in_yaml(char: str) -> bool:
    code = ord(char)
    return (char in _YAML_PRINTABLE or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000) \
        and char not in "\x85\u2028\u2029"


def test_every_character_of_the_written_data_yaml_is_printable_in_yaml():
    text = data_yaml(NAMES)
    assert [char for char in text if not _printable_in_yaml(char)] == []


def test_the_names_read_back_exactly_by_petloc(tmp_path):
    assert parse_yaml_names(data_yaml(NAMES), tmp_path / "data.yaml") == NAMES


@pytest.mark.skipif(importlib.util.find_spec("yaml") is None, reason="PyYAML is not installed here")
def test_the_names_read_back_exactly_by_pyyaml(tmp_path):
    import yaml  # type: ignore[import-untyped]

    path = tmp_path / "data.yaml"
    path.write_text(data_yaml(NAMES), encoding="utf-8")
    with path.open(encoding="utf-8") as file:
        assert yaml.safe_load(file)["names"] == dict(enumerate(NAMES))
