"""Models of the search app arrive with its own issue."""
