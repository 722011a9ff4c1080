"""The open call: a public submission becomes a draft artwork in the review workflow."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowState

from gallery.models import ArtworkPage, ArtworkSubmission
from gallery.submissions import SUBMISSIONS_USERNAME
from tests.gallery.factories import ArtworkPageFactory, image_bytes, jpeg_with_gps, upload
from tests.helpers import retry_email_later, undelivered_email

pytestmark = pytest.mark.django_db


def submit_url(gallery):
    return gallery.url + "submit/"


def form_data(mediums, **changes):
    data = {
        "title": "Charting at midnight",
        "medium": mediums["photography"].pk,
        "year": "2019",
        "alt_text_1": "A keyboard lit by a monitor in a dark nurses' station.",
        "alt_text_2": "",
        "alt_text_3": "",
        "written_work": "",
        "recording_url": "",
        "recording_transcript": "",
        "recording_captions": "",
        "statement": "The hours after the ward goes quiet are the loudest.",
        "content_warning": "",
        "artist_name": "Priya Raman",
        "profession": "Nurse",
        "place": "Columbus, Ohio",
        "bio": "",
        "email": "priya@example.org",
        "consent_display": "on",
        "consent_rights": "on",
        "website_url": "",
    }
    data.update(changes)
    return data


def post(client, gallery, data, **files):
    return client.post(submit_url(gallery), {**data, **files})


def test_closed_call_says_so_and_refuses_posts(client, gallery, mediums):
    response = client.get(submit_url(gallery))
    assert response.status_code == 200
    html = response.content.decode()
    assert "The call for submissions is closed" in html
    assert '<form method="post"' not in html
    response = post(client, gallery, form_data(mediums), image_1=upload("a.jpg", jpeg_with_gps()))
    assert response.status_code == 403
    assert not ArtworkPage.objects.exists()


def test_call_that_has_not_opened_yet_gives_the_date(client, gallery, open_call):
    open_call.call_opens = timezone.localdate() + datetime.timedelta(days=3)
    open_call.save()
    html = client.get(submit_url(gallery)).content.decode()
    assert "The next call opens on" in html


def test_open_call_shows_an_accessible_form(client, gallery, mediums, themes, open_call):
    html = client.get(submit_url(gallery)).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert '<label for="id_alt_text_1">' in html
    assert "<legend>Themes</legend>" in html


def test_submission_strips_gps_from_original_and_renditions(
    client, gallery, mediums, open_call, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client, gallery, form_data(mediums), image_1=upload("IMG_0042.jpg", jpeg_with_gps())
        )
    assert response.status_code == 302, response.context["form"].errors
    artwork = ArtworkPage.objects.get()
    image = artwork.artwork_images.get().image
    with image.file.open("rb") as stored:
        original = PILImage.open(io.BytesIO(stored.read()))
        assert len(original.getexif()) == 0 and not original.getexif().get_ifd(0x8825)
    for spec in ("format-avif|width-640", "format-webp|width-640", "format-jpeg|width-640"):
        rendition = image.get_rendition(spec)
        with rendition.file.open("rb") as stored:
            made = PILImage.open(io.BytesIO(stored.read()))
            assert len(made.getexif()) == 0, spec
            assert "exif" not in made.info, spec


def test_submission_becomes_a_draft_with_an_artist_and_a_reference(
    client, gallery, mediums, themes, open_call, django_capture_on_commit_callbacks
):
    data = form_data(mediums, themes=[themes["burnout"].pk], content_warning="grief")
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, gallery, data, image_1=upload("night.jpg", image_bytes()))
    assert response.status_code == 302
    artwork = ArtworkPage.objects.get()
    assert not artwork.live
    assert artwork.get_parent().pk == gallery.pk
    assert artwork.artist.name == "Priya Raman"
    assert artwork.artist.profession == "Nurse"
    assert [theme.slug for theme in artwork.themes.all()] == ["burnout"]
    assert artwork.content_warning == "grief"
    assert artwork.owner.username == SUBMISSIONS_USERNAME
    assert not artwork.owner.is_active
    assert not artwork.owner.has_usable_password()
    assert artwork.artwork_images.get().alt_text.startswith("A keyboard lit")
    submission = ArtworkSubmission.objects.get()
    assert submission.artwork == artwork
    assert submission.contact_email == "priya@example.org"
    assert submission.reference in mail.outbox[0].subject
    received = client.get(response["Location"])
    assert submission.reference in received.content.decode()


def test_poem_submission_keeps_the_text(client, gallery, mediums, open_call):
    data = form_data(
        mediums,
        medium=mediums["poetry"].pk,
        alt_text_1="",
        written_work="Nobody asks the night nurse\n  how her night was.",
        anonymous="on",
        artist_name="",
    )
    response = post(client, gallery, data)
    assert response.status_code == 302, response.context["form"].errors
    artwork = ArtworkPage.objects.get()
    assert artwork.written_work.endswith("how her night was.")
    assert artwork.artist_name == "Anonymous"


def test_video_submission_needs_a_transcript(client, gallery, mediums, open_call):
    data = form_data(
        mediums,
        medium=mediums["video"].pk,
        alt_text_1="",
        recording_url="https://vimeo.com/123456",
    )
    response = post(client, gallery, data)
    assert "Add a transcript" in " ".join(response.context["form"].errors["recording_transcript"])
    data["recording_transcript"] = "A resident walks home at dawn."
    response = post(client, gallery, data)
    assert response.status_code == 302
    block = ArtworkPage.objects.get().recording[0]
    assert block.value["transcript"] == "A resident walks home at dawn."


@pytest.mark.parametrize(
    ("files", "changes", "field", "message"),
    [
        ({}, {}, "image_1", "needs at least one image"),
        (
            {"image_1": ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")},
            {},
            "image_1",
            "SVG",
        ),
        (
            {"image_1": ("photo.png", b"<!DOCTYPE html><html><script>x</script></html>")},
            {},
            "image_1",
            "not an image we can read",
        ),
        ({"image_1": ("ok.jpg", None)}, {"alt_text_1": ""}, "alt_text_1", "Describe this image"),
        ({"image_1": ("ok.jpg", None)}, {"consent_display": ""}, "consent_display", "required"),
        ({"image_1": ("ok.jpg", None)}, {"artist_name": ""}, "artist_name", "Anonymous"),
        ({"image_1": ("ok.jpg", None)}, {"email": "nope"}, "email", "valid email"),
    ],
)
def test_invalid_submissions_are_refused_clearly(
    client, gallery, mediums, open_call, files, changes, field, message
):
    uploads = {
        name: upload(filename, content if content is not None else image_bytes())
        for name, (filename, content) in files.items()
    }
    response = post(client, gallery, form_data(mediums, **changes), **uploads)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors[field]), errors
    assert f'id="id_{field}_errors"' in response.content.decode()
    assert not ArtworkPage.objects.exists()
    assert not ArtworkSubmission.objects.exists()


def test_decompression_bomb_is_refused_by_the_form(client, gallery, mediums, open_call, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 5_000
    response = post(
        client,
        gallery,
        form_data(mediums),
        image_1=upload("big.png", image_bytes("PNG", (300, 300))),
    )
    assert response.status_code == 200
    assert "too many pixels" in " ".join(response.context["form"].errors["image_1"])
    assert not ArtworkPage.objects.exists()


def test_honeypot_and_rate_limit(client, gallery, mediums, open_call):
    response = post(
        client, gallery, form_data(mediums, website_url="x"), image_1=upload("a.jpg", image_bytes())
    )
    assert response.status_code == 400
    assert not ArtworkPage.objects.exists()
    # Only submissions that would be saved count: the bot's post above did not.
    for number in range(5):
        post(
            client,
            gallery,
            form_data(mediums, title=f"Work {number}"),
            image_1=upload("a.jpg", image_bytes()),
        )
    response = post(
        client,
        gallery,
        form_data(mediums, title="One too many"),
        image_1=upload("a.jpg", image_bytes()),
    )
    assert response.status_code == 429
    assert ArtworkPage.objects.count() == 5


def test_csrf_is_enforced(gallery, mediums, open_call):
    response = Client(enforce_csrf_checks=True).post(submit_url(gallery), form_data(mediums))
    assert response.status_code == 403


def test_mail_failure_loses_no_submission(
    client, settings, gallery, mediums, open_call, failing_mail, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, gallery, form_data(mediums), image_1=upload("a.jpg", image_bytes()))
    assert response.status_code == 302
    submission = ArtworkSubmission.objects.get()
    assert submission.artwork is not None
    assert undelivered_email().filter(subject__contains=submission.reference).exists()

    retry_email_later(settings)

    assert not undelivered_email().exists()


# Review workflow and visibility --------------------------------------------------------


@pytest.fixture
def review_workflow(gallery):
    """The gallery's review workflow (made by the editorial setup when present)."""
    reviewers, _ = Group.objects.get_or_create(name="Gallery reviewers")
    reviewers.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=reviewers, page=gallery, permission=Permission.objects.get(codename=codename)
        )
    workflow = gallery.get_workflow()
    if workflow is None:
        task = GroupApprovalTask.objects.create(name="Gallery panel approval")
        task.groups.set([reviewers])
        workflow = Workflow.objects.create(name="Gallery panel review")
        workflow.workflow_tasks.create(task=task, sort_order=0)
        from wagtail.models import WorkflowPage

        WorkflowPage.objects.create(workflow=workflow, page=gallery)
    reviewer = get_user_model().objects.create_user("rev", "rev@example.org", "x" * 16)
    reviewer.groups.add(reviewers)
    return workflow, reviewer


