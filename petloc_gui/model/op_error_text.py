"""The text of a TensorFlow op error without the op's marks, for the one line petloc says of it: a failed
export's reason (`export.op_error_reason`) and a lost worker's (`distributed.lost_workers`). Each keeps its
own choice of what to say from the text; the marks are TensorFlow's and go the same way for both."""

from __future__ import annotations

import re

# A graph's [[{{node ...}}]] after the message (with the space before it: taken first, or only its
# {{...}} would go), then any {{...}} left ({{function_node ...}} before an eager op's message), then
# [Op:...] and the rest of its line (eager's " name: <op name>" follows it).
_OP_MARKS = (re.compile(r"\s*\[\[\{\{node [^}]*\}\}\]\]"), re.compile(r"\{\{[^}]*\}\}"), re.compile(r"\s*\[Op:.*"))


def op_text(message: str) -> str:
    """``message`` (an ``OpError``'s) without the op's marks, stripped: ``{{function_node __wrapped__SaveV2...}}
    /tmp/x; No space left on device [Op:SaveV2] name: `` -> ``/tmp/x; No space left on device``."""
    for mark in _OP_MARKS:
        message = mark.sub("", message)
    return message.strip()
