"""Every relation of the content model stays fresh with production's caches on.

For each way a page shows another object (a listing of its children, a chooser, an inline,
a StreamField block, a many-to-many link, a reverse relation, a routable sub-page, the
menus and footer), the shown object is changed or unpublished as an editor would, and the
very next request for the showing page shows the change: from a visitor with a session,
answered from the page's kept fragments, and from an anonymous visitor, until then answered
from the page cache.
"""

import datetime

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from wagtail.models import Site

from core.models import SiteSettings
from demo.builder import write_pdf
from events.models import EventArtwork, EventResource
from publications.models import ResourceKind
from tests.community.factories import (
    NetworkOrganizationFactory,
    NetworkOrganizationIndexPageFactory,
    PeoplePageFactory,
    PersonFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
    add_member,
    place,
)
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    VenueFactory,
    session,
    speaker,
)
from tests.factories import StandardPageFactory
from tests.gallery.factories import (
    ArtworkPageFactory,
    GalleryIndexPageFactory,
    ThemeFactory,
    TourStopFactory,
    add_image,
)
from tests.publications.factories import (
    KnowledgeHubPageFactory,
    PublicationIndexPageFactory,
    TopicFactory,
    add_resource,
    make_pdf_document,
    make_publication,
)

pytestmark = pytest.mark.django_db


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


@pytest.fixture
def site(home_page):
    """A small site in which every kind of page shows every kind of object it can."""
    about = StandardPageFactory(
        parent=home_page, title="About us", slug="about", show_in_menus=True
    )
    phase = StandardPageFactory(parent=about, title="Phase three", show_in_menus=True)
    people_page = PeoplePageFactory(parent=about)
    chair = PersonFactory(name="Vera Chair", slug="vera-chair")
    place(people_page, chair, "chair")
    groups = WorkingGroupIndexPageFactory(parent=home_page)
    group = WorkingGroupPageFactory(parent=groups, title="Metrics group")
    add_member(group, chair, "chair")
    publish(group)
    publish(people_page)

    library = PublicationIndexPageFactory(parent=home_page)
    topic = TopicFactory(name="Burnout", slug="burnout")
    document = make_pdf_document("Report as a PDF", ["Its text."])
    paper = make_publication(
        library,
        title="A paper on burnout",
        topics=[topic],
        authors=[chair],
        document=document,
        related_working_group=group,
        featured=True,
        publication_date=datetime.date(2022, 5, 1),
    )

    events = EventIndexPageFactory(parent=home_page)
    venue = VenueFactory(name="Keck Center")
    meeting = EventPageFactory(
        parent=events,
        title="A public meeting",
        venue=venue,
        related_working_group=group,
        start=timezone.now() + datetime.timedelta(days=5),
        end=timezone.now() + datetime.timedelta(days=5, hours=3),
    )
    meeting.agenda = [
        session("09:00", "10:00", "Opening", speakers=[speaker(person=chair, role="moderator")])
    ]
    publish(meeting)
    paper.related_events.create(event=meeting)
    publish(paper)

    gallery = GalleryIndexPageFactory(parent=home_page)
    theme = ThemeFactory(name="Resilience", slug="resilience")
    artwork = ArtworkPageFactory(parent=gallery, title="Handover")
    artwork.themes = [theme]
    add_image(artwork)
    publish(artwork)
    stop = TourStopFactory(
        host_organization="Riverside Health",
        start_date=timezone.localdate() + datetime.timedelta(days=30),
        end_date=timezone.localdate() + datetime.timedelta(days=40),
        event=meeting,
    )
    stop.artworks.set([artwork])
    EventArtwork.objects.create(event=meeting, artwork=artwork)
    EventResource.objects.create(event=meeting, page=paper)
    publish(meeting)

    network = NetworkOrganizationIndexPageFactory(parent=home_page)
    organization = NetworkOrganizationFactory(name="Lakeside Hospital")

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.main_navigation = [
        {"type": "link", "value": {"label": "", "page": about.pk, "url": ""}}
    ]
    site_settings.save()
    hub = KnowledgeHubPageFactory(parent=home_page)
    add_resource(hub, "The paper on burnout", ResourceKind.REPORTS, page=paper)
    home_page.knowledge_hub_heading = "The knowledge hub"
    home_page.knowledge_hub_page = hub
    publish(home_page)
    return locals()


def fresh(client, url, *, before, change, after, gone=()):
    """``url`` shows ``before``, is served from the page cache, and shows ``after`` (and
    none of ``gone``) on the very next request after ``change()``: first to a visitor with
    a session, whom the page cache steps aside for and the page's kept fragments answer,
    then to the anonymous visitor the page cache answered."""
    visitor = Client()
    visitor.cookies[settings.SESSION_COOKIE_NAME] = "a-visitor-with-a-session"
    first = client.get(url)
    assert first.status_code == 200, url
    assert before in first.content.decode(), (url, before)
    cached = client.get(url)
    assert cached["X-Page-Cache"] == "hit", url
    assert before in visitor.get(url).content.decode(), (url, before)

    change()

    from_fragments = visitor.get(url)
    assert not from_fragments.has_header("X-Page-Cache"), url
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss", url
    for html in (from_fragments.content.decode(), response.content.decode()):
        assert after in html, (url, after)
        for text in gone:
            assert text not in html, (url, text)


