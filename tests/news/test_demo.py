import pytest
from bs4 import BeautifulSoup

from core.models import SiteSettings
from news.models import NewsIndexPage, NewsPage


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_demo_news_sits_under_home_in_the_menu_with_its_items(demo_site, client):
    index = NewsIndexPage.objects.get(slug="news")
    site_settings = SiteSettings.objects.get()
    menu = [block.value["page"] for block in site_settings.main_navigation]

    assert index.get_parent().specific_class.__name__ == "HomePage"
    assert index.pk in [page.pk for page in menu if page]
    response = client.get(index.url)
    assert response.status_code == 200
    assert "A National Plan for Health Workforce Well-Being" in [
        a.get_text(strip=True) for a in soup(response).select(".news-card h3 a")
    ]
    plan = NewsPage.objects.get(slug="national-plan-for-health-workforce-well-being-released")
    related = soup(client.get(plan.url)).select(".news-item__related a")
    assert [a.get_text() for a in related] == ["National Plan for Health Workforce Well-Being"]


@pytest.mark.django_db
def test_news_demo_twice_changes_nothing(home_page):
    import news.demo
    from demo.builder import DemoBuilder

    news.demo.load(DemoBuilder())
    first = NewsPage.objects.count()
    news.demo.load(DemoBuilder())

    assert first == NewsPage.objects.count() == len(news.demo.NEWS)
    assert NewsPage.objects.live().count() == first
