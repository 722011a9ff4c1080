"""PostgreSQL's pg_trgm extension, for typo tolerance (Wagtail's fuzzy search and the close
titles search.engine looks for first). Other databases: nothing to do.

Wagtail's own search tables are left as Wagtail makes them: stemming on SQLite is the site
backend's (search/sqlite.py), not a different tokenizer.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [TrigramExtension()]
