"""Editorial groups, their permissions and the two review workflows were created here; they
are now made by ``editorial/migrations/0002_roles_and_workflows``, after the review task
moved to the editorial app."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_editorial_email_and_review_task"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = []
