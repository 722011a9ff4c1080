import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from search.models import SearchSynonym
from tests.factories import StandardPageFactory
from tests.helpers import assert_constant_queries
from tests.search.factories import draft_page, private_page, standard_page

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response):
    return [link.get_text(strip=True) for link in soup(response).select(".search-result__title a")]


def count_text(response):
    return soup(response).select_one(".search-count").get_text(" ", strip=True)


def test_results_show_type_title_highlighted_snippet_and_section(client, home_page):
    section = standard_page(home_page, "Resources", "Tools and guides.")
    standard_page(
        section,
        "Nurse suicide prevention",
        "Evidence on preventing suicide among nurses, and what hospitals can do.",
    )

    response = client.get("/search/?q=nurse+suicide")

    assert response.status_code == 200
    page = soup(response)
    result = page.select_one(".search-result")
    assert result.select_one(".search-result__type").get_text() == "Page"
    assert result.select_one(".search-result__title a")["href"] == (
        "/resources/nurse-suicide-prevention/"
    )
    marks = [mark.get_text() for mark in result.select(".search-result__snippet mark")]
    assert "suicide" in marks and "nurses" in marks
    assert result.select_one(".search-result__section a").get_text() == "Resources"
    assert count_text(response) == "1 result for “nurse suicide”"


def test_snippet_comes_from_indexed_body_when_the_summary_lacks_the_words(client, home_page):
    standard_page(
        home_page,
        "Annual meeting",
        "A day of talks.",
        "The afternoon session covered documentation burden in the electronic record.",
    )

    response = client.get("/search/?q=documentation+burden")

    snippet = soup(response).select_one(".search-result__snippet")
    assert "documentation" in [mark.get_text() for mark in snippet.select("mark")]
    assert "afternoon session" in snippet.get_text()


def test_snippet_text_is_escaped(client, home_page):
    standard_page(home_page, "Escaping", "Burnout <script>alert(1)</script> & more")

    response = client.get("/search/?q=burnout")

    assert b"<script>alert(1)" not in response.content
    assert b"&lt;script&gt;" in response.content


def test_empty_search_shows_only_the_form(client, home_page):
    response = client.get("/search/")

    assert response.status_code == 200
    assert soup(response).select_one("#search-page-input") is not None
    assert not soup(response).select(".search-result")


def test_search_and_suggestions_are_never_cached(client, home_page):
    assert client.get("/search/?q=x")["Cache-Control"] == "private, no-store"
    assert client.get("/search/suggest/?q=xy")["Cache-Control"] == "private, no-store"


def test_search_page_is_not_indexed_by_robots(client, home_page):
    response = client.get("/search/?q=anything")
    assert soup(response).select_one('meta[name="robots"]')["content"] == "noindex, follow"


# Only public content ------------------------------------------------------------------


def test_token_only_in_hidden_pages_never_appears_in_results_or_suggestions(client, home_page):
    draft_page(home_page, "Zanzibarian draft", "zanzibarian secret")
    private_page(home_page, "Zanzibarian private", "zanzibarian secret")
    private_page(
        home_page,
        "Zanzibarian password",
        "zanzibarian secret",
        restriction_type=PageViewRestriction.PASSWORD,
    )
    restricted = standard_page(home_page, "Members area", "For members.")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    standard_page(restricted, "Zanzibarian child of private", "zanzibarian secret")
    expired = standard_page(home_page, "Zanzibarian expired", "zanzibarian secret")
    expired.expire_at = timezone.now() - datetime.timedelta(days=1)
    expired.save()

    response = client.get("/search/?q=zanzibarian")
    assert response.status_code == 200
    assert result_titles(response) == []
    assert "zanzibarian secret" not in response.content.decode()

    suggestions = client.get("/search/suggest/?q=zanzib").json()["suggestions"]
    assert suggestions == []
    # Nor do hidden titles feed the spelling suggestions.
    response = client.get("/search/?q=zanzibarien")
    assert "Did you mean" not in response.content.decode()


def test_unpublishing_a_page_removes_it_from_results(client, home_page):
    page = standard_page(home_page, "Resilience toolkit", "Tools")
    assert result_titles(client.get("/search/?q=resilience")) == ["Resilience toolkit"]

    page.unpublish()

    assert result_titles(client.get("/search/?q=resilience")) == []


