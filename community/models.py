"""Models of the community app arrive with its own issue."""