RELATIONS = {
    # A listing of children, and the home page's sections of content from below it.
    "section lists a child": lambda s: (
        s["about"].url,
        "Phase three",
        lambda: publish(s["phase"], title="Phase three: a strategy"),
        "Phase three: a strategy",
    ),
    "publication index lists a publication": lambda s: (
        s["library"].url,
        "A paper on burnout",
        lambda: s["paper"].unpublish(),
        "publication",
        ["A paper on burnout"],
    ),
    "home page features a publication": lambda s: (
        "/",
        "A paper on burnout",
        lambda: publish(s["paper"], title="A paper on moral injury"),
        "A paper on moral injury",
    ),
    "home page lists an upcoming event": lambda s: (
        "/",
        "A public meeting",
        lambda: publish(s["meeting"], title="The autumn meeting"),
        "The autumn meeting",
    ),
    "home page shows a gallery highlight": lambda s: (
        "/",
        "Handover",
        lambda: s["artwork"].unpublish(),
        "A paper on burnout",
        ["Handover"],
    ),
    "event index lists an event": lambda s: (
        s["events"].url,
        "A public meeting",
        lambda: publish(s["meeting"], title="The autumn meeting"),
        "The autumn meeting",
    ),
    "gallery lists an artwork": lambda s: (
        s["gallery"].url,
        "Handover",
        lambda: publish(s["artwork"], title="Handover at dawn"),
        "Handover at dawn",
    ),
    "working group index lists a group": lambda s: (
        s["groups"].url,
        "Metrics group",
        lambda: publish(s["group"], title="Research and metrics group"),
        "Research and metrics group",
    ),
    # Choosers (foreign keys to pages) and what the chosen page shows.
    "home page links to its knowledge hub": lambda s: (
        "/",
        s["hub"].url,
        lambda: publish(s["hub"], slug="resources"),
        "/resources/",
    ),
    "home page features the hub's resources": lambda s: (
        "/",
        "The paper on burnout",
        lambda: rename_resource(s["hub"], "The burnout paper"),
        "The burnout paper",
    ),
    "knowledge hub lists a resource's page": lambda s: (
        s["hub"].url,
        "The paper on burnout",
        lambda: s["paper"].unpublish(),
        "Knowledge Hub",
        ["The paper on burnout"],
    ),
    "publication names its working group": lambda s: (
        s["paper"].url,
        "Metrics group",
        lambda: publish(s["group"], title="Research and metrics group"),
        "Research and metrics group",
    ),
    "working group lists the publications naming it": lambda s: (
        s["group"].url,
        "A paper on burnout",
        lambda: publish(s["paper"], title="A paper on moral injury"),
        "A paper on moral injury",
    ),
    "working group lists the events naming it": lambda s: (
        s["group"].url,
        "A public meeting",
        lambda: s["meeting"].unpublish(),
        "Metrics group",
        ["A public meeting"],
    ),
    # Snippets through foreign keys and inlines.
    "publication credits a person": lambda s: (
        s["paper"].url,
        "Vera Chair",
        lambda: rename(s["chair"], "Vera Chair-Lopez"),
        "Vera Chair-Lopez",
    ),
    "working group lists a member": lambda s: (
        s["group"].url,
        "Vera Chair",
        lambda: rename(s["chair"], "Vera Chair-Lopez"),
        "Vera Chair-Lopez",
    ),
    "people page lists a person": lambda s: (
        s["people_page"].url,
        "Vera Chair",
        lambda: rename(s["chair"], "Vera Chair-Lopez"),
        "Vera Chair-Lopez",
    ),
    "a person's profile": lambda s: (
        s["people_page"].url + "vera-chair/",
        "Vera Chair",
        lambda: rename(s["chair"], "Vera Chair-Lopez"),
        "Vera Chair-Lopez",
    ),
    # A profile lists the pages naming the person: authorship, agenda sessions, groups.
    "a person's profile lists their publications": lambda s: (
        s["people_page"].url + "vera-chair/",
        "A paper on burnout",
        lambda: publish(s["paper"], title="A paper on moral injury"),
        "A paper on moral injury",
    ),
    "a person's profile loses a publication that drops them": lambda s: (
        s["people_page"].url + "vera-chair/",
        "A paper on burnout",
        lambda: drop_authors(s["paper"]),
        "Vera Chair",
        ["A paper on burnout"],
    ),
    "a person's profile lists their sessions": lambda s: (
        s["people_page"].url + "vera-chair/",
        "Moderator, Opening",
        lambda: publish(
            s["meeting"],
            agenda=[
                session(
                    "09:00",
                    "10:00",
                    "Welcome",
                    speakers=[speaker(person=s["chair"], role="panelist")],
                )
            ],
        ),
        "Panelist, Welcome",
        ["Moderator, Opening"],
    ),
    "a person's profile lists their working groups": lambda s: (
        s["people_page"].url + "vera-chair/",
        "Metrics group",
        lambda: s["group"].unpublish(),
        "Vera Chair",
        ["Metrics group"],
    ),
    "event page shows its venue": lambda s: (
        s["meeting"].url,
        "Keck Center",
        lambda: rename(s["venue"], "Keck Center of the National Academies"),
        "Keck Center of the National Academies",
    ),
    "gallery page shows an artist": lambda s: (
        s["artwork"].url,
        s["artwork"].artist.name,
        lambda: rename(s["artwork"].artist, "Ana Ruiz, RN"),
        "Ana Ruiz, RN",
    ),
    "network page lists an organization": lambda s: (
        s["network"].url,
        "Lakeside Hospital",
        lambda: rename(s["organization"], "Lakeside Health"),
        "Lakeside Health",
    ),
    "publication links its PDF": lambda s: (
        s["paper"].url,
        s["document"].url,
        lambda: replace_file(s["document"], "full-report.pdf"),
        "full-report.pdf",
    ),
    # StreamField blocks.
    "agenda names a speaker": lambda s: (
        s["meeting"].url,
        "Vera Chair",
        lambda: rename(s["chair"], "Vera Chair-Lopez"),
        "Vera Chair-Lopez",
    ),
    "menus on every page link to a page": lambda s: (
        s["gallery"].url,
        "About us",
        lambda: publish(s["about"], title="About the Collaborative"),
        "About the Collaborative",
    ),
    # Inlines to pages, and what they show the other way round.
    "event page shows the artworks on display": lambda s: (
        s["meeting"].url,
        "Handover",
        lambda: s["artwork"].unpublish(),
        "A public meeting",
        ["Handover"],
    ),
    "event page lists a resource": lambda s: (
        s["meeting"].url,
        "A paper on burnout",
        lambda: publish(s["paper"], title="A paper on moral injury"),
        "A paper on moral injury",
    ),
    "publication lists a related event": lambda s: (
        s["paper"].url,
        "A public meeting",
        lambda: publish(s["meeting"], title="The autumn meeting"),
        "The autumn meeting",
    ),
    # Many-to-many links and the listings naming them.
    "publication index filters by a topic": lambda s: (
        s["library"].url,
        "Burnout",
        lambda: rename(s["topic"], "Burnout and moral injury"),
        "Burnout and moral injury",
    ),
    "artwork shows its themes": lambda s: (
        s["artwork"].url,
        "Resilience",
        lambda: rename(s["theme"], "Resilience and recovery"),
        "Resilience and recovery",
    ),
    "gallery lists a tour stop and its works": lambda s: (
        s["gallery"].url,
        "Riverside Health",
        lambda: rename(s["stop"], "Riverside Health System", field="host_organization"),
        "Riverside Health System",
    ),
    # Routable sub-pages and breadcrumbs.
    "artist page lists their works": lambda s: (
        f"{s['gallery'].url}artists/{s['artwork'].artist_id}/",
        "Handover",
        lambda: publish(s["artwork"], title="Handover at dawn"),
        "Handover at dawn",
    ),
    "breadcrumbs show an ancestor": lambda s: (
        s["phase"].url,
        "About us",
        lambda: publish(s["about"], title="About the Collaborative"),
        "About the Collaborative",
    ),
    "profile links follow the people page": lambda s: (
        s["group"].url,
        s["people_page"].url + "vera-chair/",
        lambda: s["people_page"].unpublish(),
        "Vera Chair",
        [s["people_page"].url + "vera-chair/"],
    ),
    # What every page shows.
    "the crisis line on every page": lambda s: (
        s["paper"].url,
        "988",
        lambda: rename(
            SiteSettings.objects.get(),
            "Call or text 988, or chat at 988lifeline.org",
            field="crisis_line_message",
        ),
        "chat at 988lifeline.org",
    ),
}


def replace_file(document, name):
    """An editor uploads a new file for the document (a new address and size)."""
    document.file.save(name, ContentFile(write_pdf("The full report", ["Longer text."] * 40)))


def rename_resource(hub, title):
    resource = hub.resources.get()
    resource.title = title
    hub.resources = [resource]
    hub.save_revision().publish()


def drop_authors(page):
    """As the editor does in the admin: remove the author rows, save and publish."""
    page.authors = []
    page.save_revision().publish()


def rename(obj, value, field="name"):
    setattr(obj, field, value)
    obj.save()
    if hasattr(obj, "save_revision") and getattr(obj, "live", False):
        obj.save_revision().publish()  # snippets with drafts go live by publishing


@pytest.mark.parametrize("relation", list(RELATIONS))
def test_a_change_shows_on_the_next_request_wherever_it_is_shown(client, site, relation):
    url, before, change, after, *gone = RELATIONS[relation](site)
    fresh(client, url, before=before, change=change, after=after, gone=gone[0] if gone else ())