# Facets -------------------------------------------------------------------------------


def make_dated(home_page, title, year, **kwargs):
    page = standard_page(home_page, title, **kwargs)
    page.first_published_at = datetime.datetime(year, 6, 1, tzinfo=datetime.UTC)
    page.save()
    return page


def facet_counts(response, param):
    counts = {}
    for link in soup(response).select(f'ul[aria-labelledby="facet-{param}"] a'):
        match = re.match(r"(.*) \((\d+)\)", link.get_text(" ", strip=True).split(",")[0])
        counts[match.group(1)] = int(match.group(2))
    return counts


def test_facet_counts_equal_the_results_in_each_bucket(client, home_page):
    home_page.hero_text = "Resilience for every clinician"
    home_page.save_revision().publish()
    for index in range(3):
        make_dated(home_page, f"Resilience 2019 number {index}", 2019)
    for index in range(2):
        make_dated(home_page, f"Resilience 2023 number {index}", 2023)
    make_dated(home_page, "Unrelated 2023", 2023)

    response = client.get("/search/?q=resilience")

    types = facet_counts(response, "type")
    years = facet_counts(response, "year")
    # The home page matches too, but a listing is no result when content matches.
    assert types == {"Pages": 5}
    assert years["2019"] == 3 and years["2023"] == 2
    for label, count in years.items():
        filtered = client.get(f"/search/?q=resilience&year={label}")
        assert len(result_titles(filtered)) == count
        assert count_text(filtered).startswith(f"{count} result")
    filtered = client.get("/search/?q=resilience&type=pages")
    assert len(result_titles(filtered)) == 5
    # Filters combine, and each facet counts within the other filters.
    combined = client.get("/search/?q=resilience&type=pages&year=2023")
    assert sorted(result_titles(combined)) == [
        "Resilience 2023 number 0",
        "Resilience 2023 number 1",
    ]
    assert facet_counts(combined, "type") == {"Pages": 2}


def test_unknown_facet_values_are_dropped_with_a_notice(client, home_page):
    standard_page(home_page, "Resilience guide")

    for params in ("type=nonsense", "year=abc", "year=3025", "topic=no-such-topic", "type=%00"):
        response = client.get(f"/search/?q=resilience&{params}")
        assert response.status_code == 200, params
        assert "so that filter was left out" in response.content.decode(), params
        assert result_titles(response) == ["Resilience guide"], params


def test_year_filter_with_no_matches_says_so(client, home_page):
    make_dated(home_page, "Resilience guide", 2020)

    response = client.get("/search/?q=resilience&year=2011")

    assert response.status_code == 200
    assert result_titles(response) == []
    assert "Nothing found with these filters" in response.content.decode()


# Promotions ---------------------------------------------------------------------------


def test_promoted_results_come_first_and_are_not_repeated(client, home_page):
    for index in range(3):
        standard_page(home_page, f"Burnout study {index}", "burnout")
    plan = standard_page(home_page, "National plan", "The plan for health workforce")
    also_matching = standard_page(home_page, "Burnout national plan summary", "burnout")
    query = Query.get("burnout")
    SearchPromotion.objects.create(query=query, page=plan, sort_order=0, description="The plan")
    SearchPromotion.objects.create(query=query, page=also_matching, sort_order=1)
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://nam.edu/burnout",
        external_link_text="NAM burnout resources",
        sort_order=2,
    )

    response = client.get("/search/?q=Burnout")

    titles = result_titles(response)
    assert titles[:2] == ["National plan", "Burnout national plan summary"]
    assert len(titles) == len(set(titles)) == 5
    assert "Recommended" in soup(response).select(".search-result")[0].get_text()
    assert "NAM burnout resources" in response.content.decode()


def test_promotion_of_a_draft_page_is_not_shown(client, home_page):
    hidden = draft_page(home_page, "Hidden plan")
    standard_page(home_page, "Burnout study")
    SearchPromotion.objects.create(query=Query.get("burnout"), page=hidden, sort_order=0)

    assert result_titles(client.get("/search/?q=burnout")) == ["Burnout study"]


