"""Database-side search features the search app relies on.

PostgreSQL: the pg_trgm extension and trigram indexes on Wagtail's index entries, for typo
tolerance (fuzzy search) when an exact search finds nothing.

SQLite: Wagtail creates its FTS5 table with the plain unicode61 tokenizer, which does not
stem; it is rebuilt here with the porter tokenizer so that "burnouts" finds "burnout" and
"nurses" finds "nurse", as English stemming does on PostgreSQL and Elasticsearch. Existing
index rows are copied across. Other databases: nothing to do.
"""

from django.db import migrations

INDEX_TABLE = "wagtailsearch_indexentry"
FTS_TABLE = f"{INDEX_TABLE}_fts"


def sqlite_fts_columns(cursor):
    cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [FTS_TABLE])
    row = cursor.fetchone()
    return row[0] if row else None


def rebuild_sqlite_fts(schema_editor, tokenizer):
    with schema_editor.connection.cursor() as cursor:
        if not sqlite_fts_columns(cursor):
            return
        cursor.execute(f"DROP TABLE {FTS_TABLE}")
        options = f", tokenize = '{tokenizer}'" if tokenizer else ""
        cursor.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(autocomplete, body, title{options})"
        )
        cursor.execute(
            f"INSERT INTO {FTS_TABLE}(rowid, autocomplete, body, title) "  # noqa: S608
            f"SELECT id, autocomplete, body, title FROM {INDEX_TABLE}"
        )


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for column in ("title_text", "body_text"):
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS site_search_{column}_trgm "
                f"ON {INDEX_TABLE} USING gin ({column} gin_trgm_ops)"
            )
    elif vendor == "sqlite":
        rebuild_sqlite_fts(schema_editor, "porter unicode61 remove_diacritics 2")


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for column in ("title_text", "body_text"):
            schema_editor.execute(f"DROP INDEX IF EXISTS site_search_{column}_trgm")
    elif vendor == "sqlite":
        rebuild_sqlite_fts(schema_editor, "")


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
