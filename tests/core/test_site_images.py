"""The site's image tags: Wagtail's output, with each filter spec parsed once per process."""

import pytest
from django.template import Context, Template, TemplateSyntaxError

from core.templatetags.site_images import parsed_filters
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

TAGS = {
    "image": "max-200x100",
    "srcset_image": "width-{200,400} sizes='50vw'",
    "picture": "format-{avif,webp,jpeg} fill-{40x30,80x60}",
}


def render(library, tag, image):
    template = Template(f"{{% load {library} %}}{{% {tag} image {TAGS[tag]} alt='Shapes' %}}")
    return template.render(Context({"image": image}))


@pytest.mark.parametrize("tag", TAGS)
def test_each_tag_renders_what_wagtails_own_tag_renders(tag):
    image = ImageFactory(width=800, height=600)

    ours = render("site_images", tag, image)

    assert ours == render("wagtailimages_tags", tag, image)
    assert 'alt="Shapes"' in ours


def test_a_spec_is_parsed_once_and_its_filters_reused():
    image = ImageFactory(width=800, height=600)
    parsed_filters.cache_clear()

    for _ in range(3):
        html = render("site_images", "picture", image)

    info = parsed_filters.cache_info()
    assert (info.misses, info.hits) == (1, 2)
    assert html.count("<source") == 2  # AVIF and WebP, with the JPEG as the <img>
    assert "80w" in html


def test_a_bad_spec_is_refused_when_the_template_is_compiled_as_wagtail_does():
    with pytest.raises(TemplateSyntaxError, match="filter specs"):
        Template("{% load site_images %}{% picture image fill-<script> %}")
