"""Models of the publications app arrive with its own issue."""
