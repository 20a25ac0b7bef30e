"""Reading a model's or a version's JSON record without trusting its size.

A meta.json lists every image of its splits with two hashes: about 250-320
bytes an image, so 64 MB at about 250,000 images. A file of gigabytes there is
a mistake or hostile, and was read whole by every command that lists models
(a 3 GB meta.json: 50 s, 6 GB of memory): no more than ``MAX_RECORD_BYTES``
(about two million images' record) is ever read.
"""

from __future__ import annotations

import json
import os
from typing import Any

MAX_RECORD_BYTES = 512 * 1024 * 1024


class RecordTooLarge(ValueError):  # noqa: N818 - reads as what it is
    """The file is larger than any record."""


class RecordTooDeep(ValueError):  # noqa: N818 - reads as what it is
    """The JSON nests deeper than the parser can follow; no model's record does."""


def read_json_record(path: str | os.PathLike[str]) -> Any:
    """The JSON value in ``path`` (UTF-8). Raises OSError, `RecordTooLarge`, `RecordTooDeep`, or
    ValueError (UnicodeDecodeError, json.JSONDecodeError) when it cannot be read as one."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_RECORD_BYTES + 1)  # never more: a huge file costs a bounded read
    if len(data) > MAX_RECORD_BYTES:
        raise RecordTooLarge(f"larger than {MAX_RECORD_BYTES:,} bytes, far more than any model's record; not read")
    text = data.decode("utf-8")
    try:
        return json.loads(text)
    except RecursionError:
        # A few kilobytes of '[' exhaust the parser's stack; callers catch (OSError, ValueError)
        # for an unreadable record, so this one must be a ValueError too, not a crash.
        raise RecordTooDeep("nested deeper than any model's record; not read") from None
