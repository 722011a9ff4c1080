from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.models import HomePage


def snapshot():
    return (
        Page.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
        get_user_model().objects.count(),
    )


def test_demo_content_builds_the_site_and_running_it_twice_changes_nothing(demo_site, client):
    first = snapshot()
    call_command("load_demo_content", "--skip-index")

    assert snapshot() == first
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    html = client.get("/").content.decode()
    assert "more than 200 organizations" in html
    assert client.get("/about/").status_code == 200
    assert (
        get_user_model().objects.filter(username__in=["editor", "moderator", "reviewer"]).count()
        == 3
    )


def test_no_visitor_ever_waits_for_a_rendition_on_the_demo_site(demo_site, client):
    """After the demo is published, crawling every page (and every page of every listing)
    creates no rendition: they were all made at publish time."""
    import re
    from urllib.parse import urlsplit

    renditions = get_image_model().get_rendition_model().objects
    before = renditions.count()
    assert before > 0

    sitemap = client.get("/sitemap.xml").content.decode()
    queue = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    seen = set()
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        for query in re.findall(r'href="(\?[^"]*)"[^>]*rel="next"', response.content.decode()):
            queue.append(url.split("?")[0] + query.replace("&amp;", "&"))

    assert len(seen) > 50
    assert any("page=2" in url for url in seen)  # listings were followed page by page
    assert renditions.count() == before