# Relevance ----------------------------------------------------------------------------


@pytest.fixture
def wellbeing_pages(home_page):
    target = standard_page(
        home_page, "National plan for health workforce well-being", "A national plan."
    )
    standard_page(home_page, "Gallery opening", "Art by clinicians.")
    standard_page(home_page, "EHR documentation burden", "Electronic records and clinicians.")
    standard_page(home_page, "Reducing electronic health record burden", "How teams cut clicks.")
    standard_page(home_page, "Physician assistants and burnout", "PA perspectives.")
    standard_page(home_page, "Team-based care", "Care delivered by teams of clinicians.")
    return target


@pytest.mark.parametrize("query", ["well-being", "wellbeing", "well being", "Well-Being"])
def test_hyphen_variants_find_the_publication(client, wellbeing_pages, query):
    titles = result_titles(client.get("/search/", {"q": query}))
    assert wellbeing_pages.title in titles[:3]


def test_hyphen_variants_match_content_written_without_hyphen(client, home_page):
    standard_page(home_page, "Wellbeing at work", "Staff wellbeing")
    for query in ("well-being", "well being"):
        assert "Wellbeing at work" in result_titles(client.get("/search/", {"q": query}))


def test_editor_synonyms_apply_to_queries(client, wellbeing_pages):
    SearchSynonym.objects.create(terms="EHR\nelectronic health record")
    SearchSynonym.objects.create(terms="PA\nphysician assistant")

    ehr = result_titles(client.get("/search/?q=EHR"))
    assert set(ehr[:3]) >= {"EHR documentation burden", "Reducing electronic health record burden"}
    full = result_titles(client.get("/search/?q=electronic+health+record"))
    assert "EHR documentation burden" in full[:3]
    assert "Physician assistants and burnout" in result_titles(client.get("/search/?q=pa"))[:3]


def test_plural_and_stem_find_the_singular(client, wellbeing_pages):
    assert (
        "National plan for health workforce well-being"
        in result_titles(client.get("/search/?q=national+plans"))[:3]
    )
    assert "Team-based care" in result_titles(client.get("/search/?q=team+based"))[:3]


def test_title_matches_rank_above_body_matches(client, home_page):
    standard_page(home_page, "Annual report", "Mentions resilience once in passing.")
    standard_page(home_page, "Resilience", "A page about it.")

    assert result_titles(client.get("/search/?q=resilience"))[0] == "Resilience"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigram typo tolerance is PostgreSQL only"
)
def test_one_letter_typo_finds_the_publication_on_postgresql(client, wellbeing_pages):
    titles = result_titles(client.get("/search/?q=workforse"))
    assert "National plan for health workforce well-being" in titles[:3]


def test_misspelt_query_still_finds_the_page(client, home_page):
    standard_page(home_page, "Resilience toolkit")

    response = client.get("/search/?q=resilense+toolkitt")

    assert response.status_code == 200
    assert result_titles(response) == ["Resilience toolkit"]
    text = response.content.decode()
    assert "Nothing matched “resilense toolkitt”" in text
    assert "results for “resilience toolkit”" in text
    assert soup(response).select_one("#search-page-input")["value"] == "resilience toolkit"


def test_two_words_run_together_are_read_apart(client, home_page):
    standard_page(home_page, "Implementing team-based care", "Burnout in care teams.")

    response = client.get("/search/?q=teambased+care")

    assert result_titles(response) == ["Implementing team-based care"]
    assert "results for “team based care”" in response.content.decode()


