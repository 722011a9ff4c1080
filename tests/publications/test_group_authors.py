"""Works without individual authors are cited with their group author in every format."""

import datetime
import json

import bibtexparser
import pytest
import rispy
from bibtexparser import middlewares
from bs4 import BeautifulSoup

from publications.citations import HEADLINE_LIMIT, headline
from tests.publications.factories import PublicationTypeFactory, make_person, make_publication

pytestmark = pytest.mark.django_db

NAM = "National Academy of Medicine"
LONG_TITLE = (
    "Burnout Among Health Care Professionals: A Call to Explore and Address This "
    "Underrecognized Threat to Safe, High-Quality Care"
)
# The schema.org types a publication's JSON-LD may use, and what ``author`` accepts.
SCHEMA_TYPES = {
    "ScholarlyArticle",
    "Report",
    "CreativeWork",
    "Periodical",
    "PropertyValue",
    "MediaObject",
    "Organization",
    "Person",
}
AUTHOR_TYPES = {"Organization", "Person"}


@pytest.fixture
def paper(index):
    return make_publication(
        index,
        title=LONG_TITLE,
        slug="burnout-among-health-care-professionals",
        publication_type=PublicationTypeFactory(
            name="Discussion paper", slug="discussion-paper", citation_kind="article"
        ),
        publication_date=datetime.date(2017, 1, 1),
        container_title="NAM Perspectives",
        publisher=NAM,
        group_author=NAM,
    )


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def bibtex_entry(text):
    library = bibtexparser.parse_string(
        text, append_middleware=[middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()]
    )
    assert not library.failed_blocks
    (entry,) = library.entries
    return entry


def test_page_and_cite_box_credit_the_group_author(client, paper):
    page = soup(client.get(paper.url))

    assert page.select_one(".publication__authors").get_text(strip=True) == f"By {NAM}"
    ama, apa = [p.get_text() for p in page.select(".cite-box__text")]
    assert ama.startswith(f"{NAM}. Burnout Among Health Care Professionals:")
    assert apa.startswith(f"{NAM}. (2017). Burnout Among Health Care Professionals:")
    # APA leaves out a publisher that is also the author.
    assert apa.count(NAM) == 1


def test_ris_has_the_group_author_as_one_name(client, paper):
    (entry,) = rispy.loads(client.get(paper.url + "citation/ris/").content.decode())

    # The trailing comma is how EndNote and Zotero know a name is not "Given Family".
    assert entry["authors"] == [f"{NAM},"]


def test_bibtex_keeps_the_group_author_whole(client, paper):
    entry = bibtex_entry(client.get(paper.url + "citation/bibtex/").content.decode())

    (name,) = entry["author"]
    assert name.last == ["{National Academy of Medicine}"]
    assert name.first == [] and name.von == []


def test_highwire_and_json_ld_carry_the_organization(client, paper):
    page = soup(client.get(paper.url))
    data = json.loads(page.select_one("script[type='application/ld+json']").string)

    assert [tag["content"] for tag in page.select("meta[name=citation_author]")] == [NAM]
    assert data["author"] == [{"@type": "Organization", "name": NAM}]


def test_json_ld_headline_is_cut_at_a_word_and_only_when_too_long(client, paper):
    data = json.loads(
        soup(client.get(paper.url)).select_one("script[type='application/ld+json']").string
    )

    assert len(LONG_TITLE) > HEADLINE_LIMIT
    assert len(data["headline"]) <= HEADLINE_LIMIT
    assert data["headline"] == (
        "Burnout Among Health Care Professionals: A Call to Explore and Address This "
        "Underrecognized Threat to Safe…"
    )
    assert headline("Nurse Suicide: Breaking the Silence") == "Nurse Suicide: Breaking the Silence"
    exactly = "x" * HEADLINE_LIMIT
    assert headline(exactly) == exactly


def test_without_a_group_author_the_publisher_is_credited(client, index):
    report = make_publication(
        index,
        title="A report with no named authors",
        publication_type=PublicationTypeFactory(slug="report", citation_kind="report"),
        publisher="The Example Press",
        group_author="",
    )

    (ris,) = rispy.loads(client.get(report.url + "citation/ris/").content.decode())
    assert ris["authors"] == ["The Example Press,"]
    html = soup(client.get(report.url))
    assert [tag["content"] for tag in html.select("meta[name=citation_author]")] == [
        "The Example Press"
    ]


def test_individual_authors_win_over_the_group_author(client, index):
    person = make_person("Victor J. Dzau", slug="victor-dzau")
    paper = make_publication(index, title="Signed", group_author=NAM, authors=[person])

    (entry,) = rispy.loads(client.get(paper.url + "citation/ris/").content.decode())
    assert entry["authors"] == ["Dzau, Victor J."]


def types_in(data):
    found = set()
    if isinstance(data, dict):
        if "@type" in data:
            found.add(data["@type"])
        for value in data.values():
            found |= types_in(value)
    elif isinstance(data, list):
        for value in data:
            found |= types_in(value)
    return found
