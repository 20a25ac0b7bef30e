"""Editing a document: the edit controller and its undo commands."""
