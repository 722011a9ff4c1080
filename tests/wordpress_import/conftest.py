"""What the WordPress import's tests share: the fixture export, a copy of its uploads, and
running the command."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from demo.builder import draw_abstract, write_pdf
from tests.news.factories import NewsIndexPageFactory

FIXTURE = Path(__file__).with_name("collaborative.wxr")


@pytest.fixture
def uploads(tmp_path):
    """A local copy of wp-content/uploads holding the image and the agenda, not the
    missing photo."""
    root = tmp_path / "uploads"
    (root / "2019/10").mkdir(parents=True)
    (root / "2018/05").mkdir(parents=True)
    (root / "2019/10/exhibit.png").write_bytes(draw_abstract("exhibit", 400, 300))
    (root / "2018/05/meeting-3-agenda.pdf").write_bytes(
        write_pdf("Meeting 3 agenda", ["Welcome and opening remarks."])
    )
    return root


def run(*args, **options):
    out = io.StringIO()
    call_command("import_wordpress", *args, stdout=out, **options)
    return out.getvalue()


def imported(home_page, uploads, *extra):
    NewsIndexPageFactory(parent=home_page)
    return run(str(FIXTURE), "--uploads", str(uploads), *extra)
