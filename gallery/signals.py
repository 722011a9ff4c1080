"""Keep the gallery's cached tour list in step with the stops and artworks it shows."""

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, published, unpublished

from gallery.models import ArtworkPage, TourStop
from gallery.models.pages import TOUR_CACHE_VERSION_KEY


def forget_tour(**kwargs):
    if not cache.add(TOUR_CACHE_VERSION_KEY, 1, None):
        try:
            cache.incr(TOUR_CACHE_VERSION_KEY)
        except ValueError:
            cache.set(TOUR_CACHE_VERSION_KEY, 1, None)


for signal in (post_save, post_delete, published, unpublished):
    receiver(signal, sender=TourStop, dispatch_uid=f"gallery-tour-{id(signal)}")(forget_tour)
for signal in (page_published, page_unpublished, post_delete):
    receiver(signal, sender=ArtworkPage, dispatch_uid=f"gallery-artwork-{id(signal)}")(forget_tour)
receiver(m2m_changed, sender=TourStop.artworks.through, dispatch_uid="gallery-tour-works")(
    forget_tour
)
