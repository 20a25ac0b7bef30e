"""A record nested thousands deep is refused as unreadable (ValueError), never a crash."""

import pytest

from petloc_gui.core.json_record import RecordTooDeep, read_json_record


def test_deeply_nested_json_is_a_value_error(tmp_path):
    path = tmp_path / "meta.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    with pytest.raises(ValueError, match="nested deeper") as caught:
        read_json_record(path)
    assert isinstance(caught.value, RecordTooDeep)


def test_ordinary_nesting_still_reads(tmp_path):
    path = tmp_path / "meta.json"
    path.write_text('{"a": [[{"b": 1}]]}', encoding="utf-8")
    assert read_json_record(path) == {"a": [[{"b": 1}]]}
