"""A little content for make deploy-check (read by ``manage.py shell``): the home page, a
standard page at /about/, an image with a rendition and a document."""

from core.models import StandardPage
from demo.builder import DemoBuilder

builder = DemoBuilder()
home = builder.home_page()
builder.page(
    home,
    StandardPage,
    "about",
    title="About the Collaborative",
    introduction="What the Collaborative is, who takes part, and the work it does together.",
)
builder.image("Deploy check image", width=640, height=480).get_rendition("width-320")
builder.document("Deploy check document", ["A document that is served by the site only."])
