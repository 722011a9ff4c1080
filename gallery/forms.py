"""The gallery's two public forms: hosting the traveling exhibit and the open call."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.images import TYPE_HELP, sanitize_image
from core.protection import ModelChoiceField, ModelMultipleChoiceField, PublicFormMixin
from gallery.models.taxonomy import Medium, Theme
from gallery.models.tour import HostingRequest

IMAGE_SLOTS = 3


class HoneypotTemplateMixin:
    """The shared honeypot widget's template lives in site/templates, which Django's
    default form renderer does not search; templates include it with this context."""

    @property
    def honeypot_widget(self):
        field = self["website_url"]
        return {"name": field.html_name, "attrs": {"id": field.auto_id}}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class HostingRequestForm(HoneypotTemplateMixin, PublicFormMixin, forms.ModelForm):
    class Meta:
        model = HostingRequest
        fields = HostingRequest.PUBLIC_FIELDS
        labels = {
            "organization": "Organization",
            "contact_name": "Your name",
            "email": "Email address",
            "phone": "Phone (optional)",
            "preferred_start": "First day of the showing",
            "preferred_end": "Last day of the showing",
            "audience": "Venue and audience",
            "space_notes": "Space (optional)",
            "security_notes": "Security (optional)",
        }
        help_texts = {
            "audience": "The event or setting, who would see the works and roughly how many.",
            "space_notes": "Walls, easels or screens available, lighting, how long works can hang.",
            "security_notes": "Who can reach the space, and how it is locked after hours.",
        }
        widgets = {
            "preferred_start": DateInput(),
            "preferred_end": DateInput(),
            "audience": forms.Textarea(attrs={"rows": 4}),
            "space_notes": forms.Textarea(attrs={"rows": 3}),
            "security_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["organization"].widget.attrs["autocomplete"] = "organization"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"

    def clean_preferred_start(self):
        start = self.cleaned_data["preferred_start"]
        if start < timezone.localdate():
            raise ValidationError("The first day is in the past; choose a date from today on.")
        return start

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("preferred_start"), cleaned.get("preferred_end")
        if start and end and end < start:
            self.add_error("preferred_end", "The last day must be on or after the first day.")
        return cleaned


class ArtworkSubmissionForm(HoneypotTemplateMixin, PublicFormMixin, forms.Form):
    """One work for the open call. What it must include depends on its medium."""

    title = forms.CharField(max_length=255, label="Title of the work")
    medium = ModelChoiceField(queryset=Medium.objects.all(), empty_label="Choose a medium")
    themes = ModelMultipleChoiceField(
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose any that fit.",
    )
    year = forms.IntegerField(
        required=False,
        min_value=1900,
        max_value=2100,
        label="Year made (optional)",
        help_text="For example 2019.",
    )
    written_work = forms.CharField(
        required=False,
        label="Text of the work",
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="For poetry and prose: paste the full text. Line breaks are kept.",
    )
    recording_url = forms.URLField(
        required=False,
        assume_scheme="https",
        label="Address of the recording",
        help_text="For music and video: a link to the recording (YouTube, Vimeo, SoundCloud…).",
    )
    recording_transcript = forms.CharField(
        required=False,
        label="Transcript of the recording",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Required with a recording, so that everyone can follow it.",
    )
    recording_captions = forms.CharField(
        required=False,
        label="Captions (optional)",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="WebVTT or plain text, if the recording has no captions of its own.",
    )
    statement = forms.CharField(
        label="Artist statement",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What inspired the work and what you hope people take from it.",
    )
    content_warning = forms.CharField(
        required=False,
        max_length=200,
        label="Content warning (optional)",
        help_text="For example “suicide, grief”. Visitors see it before the work.",
    )
    artist_name = forms.CharField(required=False, max_length=150, label="Your name")
    anonymous = forms.BooleanField(
        required=False,
        label="Show my work as by “Anonymous”",
        help_text="Staff will still know your name; the public will not.",
    )
    profession = forms.CharField(
        max_length=100,
        label="Profession or role",
        help_text="For example nurse, physician, pharmacist, student, family member, patient.",
    )
    place = forms.CharField(
        required=False,
        max_length=100,
        label="Where you live (optional)",
        help_text="City and state.",
    )
    bio = forms.CharField(
        required=False,
        max_length=1500,
        label="A short biography (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    email = forms.EmailField(
        label="Email address", help_text="Only staff see it; we write to you about your work."
    )
    consent_display = forms.BooleanField(
        label="I agree that the National Academy of Medicine may display this work online and "
        "at showings of the traveling gallery."
    )
    consent_rights = forms.BooleanField(
        label="I made this work, or have the right to share it, and anyone recognizable in it "
        "agreed to be shown."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for slot in range(1, IMAGE_SLOTS + 1):
            first = slot == 1
            self.fields[f"image_{slot}"] = forms.FileField(
                required=False,
                label="Image of the work" if first else f"Image {slot} (optional)",
                help_text=TYPE_HELP + " At most 10 MB." if first else "",
                widget=forms.ClearableFileInput(
                    attrs={"accept": "image/jpeg,image/png,image/gif,image/webp,image/avif"}
                ),
            )
            self.fields[f"alt_text_{slot}"] = forms.CharField(
                required=False,
                max_length=400,
                label="Describe the image" if first else f"Describe image {slot}",
                help_text="What someone who cannot see it should know, in a sentence or two."
                if first
                else "",
            )
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["artist_name"].widget.attrs["autocomplete"] = "name"

    def image_slots(self):
        """Bound fields in pairs, for the template."""
        return [
            (self[f"image_{slot}"], self[f"alt_text_{slot}"]) for slot in range(1, IMAGE_SLOTS + 1)
        ]

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year and year > timezone.localdate().year:
            raise ValidationError("The year the work was made cannot be in the future.")
        return year

    def clean(self):
        cleaned = super().clean()
        if self.is_spam:
            return cleaned
        images = []
        for slot in range(1, IMAGE_SLOTS + 1):
            uploaded = cleaned.get(f"image_{slot}")
            alt = (cleaned.get(f"alt_text_{slot}") or "").strip()
            if not uploaded:
                continue
            try:
                images.append((sanitize_image(uploaded), alt))
            except ValidationError as error:
                self.add_error(f"image_{slot}", error)
                continue
            if not alt:
                self.add_error(
                    f"alt_text_{slot}", "Describe this image for people who cannot see it."
                )
        cleaned["images"] = images
        medium = cleaned.get("medium")
        has_image_field = any(self.files.get(f"image_{slot}") for slot in range(1, IMAGE_SLOTS + 1))
        if medium is not None:
            kind = medium.kind
            if kind == Medium.KIND_IMAGES and not has_image_field:
                self.add_error("image_1", f"A {medium.name.lower()} work needs at least one image.")
            if kind == Medium.KIND_TEXT and not cleaned.get("written_work", "").strip():
                self.add_error("written_work", "Paste the text of your work here.")
            if kind == Medium.KIND_RECORDING and not cleaned.get("recording_url"):
                self.add_error("recording_url", "Give the address of your recording.")
            if kind == Medium.KIND_MIXED and not (
                has_image_field or cleaned.get("written_work") or cleaned.get("recording_url")
            ):
                self.add_error("image_1", "Add an image, a text or a recording of your work.")
        if cleaned.get("recording_url") and not cleaned.get("recording_transcript", "").strip():
            self.add_error("recording_transcript", "Add a transcript of the recording.")
        if not cleaned.get("anonymous") and not cleaned.get("artist_name", "").strip():
            self.add_error("artist_name", "Enter your name, or choose to be shown as Anonymous.")
        return cleaned
