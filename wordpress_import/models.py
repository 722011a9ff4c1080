"""What an import made from each WordPress item, so that running it again updates instead
of duplicating."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ImportedItem(models.Model):
    """One WordPress item (post, page, event, attachment, venue, term) and what it became."""

    wordpress_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=40, help_text="The WordPress post type or taxonomy.")
    guid = models.CharField(max_length=500, blank=True, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    fingerprint = models.CharField(
        max_length=64, blank=True, help_text="A digest of the item as last imported."
    )
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "imported WordPress item"
        constraints = [
            models.UniqueConstraint(fields=["kind", "wordpress_id"], name="one_import_per_item")
        ]

    def __str__(self):
        return f"{self.kind} {self.wordpress_id}"
