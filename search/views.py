"""The site-wide search page and its suggestions endpoint: they render what the search
service (search.service) and the engine answer."""

from django.db.models import Q
from django.http import JsonResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from search import engine, service
from search.analytics import CountedResponse, record_after_response
from search.query import MAX_QUERY_LENGTH, clean_query, tokenize

SUGGESTIONS = 8
MIN_SUGGESTION_LENGTH = 2


def no_store(response):
    response["Cache-Control"] = "private, no-store"
    return response


def search(request):
    outcome = service.search(
        request.GET.get("q", ""),
        filters={param: request.GET.get(param, "") for param in service.FILTER_PARAMS},
        page=request.GET.get("page", ""),
        request=request,
    )
    context = {
        **outcome.context(),
        "robots_noindex": True,
        "suggest_url": suggestions_url(),
        "max_query_length": MAX_QUERY_LENGTH,
    }
    response = no_store(
        CountedResponse(request, "search/search.html", context, status=outcome.status)
    )
    if outcome.should_record:
        record_after_response(response, outcome.typed_query, outcome.counted)
    return response


def suggestions_url():
    try:
        return reverse("search_suggestions")
    except NoReverseMatch:
        return ""


def suggest(request):
    """Titles that start with (or contain a word starting with) what the visitor typed."""
    query, _ = clean_query(request.GET.get("q", ""))
    words = " ".join(piece for token in tokenize(query) for piece in token.split("-") if piece)
    suggestions = []
    if len(words) >= MIN_SUGGESTION_LENGTH:
        suggestions = [
            {
                "title": page.title,
                "url": page.get_url(request),
                "type": engine.result_type(page.specific_class),
            }
            for page in suggested_pages(words[:100])
        ]
    return no_store(JsonResponse({"query": query, "suggestions": suggestions}))


def suggested_pages(words):
    """Wagtail's autocomplete first, then titles starting with the words; both always run,
    so the cost of a suggestion does not depend on how many pages match."""
    paths = engine.private_paths()

    def autocomplete(backend):
        return list(backend.autocomplete(words, engine.searchable_pages(paths))[:SUGGESTIONS])

    try:
        found, _, _ = engine.with_fallback(autocomplete)
    except NotImplementedError:
        found = []
    by_title = list(
        engine.searchable_pages(paths)
        .filter(Q(title__istartswith=words) | Q(title__icontains=" " + words))
        .order_by("title")[:SUGGESTIONS]
    )
    now = timezone.now()
    seen = set()
    pages = []
    for page in found + by_title:
        if page.pk not in seen and not engine.is_expired(page, now):
            seen.add(page.pk)
            pages.append(page)
    # A title starting with the words reads as the best suggestion.
    pages.sort(key=lambda page: not page.title.lower().startswith(words.lower()))
    return pages[:SUGGESTIONS]