def test_a_word_that_titles_share_with_names_does_not_stop_a_correction(client, home_page):
    """Words such as "Care" and "Health" are in organizations' names and in titles too: a
    query holding them is still corrected. A word found only in names ("Dzau") stops it."""
    from search import engine
    from search.query import parse_query, spelling_suggestion
    from tests.community.factories import NetworkOrganizationFactory, PersonFactory

    standard_page(home_page, "Resilience in primary care")
    NetworkOrganizationFactory(name="Alliance for Primary Care")
    PersonFactory(name="Victor Dzau", slug="victor-dzau")
    names = engine.snippet_models()

    assert spelling_suggestion(parse_query("resilense care"), None, names) == "resilience care"
    assert spelling_suggestion(parse_query("dzau resilense"), None, names) == ""
    response = client.get("/search/?q=primary+care+resilense")
    assert result_titles(response)[0] == "Resilience in primary care"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigram typo tolerance is PostgreSQL only"
)
def test_typo_in_a_word_found_only_in_body_text_uses_trigram_similarity(client, home_page):
    standard_page(home_page, "Annual report", "Moral injury among surgeons.")

    response = client.get("/search/?q=surgeonss")

    assert result_titles(response) == ["Annual report"]
    assert "these are the closest matches" in response.content.decode()


def test_a_query_matching_nothing_links_to_the_main_listings(client, home_page):
    standard_page(home_page, "Resilience toolkit")

    response = client.get("/search/?q=qqqzzzxxx")

    assert response.status_code == 200
    assert result_titles(response) == []
    assert soup(response).select_one(".search-empty__listings a[href='/']") is not None


@pytest.mark.skipif(
    connection.vendor == "postgresql", reason="PostgreSQL finds close matches itself"
)
def test_a_query_matching_nothing_offers_did_you_mean(client, home_page):
    standard_page(home_page, "Resilience toolkit")

    response = client.get("/search/?q=resilense+zebraq")

    suggestion = soup(response).select_one(".search-empty__suggestion a")
    assert suggestion.get_text() == "resilience zebraq"
    assert suggestion["href"] == "?q=resilience%20zebraq"


def test_spelling_suggestions_come_from_live_titles_and_synonyms(home_page):
    from search.query import parse_query, spelling_suggestion

    standard_page(home_page, "Resilience toolkit")
    SearchSynonym.objects.create(terms="EHR\nelectronic health record")

    assert spelling_suggestion(parse_query("resilense toolkitt")) == "resilience toolkit"
    assert spelling_suggestion(parse_query("electronc helth")) == "electronic health"
    assert spelling_suggestion(parse_query("resilience")) == ""


def test_what_spelling_suggestions_know_follows_every_change_at_once(home_page):
    """Titles, names and synonyms are kept under the content generation, which the one
    invalidation path renews on every change: no signal of search's own forgets them."""
    from search.query import parse_query, spelling_suggestion, synonym_groups

    page = standard_page(home_page, "Resilience toolkit")
    assert spelling_suggestion(parse_query("resilense")) == "resilience"
    assert synonym_groups() == []

    standard_page(home_page, "Moral injury")
    synonym = SearchSynonym.objects.create(terms="EHR\nelectronic health record")
    page.unpublish()

    assert spelling_suggestion(parse_query("morral injuri")) == "moral injury"
    assert spelling_suggestion(parse_query("resilense")) == ""
    assert synonym_groups() == [[("ehr",), ("electronic", "health", "record")]]
    synonym.delete()
    assert synonym_groups() == []


def test_some_words_matching_is_better_than_nothing(client, home_page):
    standard_page(home_page, "Resilience toolkit")

    response = client.get("/search/?q=resilience+zebra")

    assert result_titles(response) == ["Resilience toolkit"]
    text = response.content.decode()
    assert "No page has all of your words" in text or "the closest matches" in text


# Paging and bad input -----------------------------------------------------------------


def test_ten_results_per_page(client, home_page):
    for index in range(12):
        standard_page(home_page, f"Resilience item {index}")

    first = client.get("/search/?q=resilience")
    second = client.get("/search/?q=resilience&page=2")

    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 2
    assert count_text(first) == "12 results for “resilience” · page 1 of 2"
    assert soup(first).select_one('.pagination a[rel="next"]')["href"] == ("?q=resilience&page=2")


