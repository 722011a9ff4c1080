import datetime
import json

import bibtexparser
import pytest
import rispy
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from publications.models import PublicationAuthor, PublicationPage
from tests.helpers import assert_constant_queries
from tests.publications.factories import (
    PublicationTypeFactory,
    TopicFactory,
    make_pdf_document,
    make_person,
    make_publication,
)

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def commentary(index):
    kind = PublicationTypeFactory(name="Commentary", slug="commentary", citation_kind="article")
    dzau = make_person(
        "Victor J. Dzau",
        slug="victor-dzau",
        credentials="MD",
        organization="National Academy of Medicine",
    )
    kirch = make_person("Darrell G. Kirch", slug="darrell-kirch")
    nasca = make_person("Thomas J. Nasca", slug="thomas-nasca")
    return make_publication(
        index,
        title="To Care Is Human — Collectively Confronting the Clinician-Burnout Crisis",
        slug="to-care-is-human",
        publication_type=kind,
        publication_date=datetime.date(2018, 1, 25),
        container_title="New England Journal of Medicine",
        publisher="Massachusetts Medical Society",
        doi="https://doi.org/10.1056/NEJMp1715127",
        abstract="Leaders of the Collaborative describe burnout as an epidemic & a call to act.",
        topics=[TopicFactory(name="Burnout", slug="burnout")],
        authors=[dzau, kirch, nasca],
        document=make_pdf_document("To Care Is Human", ["Clinicians chose their work."]),
    )


def test_page_shows_what_a_reader_needs(client, commentary):
    page = soup(client.get(commentary.url))

    assert page.h1.get_text() == commentary.title
    assert [li.get_text() for li in page.select(".publication__authors li")] == [
        "Victor J. Dzau, MD, National Academy of Medicine",
        "Darrell G. Kirch",
        "Thomas J. Nasca",
    ]
    assert page.select_one("a[href='https://doi.org/10.1056/NEJMp1715127']")
    assert "Download the PDF" in page.select_one(".publication__actions").get_text()
    assert page.select_one(".publication__topics a")["href"] == "/publications/?topic=burnout"
    assert "January 25, 2018" in page.select_one(".publication__facts").get_text()


def test_cite_box_shows_ama_and_apa(client, commentary):
    texts = [p.get_text() for p in soup(client.get(commentary.url)).select(".cite-box__text")]

    assert texts[0] == (
        "Dzau VJ, Kirch DG, Nasca TJ. To Care Is Human — Collectively Confronting the "
        "Clinician-Burnout Crisis. New England Journal of Medicine. 2018. "
        "doi:10.1056/NEJMp1715127"
    )
    assert texts[1] == (
        "Dzau, V. J., Kirch, D. G., & Nasca, T. J. (2018). To Care Is Human — Collectively "
        "Confronting the Clinician-Burnout Crisis. New England Journal of Medicine. "
        "https://doi.org/10.1056/NEJMp1715127"
    )


def test_ris_download_parses_with_a_ris_parser(client, commentary):
    response = client.get(commentary.url + "citation/ris/")

    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert "attachment" in response["Content-Disposition"]
    (entry,) = rispy.loads(response.content.decode())
    assert entry["type_of_reference"] == "JOUR"
    assert entry["authors"] == ["Dzau, Victor J.", "Kirch, Darrell G.", "Nasca, Thomas J."]
    assert entry["title"] == commentary.title
    assert entry["year"] == "2018"
    assert entry["doi"] == "10.1056/NEJMp1715127"
    assert entry["keywords"] == ["Burnout"]


def test_bibtex_download_parses_with_a_bibtex_parser(client, commentary):
    response = client.get(commentary.url + "citation/bibtex/")

    assert response["Content-Type"].startswith("application/x-bibtex")
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "article"
    assert entry["author"] == "Dzau, Victor J. and Kirch, Darrell G. and Nasca, Thomas J."
    assert entry["title"] == "{" + commentary.title + "}"
    assert entry["journal"] == "New England Journal of Medicine"
    assert entry["year"] == "2018"
    assert entry["doi"] == "10.1056/NEJMp1715127"


def test_reports_are_cited_as_reports(client, index):
    report = make_publication(
        index,
        title="Taking Action Against Clinician Burnout: 100% systems & {braces}",
        publication_type=PublicationTypeFactory(slug="report", citation_kind="report"),
        publisher="The National Academies Press",
        publication_date=datetime.date(2019, 10, 23),
    )

    ris = rispy.loads(client.get(report.url + "citation/ris/").content.decode())[0]
    (entry,) = bibtexparser.parse_string(
        client.get(report.url + "citation/bibtex/").content.decode()
    ).entries
    html = soup(client.get(report.url))

    assert ris["type_of_reference"] == "RPRT"
    assert entry.entry_type == "techreport"
    assert entry["institution"] == "The National Academies Press"
    assert (
        json.loads(html.select_one("script[type='application/ld+json']").string)["@type"]
        == "Report"
    )
    assert "The National Academies Press; 2019." in html.select_one(".cite-box__text").get_text()


def test_json_ld_is_valid_and_describes_the_publication(client, commentary):
    script = soup(client.get(commentary.url)).select_one("script[type='application/ld+json']")
    data = json.loads(script.string)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ScholarlyArticle"
    assert data["name"] == commentary.title
    assert data["datePublished"] == "2018-01-25"
    assert [a["name"] for a in data["author"]] == [
        "Victor J. Dzau",
        "Darrell G. Kirch",
        "Thomas J. Nasca",
    ]
    assert all(a["@type"] == "Person" for a in data["author"])
    assert data["author"][0]["affiliation"]["name"] == "National Academy of Medicine"
    assert data["identifier"]["value"] == "10.1056/NEJMp1715127"
    assert data["isPartOf"]["name"] == "New England Journal of Medicine"
    assert data["abstract"].endswith("an epidemic & a call to act.")
    assert "&" not in script.string  # escaped inside <script>, still the same JSON


