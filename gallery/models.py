"""Models of the gallery app arrive with its own issue."""
