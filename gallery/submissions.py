"""What the gallery's public forms do with what they receive.

Both forms follow the site's rule for public submissions: refuse spam and floods first,
save the submission, and only then tell staff (an email that fails never loses anything).
An open-call submission becomes a draft artwork owned by an inactive "Public submissions"
user and enters the gallery's review workflow when one is assigned.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from core.protection import duplicate_submission, rate_limited
from gallery.forms import ArtworkSubmissionForm, HostingRequestForm
from gallery.models.artworks import ArtworkImage, ArtworkPage
from gallery.models.open_call import ArtworkSubmission, GallerySettings, new_reference
from gallery.models.taxonomy import Artist

SUBMISSIONS_USERNAME = "public-submissions"
SUBMISSIONS_COLLECTION = "Open call submissions"
SESSION_REFERENCE_KEY = "gallery_submission_reference"
SESSION_HOSTING_REFERENCE_KEY = "gallery_hosting_reference"
RATE_LIMIT_MESSAGE = (
    "You have sent several forms in a short time. Please wait an hour and try again, "
    "or write to the Collaborative's staff."
)


def submissions_user():
    """The inactive account that owns and requests review of public submissions."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=SUBMISSIONS_USERNAME,
        defaults={"is_active": False, "first_name": "Public", "last_name": "submissions"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def submissions_collection():
    """Where open-call images wait for the panel: a collection only signed-in staff may see
    (Wagtail's image API and document serving leave it out); an accepted work's images
    move out of it when the work is published (gallery.review)."""
    collection = Collection.objects.filter(name=SUBMISSIONS_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=SUBMISSIONS_COLLECTION)
    CollectionViewRestriction.objects.get_or_create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


# What each form's page tells search engines and sharing services (core.metadata).
FORM_METADATA = {
    "gallery/host_form.html": (
        "Host the traveling gallery",
        "hosting_introduction",
        "Bring Expressions of Clinician Well-Being, the traveling art exhibit, to your "
        "organization: tell us where and when.",
    ),
    "gallery/submit_form.html": (
        "Submit your work",
        "call_introduction",
        "Clinicians, patients and families: submit your art, writing, music or video about "
        "clinician well-being to the gallery's open call.",
    ),
}


def _render_form(page, request, template, form, *, status=200, **extra):
    title, introduction_field, fallback = FORM_METADATA[template]
    response = page.render(
        request,
        with_listing=False,
        template=template,
        context_overrides={
            "form": form,
            "robots_noindex": request.method == "POST",
            "meta_title": title,
            "meta_description": getattr(page, introduction_field) or fallback,
            **extra,
        },
    )
    response.status_code = status
    return response


# Hosting the traveling gallery ---------------------------------------------------------


def handle_hosting_request(page, request):
    template = "gallery/host_form.html"
    if request.method != "POST":
        return _render_form(page, request, template, HostingRequestForm())
    form = HostingRequestForm(request.POST)
    if not form.is_valid():
        return _render_form(page, request, template, form, status=400 if form.is_spam else 200)
    if rate_limited(request, "gallery-hosting", limit=5, window=3600):  # valid requests only
        return _render_form(
            page, request, template, form, status=429, form_error=RATE_LIMIT_MESSAGE
        )
    data = form.cleaned_data
    fingerprint = [
        data["organization"],
        data["email"],
        data["preferred_start"],
        data["preferred_end"],
    ]
    if not duplicate_submission("gallery-hosting", fingerprint, window=3600):
        with transaction.atomic():
            hosting_request = form.save()
            hosting_request.notify_staff()
        # Sent twice (a double click, a second tab): saved once, the first one's reference.
        request.session[SESSION_HOSTING_REFERENCE_KEY] = hosting_request.reference
    return redirect(page.subpage_url("host_thanks"))


# The open call -------------------------------------------------------------------------


def handle_artwork_submission(page, request):
    template = "gallery/submit_form.html"
    gallery_settings = GallerySettings.for_request(request)
    if not gallery_settings.call_is_open():
        status = 403 if request.method == "POST" else 200
        opens = gallery_settings.call_opens
        next_opening = opens if opens and opens > timezone.localdate() else None
        response = _render_form(
            page,
            request,
            template,
            None,
            status=status,
            call_settings=gallery_settings,
            next_opening=next_opening,
        )
        # The call opens by date, not by a publish: never keep the "closed" answer around.
        add_never_cache_headers(response)
        return response
    extra = {"call_settings": gallery_settings}
    if request.method != "POST":
        return _render_form(page, request, template, ArtworkSubmissionForm(), **extra)
    form = ArtworkSubmissionForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_form(
            page, request, template, form, status=400 if form.is_spam else 200, **extra
        )
    if rate_limited(request, "gallery-open-call", limit=5, window=3600):  # valid ones only
        return _render_form(
            page, request, template, form, status=429, form_error=RATE_LIMIT_MESSAGE, **extra
        )
    data = form.cleaned_data
    if duplicate_submission("gallery-open-call", [data["title"], data["email"]], window=3600):
        # Sent twice (a double click, a second tab): saved once, the first one's reference.
        return redirect(page.subpage_url("submission_received"))
    submission = create_submission(page, data)
    request.session[SESSION_REFERENCE_KEY] = submission.reference
    return redirect(page.subpage_url("submission_received"))


def create_submission(gallery, data):
    """Save the artist, images and draft artwork, start its review, and queue the email:
    all of it, or (should any step fail) none of it, files on disk included."""
    stored = []
    try:
        with transaction.atomic():
            return _create_submission(gallery, data, stored)
    except Exception:
        for file in stored:  # the rows went with the transaction; their files go too
            file.storage.delete(file.name)
        raise


def _create_submission(gallery, data, stored):
    user = submissions_user()
    reference = new_reference()
    artist = Artist.objects.create(
        name=data.get("artist_name", "").strip(),
        is_anonymous=bool(data.get("anonymous")),
        profession=data["profession"],
        place=data.get("place", ""),
        bio=data.get("bio", ""),
    )
    Image = get_image_model()
    collection = submissions_collection()
    images = []
    for position, (content, alt_text) in enumerate(data.get("images", [])):
        image = Image(
            title=f"{data['title']} ({reference}, image {position + 1})"[:255],
            collection=collection,
            uploaded_by_user=user,
        )
        image.file.save(content.name, content, save=False)
        stored.append(image.file)
        image.save()
        images.append(ArtworkImage(image=image, alt_text=alt_text, sort_order=position))

    recording = []
    if data.get("recording_url"):
        recording = [
            (
                "recording",
                {
                    "url": data["recording_url"],
                    "title": data["title"],
                    "captions": data.get("recording_captions", ""),
                    "transcript": data.get("recording_transcript", ""),
                },
            )
        ]
    artwork = ArtworkPage(
        title=data["title"],
        slug=f"{slugify(data['title'])[:50] or 'artwork'}-{reference.lower()}",
        live=False,
        owner=user,
        artist=artist,
        medium=data["medium"],
        year=data.get("year"),
        content_warning=data.get("content_warning", ""),
        written_work=data.get("written_work", ""),
        recording=recording,
        statement=data["statement"],
        consent_date=timezone.localdate(),
    )
    artwork.artwork_images = images
    artwork.themes = list(data.get("themes") or [])
    gallery.add_child(instance=artwork)
    artwork.save_revision(user=user, log_action=True)
    workflow = artwork.get_workflow()
    if workflow is not None:
        workflow.start(artwork, user)
    submission = ArtworkSubmission.objects.create(
        reference=reference,
        artwork=artwork,
        artist=artist,
        title=data["title"],
        contact_email=data["email"],
        consent_given_at=timezone.now(),
    )
    submission.notify_staff()
    return submission
