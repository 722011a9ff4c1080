"""The agenda of an event: sessions with local times, speakers, slides and recordings.

Session times are wall-clock times in the event's own time zone (what an agenda prints);
the event page turns them into exact instants with zoneinfo, so a session at 9:00 is at
9:00 local time on either side of a daylight-saving change.
"""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import MediaEmbedBlock

SPEAKER_ROLES = [
    ("speaker", "Speaker"),
    ("keynote", "Keynote speaker"),
    ("moderator", "Moderator"),
    ("panelist", "Panelist"),
    ("presenter", "Presenter"),
    ("artist", "Featured artist"),
]


class SpeakerValue(blocks.StructValue):
    """What the public sees of a speaker: a live Person's details, or the free text."""

    @cached_property
    def shown_person(self):
        person = self.get("person")
        return person if person is not None and person.live else None

    @cached_property
    def display_name(self):
        if self.shown_person:
            return self.shown_person.display_name
        return (self.get("name") or "").strip()

    @cached_property
    def display_affiliation(self):
        if self.shown_person:
            parts = [self.shown_person.role_title, self.shown_person.organization]
            return ", ".join(part for part in parts if part)
        return (self.get("affiliation") or "").strip()

    @property
    def role_label(self):
        return dict(SPEAKER_ROLES).get(self.get("role"), "Speaker")


class SpeakerBlock(blocks.StructBlock):
    person = SnippetChooserBlock(
        "community.Person",
        required=False,
        help_text="Choose a person from the site, or type a name and affiliation below.",
    )
    name = blocks.CharBlock(required=False, max_length=150)
    affiliation = blocks.CharBlock(required=False, max_length=200)
    role = blocks.ChoiceBlock(choices=SPEAKER_ROLES, default="speaker")

    class Meta:
        icon = "user"
        value_class = SpeakerValue

    def clean(self, value):
        value = super().clean(value)
        if not value.get("person") and not (value.get("name") or "").strip():
            message = "Choose a person or type the speaker's name."
            raise StructBlockValidationError(
                block_errors={"person": ValidationError(message), "name": ValidationError(message)}
            )
        return value


class SessionBlock(blocks.StructBlock):
    day = blocks.DateBlock(required=False, help_text="Leave blank for the first day of the event.")
    start_time = blocks.TimeBlock(help_text="Local time where the event takes place.")
    end_time = blocks.TimeBlock(required=False)
    title = blocks.CharBlock(max_length=200)
    description = blocks.RichTextBlock(
        required=False, features=["bold", "italic", "link", "document-link", "ul", "ol"]
    )
    speakers = blocks.ListBlock(SpeakerBlock(), default=[], collapsed=True)
    slides = DocumentChooserBlock(required=False, help_text="The presenters' slides (PDF).")
    recordings = blocks.ListBlock(
        MediaEmbedBlock(), default=[], help_text="A recording of this session, if any."
    )

    class Meta:
        icon = "time"
        label = "Session"

    def clean(self, value):
        value = super().clean(value)
        start, end = value.get("start_time"), value.get("end_time")
        if start and end and end <= start:
            raise StructBlockValidationError(
                block_errors={"end_time": ValidationError("A session ends after it starts.")}
            )
        return value


class AgendaBlock(blocks.StreamBlock):
    session = SessionBlock()

    class Meta:
        required = False
