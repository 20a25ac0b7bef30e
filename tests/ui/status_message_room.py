"""For the status line's tests: a message that leaves the model's label a given room beside it (`status_line`: the
message first, the label what it leaves, down to its least form, then none)."""

from __future__ import annotations


def show_message_leaving(window, words: str, room: int) -> str:
    """Shows the longest start of ``words`` (cut at a space) that leaves the model's label at least ``room`` px of
    text, or the first word where none does; returns the message shown."""
    label = window.model_status
    message = words
    while True:
        window.show_status(message, 0)  # laid out before it returns (`StatusLine._message_changed`)
        if label.contentsRect().width() >= room or " " not in message:
            return message
        message = message.rsplit(" ", 1)[0]