def test_submission_enters_review_and_stays_private_until_published(
    client, gallery, mediums, open_call, review_workflow, django_capture_on_commit_callbacks
):
    workflow, reviewer = review_workflow
    title = "Charting at midnight"
    with django_capture_on_commit_callbacks(execute=True):
        post(client, gallery, form_data(mediums), image_1=upload("a.jpg", image_bytes()))
    artwork = ArtworkPage.objects.get()
    state = WorkflowState.objects.get(object_id=str(artwork.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == workflow
    assert state.requested_by.username == SUBMISSIONS_USERNAME
    assert state.current_task_state.revision == artwork.latest_revision

    reviewer_client = Client()
    reviewer_client.force_login(reviewer)
    dashboard = reviewer_client.get("/admin/").content.decode()
    assert title in dashboard
    assert reviewer_client.get(f"/admin/pages/{artwork.pk}/edit/").status_code == 200

    def public_views():
        return {
            "gallery": client.get(gallery.url).content.decode(),
            "search": client.get("/search/", {"query": "Charting"}).content.decode(),
            "sitemap": client.get("/sitemap.xml").content.decode(),
            "api": client.get("/api/v2/pages/", {"search": "Charting"}).content.decode()
            + client.get("/api/v2/pages/", {"type": "gallery.ArtworkPage"}).content.decode(),
        }

    for where, content in public_views().items():
        assert title not in content and artwork.slug not in content, where
    assert client.get(f"/api/v2/pages/{artwork.pk}/").status_code == 404
    assert client.get(f"{gallery.url}{artwork.slug}/").status_code == 404

    artwork.get_latest_revision().publish(user=reviewer)
    artwork.refresh_from_db()
    visible = public_views()
    assert title in visible["gallery"]
    assert artwork.slug == "charting-at-midnight"  # accepted: the reference leaves its address
    assert f"{gallery.url}charting-at-midnight/" in visible["sitemap"]
    assert title in visible["api"]


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"year": "2101"}, "year"),
        ({"year": "99999999999"}, "year"),
        ({"year": str(datetime.date.today().year + 1)}, "year"),
        ({"themes": ["99999999999999999999"]}, "themes"),
        ({"themes": ["1; DROP TABLE"]}, "themes"),
        ({"medium": "99999999999999999999"}, "medium"),
    ],
)
def test_impossible_values_are_form_errors_not_server_errors(
    client, gallery, mediums, open_call, changes, field
):
    data = {**form_data(mediums), **changes}
    response = post(client, gallery, data, image_1=upload("a.jpg", image_bytes()))

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not ArtworkPage.objects.exists()


