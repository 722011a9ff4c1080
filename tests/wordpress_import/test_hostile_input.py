"""Exports that must be refused whole, with a clear message and nothing imported."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from wordpress_import.models import ImportedItem

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).with_name("collaborative.wxr")

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><item><title>&lol4;</title></item></channel></rss>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<item><title>&secret;</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>
<wp:status>publish</wp:status></item></channel></rss>
"""


def refused(home_page, path, *extra):
    before = Page.objects.count()
    with pytest.raises(CommandError) as error:
        call_command("import_wordpress", str(path), *extra)
    assert Page.objects.count() == before
    assert not ImportedItem.objects.exists()
    assert not Redirect.objects.exists()
    return str(error.value)


def test_an_xml_bomb_is_refused(home_page, tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text(BILLION_LAUGHS)

    assert "declares XML entities" in refused(home_page, path)


def test_an_external_entity_is_refused(home_page, tmp_path):
    path = tmp_path / "external.xml"
    path.write_text(EXTERNAL_ENTITY)

    message = refused(home_page, path)
    assert "declares XML entities" in message and "root:" not in message


def test_a_truncated_export_is_refused_and_nothing_is_half_imported(home_page, tmp_path):
    text = FIXTURE.read_text()
    path = tmp_path / "truncated.xml"
    path.write_text(text[: len(text) * 2 // 3])

    assert "not well-formed XML" in refused(home_page, path)


def test_a_50_mb_export_is_refused_before_it_is_read(home_page, tmp_path):
    path = tmp_path / "huge.xml"
    with path.open("wb") as huge:
        huge.write(b"<rss><channel>")
        huge.write(b" " * (50 * 1024 * 1024))
        huge.write(b"</channel></rss>")

    message = refused(home_page, path)
    assert "50.0 MB" in message and "Split the export" in message


def test_a_file_that_is_not_an_export_is_refused(home_page, tmp_path):
    path = tmp_path / "page.xml"
    path.write_text("<html><body>Not an export</body></html>")

    assert "not a WordPress export" in refused(home_page, path)


def test_a_missing_file_and_a_bad_mapping_are_refused(home_page, tmp_path):
    assert "Cannot read" in refused(home_page, tmp_path / "nowhere.xml")
    mapping = tmp_path / "mapping.toml"
    mapping.write_text("posts = [unclosed")
    assert "Cannot read the mapping" in refused(home_page, FIXTURE, "--mapping", str(mapping))


def test_a_failure_during_the_import_leaves_nothing_behind(home_page, tmp_path, monkeypatch):
    from wordpress_import import importer

    def fail(self):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer.Importer, "_redirects", lambda self, items: fail(self))
    before = Page.objects.count()

    with pytest.raises(RuntimeError):
        call_command("import_wordpress", str(FIXTURE))

    assert Page.objects.count() == before
    assert not ImportedItem.objects.exists()


def test_uploads_outside_the_uploads_folder_are_never_read(home_page, tmp_path):
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF-1.4 secret")
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    export = tmp_path / "traversal.xml"
    export.write_text(
        FIXTURE.read_text().replace(
            "<![CDATA[2018/05/meeting-3-agenda.pdf]]>", "<![CDATA[../secret.pdf]]>"
        )
    )

    from io import StringIO

    out = StringIO()
    call_command("import_wordpress", str(export), "--uploads", str(uploads), stdout=out)

    from wagtail.documents import get_document_model

    assert not get_document_model().objects.exists()
    assert "../secret.pdf (attachment #31)" in out.getvalue()
