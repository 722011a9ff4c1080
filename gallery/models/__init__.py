"""The gallery's models, split by domain: managed lists, artworks, the gallery index, the
tour, the open call."""

from gallery.models.artworks import ArtworkImage, ArtworkPage
from gallery.models.gallery import GalleryIndexPage
from gallery.models.open_call import ArtworkSubmission, GallerySettings
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
