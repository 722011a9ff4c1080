"""Models of the events app arrive with its own issue."""
