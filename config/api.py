"""Wagtail's read-only API (v2): live, public pages, and the images and documents of
collections visitors may see. Odd input gets a 400 with a message, never a server error."""

import re

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

# Far beyond any listing here, far below what a database column can hold.
LARGEST_OFFSET = 1_000_000
WORDS = re.compile(r"\w+")


class WordsOnlySearchFilter(SearchFilter):
    """Wagtail's ``?search=``, given only the words of what was typed: quotes, operators,
    control characters and full-text syntax are never handed to the database as syntax."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        words = WORDS.findall(request.GET["search"])[:20]
        if not words:
            raise BadRequestError("search needs at least one word or number")
        if request.GET.get("search_operator", "and") not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        request.GET = request.GET.copy()
        request.GET["search"] = " ".join(words)
        return super().filter_queryset(request, queryset, view)


class CheckedParameters:
    """The checks Wagtail's endpoints leave to the database: offsets it cannot hold."""

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        offset = self.request.GET.get("offset", "0").strip()
        if offset.isdigit() and int(offset) > LARGEST_OFFSET:
            raise BadRequestError(f"offset must be at most {LARGEST_OFFSET}")

    @classmethod
    def search_filter_instead(cls, filter_backends):
        return [
            WordsOnlySearchFilter if backend is SearchFilter else backend
            for backend in filter_backends
        ]


class PublicPagesAPIViewSet(CheckedParameters, PagesAPIViewSet):
    filter_backends = CheckedParameters.search_filter_instead(PagesAPIViewSet.filter_backends)

    def get_base_queryset(self):
        # Wagtail already limits to live pages; make "public" explicit for private sections.
        return super().get_base_queryset().live().public()


class PublicImagesAPIViewSet(CheckedParameters, ImagesAPIViewSet):
    """Images of collections visitors may see (open-call submissions are in a private one
    until the panel accepts the work), without links to the original files: pages show
    renditions, never originals."""

    filter_backends = CheckedParameters.search_filter_instead(ImagesAPIViewSet.filter_backends)
    meta_fields = [field for field in ImagesAPIViewSet.meta_fields if field != "download_url"]
    listing_default_fields = [
        field for field in ImagesAPIViewSet.listing_default_fields if field != "download_url"
    ]
    nested_default_fields = [
        field for field in ImagesAPIViewSet.nested_default_fields if field != "download_url"
    ]


class PublicDocumentsAPIViewSet(CheckedParameters, DocumentsAPIViewSet):
    filter_backends = CheckedParameters.search_filter_instead(DocumentsAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