def test_highwire_meta_tags(client, commentary):
    page = soup(client.get(commentary.url))

    def meta(name):
        return [tag["content"] for tag in page.select(f"meta[name={name}]")]

    assert meta("citation_title") == [commentary.title]
    assert meta("citation_author") == ["Victor J. Dzau", "Darrell G. Kirch", "Thomas J. Nasca"]
    assert meta("citation_publication_date") == ["2018/01/25"]
    assert meta("citation_journal_title") == ["New England Journal of Medicine"]
    assert meta("citation_doi") == ["10.1056/NEJMp1715127"]
    assert meta("citation_pdf_url")[0].endswith(".pdf")


def test_unpublished_person_is_credited_by_name_only(client, index):
    draft_person = make_person(
        "Charlee Alexander", live=False, credentials="SECRET", organization="Hidden Org"
    )
    publication = make_publication(
        index, authors=[draft_person, ("Free Text Author", "A University")]
    )

    html = soup(client.get(publication.url))
    authors = [li.get_text() for li in html.select(".publication__authors li")]

    assert authors == ["Charlee Alexander", "Free Text Author, A University"]
    assert "SECRET" not in html.get_text() and "Hidden Org" not in html.get_text()


def test_author_needs_a_person_or_a_name():
    with pytest.raises(ValidationError):
        PublicationAuthor(name="  ").clean()


@pytest.mark.parametrize("doi", ["not-a-doi", "10.1/short", "https://example.org/10.1000/x"])
def test_bad_dois_are_refused(index, doi):
    page = PublicationPage(
        title="x", slug="x", publication_date=datetime.date(2020, 1, 1), abstract="a", doi=doi
    )
    with pytest.raises(ValidationError) as error:
        page.full_clean(exclude=["path", "depth", "publication_type"])
    assert "doi" in error.value.message_dict


def test_doi_links_are_stored_as_bare_dois(commentary):
    assert commentary.doi == "10.1056/NEJMp1715127"
    assert commentary.doi_url == "https://doi.org/10.1056/NEJMp1715127"


def test_related_working_group_and_events_show_only_when_live(client, index, home_page):
    from tests.community.factories import WorkingGroupIndexPageFactory, WorkingGroupPageFactory
    from tests.events.factories import EventIndexPageFactory, EventPageFactory

    groups = WorkingGroupIndexPageFactory(parent=home_page)
    group = WorkingGroupPageFactory(parent=groups, title="Implementing Tools")
    events = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=events, title="Public meeting")
    hidden_event = EventPageFactory(parent=events, title="Hidden meeting")
    hidden_event.unpublish()
    publication = make_publication(index, related_working_group=group)
    publication.related_events.create(event=event)
    publication.related_events.create(event=hidden_event)
    publication.save_revision().publish()

    related = soup(client.get(publication.url)).select_one(".publication__related").get_text()

    assert "Implementing Tools" in related
    assert "Public meeting" in related
    assert "Hidden meeting" not in related


def test_draft_and_private_publications_are_not_served(client, index):
    from wagtail.models import PageViewRestriction

    draft = make_publication(index)
    draft.unpublish()
    private = make_publication(index)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    assert client.get(draft.url or f"/publications/{draft.slug}/").status_code == 404
    assert client.get(f"/publications/{draft.slug}/citation/ris/").status_code == 404
    assert client.get(private.url).status_code == 200  # the password form, not the content
    assert private.abstract not in client.get(private.url).content.decode()
    assert private.abstract not in client.get(private.url + "citation/ris/").content.decode()


def test_publication_page_queries_stay_constant_with_content(client, index, home_page):
    from tests.community.factories import WorkingGroupIndexPageFactory, WorkingGroupPageFactory
    from tests.events.factories import EventIndexPageFactory, EventPageFactory

    events = EventIndexPageFactory(parent=home_page)
    kind = PublicationTypeFactory()
    topics = [TopicFactory() for _ in range(3)]
    people = [make_person(f"Person Number{n}", slug=f"person-{n}") for n in range(3)]
    publication = make_publication(
        index,
        publication_type=kind,
        topics=topics[:1],
        authors=people[:1] + [("Free Author", "Somewhere")],
        document=make_pdf_document("Paper", ["Some text."]),
        related_working_group=WorkingGroupPageFactory(
            parent=WorkingGroupIndexPageFactory(parent=home_page)
        ),
    )
    publication.related_events.create(event=EventPageFactory(parent=events))
    publication.save_revision().publish()

    def grow():
        for _number in range(190):
            make_publication(index, publication_type=kind)
        publication.topics = topics
        publication.authors = [PublicationAuthor(person=p) for p in people] + [
            PublicationAuthor(name=f"Author {n}") for n in range(8)
        ]
        for _ in range(4):
            publication.related_events.add(
                publication.related_events.model(event=EventPageFactory(parent=events))
            )
        publication.save_revision().publish()

    for _number in range(9):
        make_publication(index, publication_type=kind)
    assert_constant_queries(client, publication.url, grow, at_most=15)


def test_preview_shows_related_events_not_yet_saved(rf, index, home_page):
    from tests.events.factories import EventIndexPageFactory, EventPageFactory

    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), title="Unsaved link")
    publication = make_publication(index)
    publication.related_events.add(publication.related_events.model(event=event))
    request = rf.get("/")
    request.is_preview = True

    group, events = publication.related_pages(request)

    assert group is None
    assert [page.title for page in events] == ["Unsaved link"]
    assert publication.related_pages(rf.get("/")) == (None, [])
