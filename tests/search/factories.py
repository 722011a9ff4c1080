"""Pages to search: standard pages (always present) under the test home page."""

from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory


def standard_page(parent, title, introduction="", body_text="", **kwargs):
    body = [{"type": "rich_text", "value": f"<p>{body_text}</p>"}] if body_text else []
    return StandardPageFactory(
        parent=parent, title=title, introduction=introduction, body=body, **kwargs
    )


def draft_page(parent, title, introduction=""):
    page = standard_page(parent, title, introduction)
    page.unpublish()
    return page


def private_page(parent, title, introduction="", restriction_type=PageViewRestriction.LOGIN):
    page = standard_page(parent, title, introduction)
    options = {"password": "s3cret-password"} if restriction_type == "password" else {}
    PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **options)
    return page
