"""The shared listing: filters, facet counts, sorting and bad input."""

import pytest
from django.test import RequestFactory

from core.listing import ListingFilter, ListingSort, build_listing
from core.models import StandardPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

FILTERS = (ListingFilter("menu", "In menu", "show_in_menus"),)
SORTS = (ListingSort("title", "Title", ("title",)), ListingSort("newest", "Newest", ("-pk",)))


@pytest.fixture
def pages(home_page):
    for number in range(5):
        StandardPageFactory(parent=home_page, title=f"Page {number}", show_in_menus=number < 2)
    return StandardPage.objects.all()


def listing_for(query, items, per_page=2):
    request = RequestFactory().get("/", query)
    return build_listing(request, items, filters=FILTERS, sorts=SORTS, per_page=per_page)


def test_facet_counts_reflect_the_items(pages):
    listing = listing_for({}, pages)
    counts = {option.value: option.count for option in listing.facets[0].options}
    assert counts == {"True": 2, "False": 3}
    assert not listing.is_filtered


def test_filter_narrows_and_marks_the_listing_filtered(pages):
    listing = listing_for({"menu": "True"}, pages)
    assert listing.paginator.count == 2
    assert listing.is_filtered
    assert listing.url_with(page=2) == "?menu=True&page=2"


def test_unknown_filter_value_is_dropped_with_a_notice(pages):
    listing = listing_for({"menu": "maybe\x00"}, pages)
    assert listing.status == 200
    assert listing.paginator.count == 5
    assert "no in menu" in listing.notices[0]


@pytest.mark.parametrize(
    ("page", "status"), [("abc", 400), ("0", 400), ("-1", 400), ("99999", 404)]
)
def test_bad_page_numbers_give_a_clear_status(pages, page, status):
    listing = listing_for({"page": page}, pages)
    assert listing.status == status
    assert listing.error
    assert listing.page is None


def test_unknown_sort_falls_back_to_default(pages):
    listing = listing_for({"sort": "sideways"}, pages)
    assert listing.sort == "title"
    assert listing.notices
    assert [page.title for page in listing.page] == ["Page 0", "Page 1"]