def test_a_submitted_image_stays_private_until_the_work_is_published(
    client, gallery, mediums, open_call
):
    post(client, gallery, form_data(mediums), image_1=upload("a.jpg", image_bytes()))
    artwork = ArtworkPage.objects.get()
    image = artwork.artwork_images.get().image
    assert client.get("/api/v2/images/").json()["items"] == []
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404

    artwork.get_latest_revision().publish()

    listed = client.get("/api/v2/images/").json()["items"]
    assert [item["id"] for item in listed] == [image.pk]


def test_a_failure_after_the_images_are_stored_leaves_no_file_behind(
    client, gallery, mediums, open_call, settings, monkeypatch
):
    from pathlib import Path

    from gallery.models import ArtworkSubmission

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(ArtworkSubmission.objects, "create", broken)
    client.raise_request_exception = False

    response = post(client, gallery, form_data(mediums), image_1=upload("a.jpg", image_bytes()))

    assert response.status_code == 500
    assert not ArtworkPage.objects.exists()
    originals = Path(settings.MEDIA_ROOT) / "original_images"
    assert not originals.exists() or not any(originals.iterdir())


def test_an_accepted_work_drops_the_reference_from_its_address(
    client, gallery, mediums, open_call, review_workflow
):
    _workflow, reviewer = review_workflow
    post(client, gallery, form_data(mediums), image_1=upload("a.jpg", image_bytes()))
    artwork = ArtworkPage.objects.get()
    reference = artwork.submissions.get().reference
    assert artwork.slug == f"charting-at-midnight-{reference.lower()}"  # a draft keeps it

    ArtworkPageFactory(parent=gallery, title="Charting at midnight", slug="charting-at-midnight")
    artwork.get_latest_revision().publish(user=reviewer)
    artwork.refresh_from_db()

    assert artwork.slug == "charting-at-midnight-2"  # the plain one was taken
    assert client.get(f"{gallery.url}charting-at-midnight-2/").status_code == 200
    assert reference.lower() not in client.get(gallery.url).content.decode()
