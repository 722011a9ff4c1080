import datetime
from pathlib import Path

import bibtexparser
import rispy
from wagtail.models import Site

from tests.browser.conftest import assert_accessible
from tests.publications.factories import (
    PublicationIndexPageFactory,
    PublicationTypeFactory,
    TopicFactory,
    make_pdf_document,
    make_person,
    make_publication,
)


def build_library():
    home = Site.objects.get(is_default_site=True).root_page
    index = PublicationIndexPageFactory(parent=home, introduction="Papers, reports and tools.")
    paper = PublicationTypeFactory(name="Discussion paper", slug="discussion-paper")
    nurses = TopicFactory(name="Nurses", slug="nurses")
    burnout = TopicFactory(name="Burnout", slug="burnout")
    make_publication(
        index,
        title="Nurse Suicide: Breaking the Silence",
        slug="nurse-suicide",
        publication_type=paper,
        container_title="NAM Perspectives",
        publication_date=datetime.date(2018, 1, 29),
        topics=[nurses, burnout],
        authors=[make_person("Judy E. Davidson"), ("Free Author", "A University")],
        document=make_pdf_document("Nurse Suicide", ["Nurse suicide is rarely tracked."]),
        abstract="Nobody can say how many nurses die by suicide, because it is not tracked.",
    )
    make_publication(
        index,
        title="A 2017 Nurses Paper",
        publication_type=paper,
        publication_date=datetime.date(2017, 3, 1),
        topics=[nurses],
    )
    make_publication(
        index,
        title="Burnout Among Health Care Professionals",
        publication_type=paper,
        publication_date=datetime.date(2018, 7, 5),
        topics=[burnout],
        featured=True,
    )
    return index


def test_visitor_filters_opens_a_publication_and_downloads_its_citation(page, site_url):
    build_library()
    page.goto(site_url + "/publications/")
    assert page.get_by_role("heading", level=1).inner_text() == "Publications"
    assert_accessible(page)

    page.get_by_label("Topic").select_option("nurses")
    page.get_by_label("Year").select_option("2018")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/publications/?*")
    assert "topic=nurses" in page.url and "year=2018" in page.url
    cards = page.locator(".publication-card h3")
    assert cards.all_inner_texts() == ["Nurse Suicide: Breaking the Silence"]
    assert "1 publication matches your filters" in page.locator(".listing-count").inner_text()
    assert_accessible(page)

    cards.first.get_by_role("link").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Nurse Suicide: Breaking the Silence"
    )
    assert "Davidson JE" in page.locator(".cite-box").inner_text()
    assert_accessible(page)

    with page.expect_download() as ris_download:
        page.get_by_role("link", name="Download RIS citation").click()
    ris = rispy.loads(Path(ris_download.value.path()).read_text(encoding="utf-8"))
    assert ris[0]["title"] == "Nurse Suicide: Breaking the Silence"
    assert ris_download.value.suggested_filename == "nurse-suicide.ris"

    with page.expect_download() as bibtex_download:
        page.get_by_role("link", name="Download BibTeX citation").click()
    library = bibtexparser.parse_string(
        Path(bibtex_download.value.path()).read_text(encoding="utf-8")
    )
    assert library.entries[0]["journal"] == "NAM Perspectives"


def test_filters_work_from_the_keyboard_and_bad_pages_stay_accessible(page, site_url):
    build_library()
    page.goto(site_url + "/publications/")
    page.get_by_label("Type").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filter-topic"

    response = page.goto(site_url + "/publications/?page=abc&topic=unknown")
    assert response.status == 400
    assert "whole numbers" in page.get_by_role("alert").inner_text()
    assert_accessible(page)
