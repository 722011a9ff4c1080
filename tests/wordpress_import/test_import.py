"""Importing the Collaborative's WordPress export (collaborative.wxr, beside this file)."""

import datetime

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from community.models import Person
from core.models import StandardPage
from events.models import EventPage, Venue
from news.models import NewsIndexPage, NewsPage
from publications.models import PublicationPage, Topic
from tests.news.factories import NewsIndexPageFactory
from tests.wordpress_import.conftest import FIXTURE, imported, run

pytestmark = pytest.mark.django_db


def test_pages_arrive_as_drafts_in_their_hierarchy(home_page, uploads):
    imported(home_page, uploads)

    about = StandardPage.objects.get(slug="about")
    phase = StandardPage.objects.get(slug="phase-iii")
    assert about.get_parent().pk == home_page.pk
    assert phase.get_parent().pk == about.pk
    assert not about.live and not phase.live
    assert about.introduction == "Why the Collaborative exists and who leads it."
    body = about.body.render_as_block()
    assert "<h2" in body and "Leadership" in body
    assert "evidence &amp; serve patients" in body
    assert about.get_latest_revision() is not None


def test_posts_go_to_news_or_publications_by_category_with_topics(home_page, uploads):
    Person.objects.create(name="Victor Dzau", slug="victor-dzau")
    imported(home_page, uploads)

    paper = PublicationPage.objects.get(slug="nurse-suicide-breaking-the-silence")
    assert paper.publication_date == datetime.date(2018, 1, 29)
    assert (
        paper.abstract
        == "A discussion paper asks for nurse suicide to be tracked and talked about."
    )
    assert [topic.slug for topic in paper.topics.all()] == ["nurses"]
    perspective = PublicationPage.objects.get(slug="to-care-is-human")
    assert perspective.authors.get().person.name == "Victor Dzau"
    assert {topic.name for topic in perspective.topics.all()} == {
        "Burnout",
        "Electronic health records",
    }
    hub = NewsPage.objects.get(slug="knowledge-hub-is-live")
    assert hub.date == datetime.date(2018, 9, 10)
    assert hub.get_parent().specific_class is NewsIndexPage
    assert not Topic.objects.filter(slug__in=["news", "publications"]).exists() or all(
        topic.slug not in ("news", "publications") for topic in hub.topics.all()
    )


def test_events_keep_their_local_times_across_daylight_saving(home_page, uploads):
    imported(home_page, uploads)

    meeting = EventPage.objects.get(slug="meeting-3")
    webinar = EventPage.objects.get(slug="winter-webinar")
    utc = datetime.UTC
    assert meeting.start.astimezone(utc) == datetime.datetime(2018, 5, 2, 13, 0, tzinfo=utc)
    assert meeting.end.astimezone(utc) == datetime.datetime(2018, 5, 2, 20, 30, tzinfo=utc)
    assert webinar.start.astimezone(utc) == datetime.datetime(2018, 12, 4, 18, 0, tzinfo=utc)
    assert meeting.time_zone == "America/New_York"
    assert meeting.venue == Venue.objects.get(name="National Academy of Medicine")
    assert meeting.venue.city == "Washington, DC"
    description = meeting.description.render_as_block()
    assert "Organized by National Academy of Medicine staff." in description
    agenda = get_document_model().objects.get(title="Meeting 3 agenda")
    assert [block.block_type for block in meeting.description] == [
        "rich_text",
        "rich_text",
        "document",
    ]
    assert meeting.description[2].value["document"] == agenda


def test_images_with_alt_text_and_documents_and_missing_files_reported(home_page, uploads):
    output = imported(home_page, uploads)

    image = get_image_model().objects.get(title="exhibit")
    assert image.description == "Paintings and photographs hung along a meeting room wall"
    exhibit = StandardPage.objects.get(slug="art-exhibit")
    kinds = [block.block_type for block in exhibit.body]
    assert kinds == ["rich_text", "figure", "embed"]
    figure = exhibit.body[1].value
    assert figure["image"].pk == image.pk
    assert figure["image"].contextual_alt_text == (
        "Paintings and photographs hung along a meeting room wall"
    )
    assert figure["caption"] == "Works from the exhibit hung at a public meeting"
    assert exhibit.body[2].value["url"] == "https://www.youtube.com/watch?v=abcdefghijk"
    assert "2019/10/missing-photo.jpg (attachment #32)" in output
    assert "contact-form-7" in output  # the dropped shortcode is reported
    assert get_image_model().objects.count() == 1


