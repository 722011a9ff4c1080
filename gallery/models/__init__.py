"""The gallery's models, split by domain: managed lists, pages, the tour, the open call."""

from gallery.models.open_call import ArtworkSubmission, GallerySettings
from gallery.models.pages import ArtworkImage, ArtworkPage, GalleryIndexPage
from gallery.models.taxonomy import Artist, Medium, Theme
from gallery.models.tour import HostingRequest, TourStop

__all__ = [
    "Artist",
    "ArtworkImage",
    "ArtworkPage",
    "ArtworkSubmission",
    "GalleryIndexPage",
    "GallerySettings",
    "HostingRequest",
    "Medium",
    "Theme",
    "TourStop",
]
