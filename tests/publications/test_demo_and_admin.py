import json

import pytest
import rispy
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command

from publications.citations import HEADLINE_LIMIT
from publications.models import PublicationIndexPage, PublicationPage, PublicationType, Topic
from tests.publications.test_group_authors import AUTHOR_TYPES, SCHEMA_TYPES, bibtex_entry, types_in


def test_demo_content_builds_every_seed_publication_once(demo_site, client):
    counts = (
        PublicationPage.objects.count(),
        PublicationType.objects.count(),
        Topic.objects.count(),
    )
    call_command("load_demo_content", "--skip-index")

    assert (
        PublicationPage.objects.count(),
        PublicationType.objects.count(),
        Topic.objects.count(),
    ) == counts
    assert counts[0] >= 14
    care = PublicationPage.objects.get(slug="to-care-is-human")
    # The community app's demo may have made these people first; either way, the same three.
    assert [c.name.split()[-1] for c in care.author_credits] == ["Dzau", "Kirch", "Nasca"]
    assert care.type_name == "Commentary"
    assert (
        PublicationPage.objects.get(
            slug="national-plan-for-health-workforce-well-being"
        ).publication_date.year
        == 2022
    )
    assert all(page.document_id and page.pdf_text for page in PublicationPage.objects.all())
    assert client.get("/publications/").status_code == 200
    assert "Publications" in client.get("/").content.decode()


def test_demo_scale_adds_synthetic_publications_in_bulk(demo_site, client):
    # From the demo as `make run` builds it, as `make bench` grows it.
    call_command("load_demo_content", "--skip-index", "--scale", "3")
    total = PublicationPage.objects.count()
    call_command("load_demo_content", "--skip-index", "--scale", "3")

    assert PublicationPage.objects.count() == total
    synthetic = PublicationPage.objects.filter(slug__startswith="synthetic-publication-")
    assert synthetic.count() == total // 3 * 2
    index = PublicationIndexPage.objects.get()
    assert index.get_children().count() == total
    response = client.get("/publications/", {"page": "2"})
    assert response.status_code == 200
    sample = synthetic.last()
    assert client.get(sample.url).status_code == 200
    # The bulk-built tree is still a valid tree that Wagtail can add to.
    from tests.publications.factories import make_publication

    make_publication(index, title="Added after the bulk insert")
    assert index.get_children().count() == total + 1


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_editors_can_open_the_publication_editor(admin_client, index):
    from tests.publications.factories import make_publication

    publication = make_publication(index)
    assert admin_client.get(f"/admin/pages/{publication.pk}/edit/").status_code == 200
    add_url = f"/admin/pages/add/publications/publicationpage/{index.pk}/"
    assert admin_client.get(add_url).status_code == 200


@pytest.mark.django_db
def test_editors_manage_types_and_topics_as_snippets(admin_client):
    assert admin_client.get("/admin/snippets/publications/topic/").status_code == 200
    response = admin_client.post(
        "/admin/snippets/publications/publicationtype/add/",
        {"name": "Podcast", "slug": "podcast", "citation_kind": "resource"},
    )
    assert response.status_code == 302
    assert PublicationType.objects.filter(slug="podcast").exists()


def test_every_demo_publication_has_an_author_in_every_format(client, demo_site):
    publications = PublicationPage.objects.live()
    assert publications.count() >= 14
    for publication in publications:
        ris = client.get(publication.url + "citation/ris/").content.decode()
        (entry,) = rispy.loads(ris)
        assert entry.get("authors"), publication.title

        bibtex = bibtex_entry(client.get(publication.url + "citation/bibtex/").content.decode())
        assert bibtex["author"], publication.title

        page = BeautifulSoup(client.get(publication.url).content, "html.parser")
        assert page.select("meta[name=citation_author]"), publication.title
        data = json.loads(page.select_one("script[type='application/ld+json']").string)
        assert data["author"], publication.title
        assert {author["@type"] for author in data["author"]} <= AUTHOR_TYPES
        assert types_in(data) <= SCHEMA_TYPES, publication.title
        assert len(data["headline"]) <= HEADLINE_LIMIT
        assert publication.title.startswith(data["headline"].rstrip("…"))
