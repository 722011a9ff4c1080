import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.models import HomePage

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        Page.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
        get_user_model().objects.count(),
    )


def test_demo_content_builds_the_site_and_running_it_twice_changes_nothing(client):
    call_command("load_demo_content", "--skip-index")
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
