"""The model in use: loading it, predicting in the background, choosing a version."""