BAD_QUERIES = [
    "",
    "   ",
    "x" * 5000,
    "burnout\x00nurse",
    "\x01\x02\x1f\x7f",
    '"unbalanced quote',
    "it's 'single",
    "title:x AND (",
    "burnout OR (nurse AND",
    "NOT NOT",
    "*",
    "?~^2",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "😀🩺",
    "😀 burnout 🩺",
    "الرفاهية الصحية",
    "בריאות",
    "\u202eburnout",
    "%",
    "_",
    "\\",
    "a" * 200 + " b",
    "nurse -suicide +plan",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_give_a_normal_page(client, home_page, query):
    standard_page(home_page, "Burnout nurse plan", "burnout")

    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    assert b"<script>alert(1)" not in response.content


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_give_suggestions_json(client, home_page, query):
    response = client.get("/search/suggest/", {"q": query})

    assert response.status_code == 200
    assert "suggestions" in response.json()


def test_very_long_queries_are_cut_with_a_notice(client, home_page):
    response = client.get("/search/", {"q": "burnout " * 1000})

    assert response.status_code == 200
    assert "only its first 200 characters were used" in response.content.decode()
    assert len(soup(response).select_one("#search-page-input")["value"]) <= 200


def test_a_query_of_symbols_only_explains_what_to_type(client, home_page):
    response = client.get("/search/", {"q": "😀 !!! ???"})

    assert response.status_code == 200
    assert "Searches need at least one letter or number" in response.content.decode()


@pytest.mark.parametrize(
    ("page", "status", "message"),
    [
        ("abc", 400, "Page numbers are whole numbers starting at 1."),
        ("-1", 400, "Page numbers are whole numbers starting at 1."),
        ("0", 400, "Page numbers are whole numbers starting at 1."),
        ("1.5", 400, "Page numbers are whole numbers starting at 1."),
        ("99999", 404, "There is no page 99999: this search has"),
        ("9" * 50, 404, "There is no page"),
    ],
)
def test_bad_page_numbers_give_a_clear_message(client, home_page, page, status, message):
    standard_page(home_page, "Burnout nurse plan")

    response = client.get("/search/", {"q": "burnout", "page": page})

    assert response.status_code == status
    assert message in response.content.decode()
    assert soup(response).select_one('[role="alert"] a')["href"] == "?q=burnout"


# Queries ------------------------------------------------------------------------------


@pytest.fixture
def queued_tasks(settings):
    """Background tasks queued, not run in the request, as a worker queue does in production:
    the search page's own queries are what is counted (recording a search is a task)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_search_page_queries_do_not_grow_with_results(client, home_page, queued_tasks):
    section = standard_page(home_page, "Resources")
    for index in range(3):
        standard_page(section, f"Resilience {index}", "resilience summary")
    SearchPromotion.objects.create(
        query=Query.get("resilience"), page=standard_page(home_page, "Promoted"), sort_order=0
    )

    def grow():
        for index in range(20):
            StandardPageFactory(parent=section, title=f"More resilience {index}")

    assert_constant_queries(client, "/search/?q=resilience", grow, at_most=15)


def test_filtered_search_queries_do_not_grow_with_results(client, home_page, queued_tasks):
    for index in range(3):
        make_dated(home_page, f"Resilience {index}", 2020)

    def grow():
        for index in range(15):
            make_dated(home_page, f"More resilience {index}", 2020 + index % 3)

    assert_constant_queries(client, "/search/?q=resilience&year=2020&page=1", grow, at_most=15)


def test_suggestion_queries_do_not_grow_with_results(client, home_page):
    for index in range(2):
        standard_page(home_page, f"Resilience {index}")

    def grow():
        for index in range(12):
            standard_page(home_page, f"Resilience more {index}")

    assert_constant_queries(client, "/search/suggest/?q=resil", grow, at_most=8)


def test_corrected_search_stays_within_the_query_budget(client, home_page, queued_tasks):
    for index in range(3):
        standard_page(home_page, f"Resilience documentation {index}", "Burden")

    def grow():
        for index in range(12):
            standard_page(home_page, f"Resilience documentation guide {index}")

    assert_constant_queries(client, "/search/?q=resilense+documentaton", grow, at_most=15)


def test_result_cards_follow_a_new_publication_of_the_page(client, home_page):
    page = standard_page(home_page, "Resilience toolkit", "First summary about resilience.")
    assert "First summary" in client.get("/search/?q=resilience").content.decode()

    page.introduction = "Second summary about resilience."
    page.save_revision().publish()

    assert "Second summary" in client.get("/search/?q=resilience").content.decode()
