"""Demo news: only what the Collaborative's pages report with a date, in our own words.

Where the seeds give a month but no day (the National Plan's October 2022 release), the
item is dated the first of the month, as the publications demo dates that plan.
"""

import datetime

from wagtail.models import Page

from demo.builder import site_root
from news.models import NewsIndexPage, NewsPage, NewsRelatedEvent, NewsRelatedPublication
from publications.models import Topic

NEWS = [
    {
        "slug": "national-plan-for-health-workforce-well-being-released",
        "title": "A National Plan for Health Workforce Well-Being",
        "date": datetime.date(2022, 10, 1),
        "summary": "The Collaborative has released its National Plan for Health Workforce "
        "Well-Being, a shared agenda for the many organizations that can act together to "
        "strengthen the well-being of health workers.",
        "body": [
            "The plan is the work of the Collaborative's third phase, when one of its working "
            "groups set out to lay the ground for a national strategy on clinician well-being.",
            "It asks leaders across health care, education, government and industry to take "
            "collective action, so that a workforce strained by years of pressure can recover "
            "and the health of the nation with it.",
        ],
        "topics": ["leadership", "organizational-practice"],
        "publications": ["national-plan-for-health-workforce-well-being"],
        "events": [],
    },
    {
        "slug": "consensus-study-report-on-clinician-burnout",
        "title": "Consensus study report calls for a systems approach to clinician burnout",
        "date": datetime.date(2019, 10, 23),
        "summary": "The National Academy of Medicine has published Taking Action Against "
        "Clinician Burnout, a consensus study report on improving the places where clinicians "
        "work and learn.",
        "body": [
            "The report addresses leaders of health care organizations and of schools for the "
            "health professions, as well as government and industry. It asks them to make "
            "clinician well-being a priority and to change clinical work and learning "
            "environments in every setting and discipline.",
            "Its aim is to prevent and reduce burnout and to support professional well-being, "
            "for the sake of clinicians, their patients and the country's health.",
        ],
        "topics": ["burnout", "organizational-practice"],
        "publications": ["taking-action-against-clinician-burnout"],
        "events": [],
    },
    {
        "slug": "meeting-three-recordings-and-slides",
        "title": "Recordings and slides from the third public meeting",
        "date": datetime.date(2018, 5, 2),
        "summary": "The Collaborative's third meeting, on establishing clinician well-being as "
        "a national priority, took place in Washington, DC. Its video recordings, presenter "
        "slides and related resources are online.",
        "body": [
            "The meeting's page gathers what was presented: recordings of the sessions, the "
            "slides of each presenter, and a list of further reading from the Collaborative.",
        ],
        "topics": ["burnout"],
        "publications": [],
        "events": ["establishing-clinician-well-being-as-a-national-priority"],
    },
    {
        "slug": "expressions-of-clinician-well-being-at-the-public-meeting",
        "title": "Artwork from Expressions of Clinician Well-Being at the public meeting",
        "date": datetime.date(2019, 10, 29),
        "summary": "Selected works from the Collaborative's art exhibit hung throughout its "
        "public meeting on diversity, inclusion and loneliness, and several artists talked "
        "about what inspired their pieces.",
        "body": [
            "The exhibit gathers art from clinicians, patients, their families and "
            "organizations about burnout and well-being. A panel of reviewers chose 100 pieces "
            "for the online gallery, and printed works travel to meetings and host sites.",
        ],
        "topics": [],
        "publications": [],
        "events": ["diversity-inclusion-and-loneliness"],
    },
]


def rich(*paragraphs):
    return [("rich_text", "".join(f"<p>{text}</p>" for text in paragraphs))]


def load(builder):
    home = site_root()
    index = builder.page(
        home,
        NewsIndexPage,
        "news",
        title="News",
        introduction="Announcements from the Action Collaborative: new reports and plans, "
        "meetings and their recordings, and the art exhibit.",
        show_in_menus=True,
    )
    builder.add_to_navigation(index, "News")
    for spec in NEWS:
        _news_item(index, spec)


def _news_item(index, spec):
    if index.get_children().filter(slug=spec["slug"]).exists():
        return
    page = NewsPage(
        slug=spec["slug"],
        title=spec["title"],
        date=spec["date"],
        summary=spec["summary"],
        body=rich(*spec["body"]),
    )
    page.topics = list(Topic.objects.filter(slug__in=spec["topics"]))
    publications = _pages_by_slug("publications", spec["publications"])
    events = _pages_by_slug("events", spec["events"])
    page.related_publications = [NewsRelatedPublication(publication=p) for p in publications]
    page.related_events = [NewsRelatedEvent(event=event) for event in events]
    index.add_child(instance=page)
    page.save_revision().publish()


def _pages_by_slug(app_label, slugs):
    """The live pages of that app's detail type with these slugs (missing ones left out)."""
    if not slugs:
        return []
    model = {"publications": "publicationpage", "events": "eventpage"}[app_label]
    found = (
        Page.objects.live()
        .filter(content_type__app_label=app_label, content_type__model=model, slug__in=slugs)
        .specific()
    )
    by_slug = {page.slug: page for page in found}
    return [by_slug[slug] for slug in slugs if slug in by_slug]
