"""Drawing boxes on an image: the box canvas and items, the two synced panes, the image cache."""
