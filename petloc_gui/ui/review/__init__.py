"""Reviewing a folder: the file list, the review session, the save guard, the dataset panel."""
