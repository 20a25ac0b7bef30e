"""folder_models.json nested thousands deep reads as no memory, never a crash.

It is a user-data file anyone can edit, and every command that picks a default model reads it
(evaluate and predict without --model, the window's model choice): a file of '[' raised
RecursionError out of all of them ("petloc: unexpected error").
"""

from petloc_gui.app.model_choice import FolderMemory


def test_a_memory_nested_too_deep_is_no_memory_and_is_replaced(tmp_path):
    path = tmp_path / "folder_models.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    memory = FolderMemory(path)
    assert memory.get(tmp_path) is None
    memory.remember(tmp_path, "digits")  # writes a readable memory in its place
    assert memory.get(tmp_path) == "digits"
