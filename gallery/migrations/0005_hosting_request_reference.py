import secrets

from django.db import migrations, models

import gallery.models.tour

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def give_references(apps, schema_editor):
    """Requests received before references existed get one each."""
    HostingRequest = apps.get_model("gallery", "HostingRequest")
    taken = set()
    for hosting_request in HostingRequest.objects.filter(reference__isnull=True):
        reference = None
        while reference is None or reference in taken:
            reference = "HOST-" + "".join(secrets.choice(ALPHABET) for _ in range(8))
        taken.add(reference)
        hosting_request.reference = reference
        hosting_request.save(update_fields=["reference"])


class Migration(migrations.Migration):
    dependencies = [("gallery", "0004_recordings_uploaded_media")]

    operations = [
        migrations.AddField(
            model_name="hostingrequest",
            name="reference",
            field=models.CharField(editable=False, max_length=16, null=True),
        ),
        migrations.RunPython(give_references, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="hostingrequest",
            name="reference",
            field=models.CharField(
                default=gallery.models.tour.new_hosting_reference,
                editable=False,
                max_length=16,
                unique=True,
            ),
        ),
    ]
