"""Editorial groups, their permissions and the two review workflows.

Adds only what is missing, so running it on a database that already has them changes
nothing; ``editorial.roles.complete_editorial_setup`` runs the same steps after every
``migrate`` for the content apps that arrive later.
"""

from django.db import migrations


def create_roles_and_workflows(apps, schema_editor):
    from editorial.roles import ensure_editorial_setup

    ensure_editorial_setup(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(create_roles_and_workflows, migrations.RunPython.noop),
    ]