def test_internal_links_lead_to_the_new_pages_and_documents(home_page, uploads):
    imported(home_page, uploads)

    phase = StandardPage.objects.get(slug="phase-iii")
    about = StandardPage.objects.get(slug="about")
    resources = StandardPage.objects.get(slug="resources")
    source = phase.body.raw_data[0]["value"]
    assert f'<a linktype="page" id="{about.pk}">' in source
    assert f'<a linktype="page" id="{resources.pk}">' in source
    agenda = get_document_model().objects.get(title="Meeting 3 agenda")
    assert f'<a linktype="document" id="{agenda.pk}">' in resources.body.raw_data[-1]["value"]


def test_script_tags_event_handlers_and_javascript_links_are_removed(home_page, uploads):
    imported(home_page, uploads)

    hub = NewsPage.objects.get(slug="knowledge-hub-is-live")
    stored = str(hub.body.raw_data)
    rendered = hub.body.render_as_block()
    for text in ("<script", "onclick", "onmouseover", "onerror", "javascript:", "document.cookie"):
        assert text not in stored and text not in rendered
    assert "Collaborative’s knowledge hub" in rendered
    assert "toolkits &amp; presentations" in rendered


def test_odd_items_are_skipped_and_private_ones_never_published(home_page, uploads):
    output = imported(home_page, uploads, "--publish")

    titles = set(Page.objects.values_list("title", flat=True))
    assert "A post moved to the trash" not in titles
    assert "Auto Draft" not in titles
    assert Page.objects.filter(title="The Clinician Well-Being Knowledge Hub is live").count() == 1
    private = NewsPage.objects.get(slug="planning-notes")
    assert not private.live
    assert "in WordPress's trash" in output and "an auto-draft" in output and "a revision" in output
    untitled = NewsPage.objects.get(title="Untitled news item (WordPress #24)")
    assert untitled.live  # published in WordPress, so --publish publishes it
    assert NewsPage.objects.get(slug="knowledge-hub-is-live").live


def test_old_addresses_redirect_permanently(client, home_page, uploads):
    imported(home_page, uploads, "--publish")

    paper = PublicationPage.objects.get(slug="nurse-suicide-breaking-the-silence")
    for old in ["/2018/01/29/nurse-suicide-breaking-the-silence/", "/?p=20"]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].endswith(paper.url), old
    assert client.get("/?page_id=10")["Location"].endswith("/about/")
    agenda = get_document_model().objects.get(title="Meeting 3 agenda")
    assert client.get("/wp-content/uploads/2018/05/meeting-3-agenda.pdf")["Location"] == agenda.url
    assert client.get("/event/meeting-3/")["Location"].endswith("/events/meeting-3/")
    assert Redirect.objects.filter(is_permanent=False).count() == 0


def test_importing_twice_changes_nothing(home_page, uploads):
    imported(home_page, uploads)
    counts = (
        Page.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
        Redirect.objects.count(),
        Topic.objects.count(),
        Venue.objects.count(),
    )
    revisions = StandardPage.objects.get(slug="about").revisions.count()

    output = run(str(FIXTURE), "--uploads", str(uploads))

    assert counts == (
        Page.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
        Redirect.objects.count(),
        Topic.objects.count(),
        Venue.objects.count(),
    )
    assert StandardPage.objects.get(slug="about").revisions.count() == revisions
    assert " created" not in output.split("Imported:")[1].split("Missing")[0]


def test_a_changed_post_is_updated_in_place(home_page, uploads, tmp_path):
    imported(home_page, uploads)
    changed = tmp_path / "changed.wxr"
    changed.write_text(FIXTURE.read_text().replace("Phase III working groups", "The third phase"))

    run(str(changed), "--uploads", str(uploads))

    assert StandardPage.objects.filter(slug="phase-iii").count() == 1
    assert StandardPage.objects.get(slug="phase-iii").title == "The third phase"


def test_dry_run_reports_and_changes_nothing(home_page, uploads):
    NewsIndexPageFactory(parent=home_page)
    before = (Page.objects.count(), Redirect.objects.count(), get_image_model().objects.count())

    output = run(str(FIXTURE), "--uploads", str(uploads), "--dry-run")

    assert "Dry run: nothing was changed" in output
    assert "standard page: 4 would be created" in output
    assert before == (
        Page.objects.count(),
        Redirect.objects.count(),
        get_image_model().objects.count(),
    )


def test_progress_is_reported_with_a_rate_unless_quiet(home_page, uploads):
    output = imported(home_page, uploads, "--progress-every", "5")

    assert "5/" in output and "items imported (" in output and "a second)" in output
    assert "items indexed for search" in output

    quiet = run(str(FIXTURE), "--uploads", str(uploads), "--verbosity", "0")
    assert "items imported" not in quiet and "Read " not in quiet
    assert "Imported:" in quiet


def test_what_was_imported_is_in_the_search_index_at_the_end(home_page, uploads):
    imported(home_page, uploads, "--publish")

    found = PublicationPage.objects.live().search("nurse suicide")
    assert [page.slug for page in found] == ["nurse-suicide-breaking-the-silence"]
