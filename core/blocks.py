"""StreamField blocks shared by every content app.

App-specific blocks live in the app; anything two apps need lives here.
"""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtailmedia.blocks import AbstractMediaChooserBlock

from core.embeds import embed_html


class LinkValue(blocks.StructValue):
    @cached_property
    def href(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("url") or ""

    @cached_property
    def text(self):
        if self.get("label"):
            return self["label"]
        page = self.get("page")
        return page.title if page else self.get("url", "")


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to another site: exactly one of the two."""

    label = blocks.CharBlock(
        required=False, max_length=80, help_text="Leave blank to use the page's title."
    )
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label="External URL")

    class Meta:
        icon = "link"
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Choose a page or enter an external URL (one of the two)."
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        if value.get("url") and not value.get("label"):
            raise StructBlockValidationError(
                block_errors={"label": ValidationError("External links need a label.")}
            )
        return value


class FigureBlock(blocks.StructBlock):
    """An image with its alternative text (required unless decorative), caption and credit."""

    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=300)
    credit = blocks.CharBlock(required=False, max_length=150, help_text="Photographer or artist.")

    class Meta:
        icon = "image"
        template = "core/blocks/figure.html"

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if image is not None and not image.decorative and not image.contextual_alt_text:
            raise StructBlockValidationError(
                block_errors={
                    "image": ValidationError(
                        "Describe the image for people who cannot see it, or mark it as decorative."
                    )
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote.html"


class MediaEmbedValue(blocks.StructValue):
    def html(self):
        return embed_html(self.get("url"), max_width=960)


class MediaEmbedBlock(blocks.StructBlock):
    """A video or audio embed that keeps a plain link and its transcript when the
    provider cannot be reached."""

    url = blocks.URLBlock(help_text="A YouTube, Vimeo or similar address.")
    title = blocks.CharBlock(max_length=200, help_text="Names the recording for screen readers.")
    captions = blocks.TextBlock(
        required=False, help_text="Captions in WebVTT or plain text, when the player has none."
    )
    transcript = blocks.TextBlock(required=False)

    class Meta:
        icon = "media"
        template = "core/blocks/media_embed.html"
        value_class = MediaEmbedValue


class MediaFileChooserBlock(AbstractMediaChooserBlock):
    """An uploaded audio or video file (wagtailmedia); ``UploadedMediaBlock`` renders it."""

    def render_basic(self, value, context=None):
        return ""


class UploadedMediaBlock(blocks.StructBlock):
    """An audio or video file uploaded to the site, played by the browser itself (no
    provider to reach), with WebVTT captions shown in the player and a full transcript."""

    media = MediaFileChooserBlock(help_text="Upload it under Media first.")
    title = blocks.CharBlock(max_length=200, help_text="Names the recording for screen readers.")
    captions = blocks.TextBlock(
        required=False,
        help_text="Captions in WebVTT (starting with the line WEBVTT); shown in the player.",
    )
    transcript = blocks.TextBlock(
        required=False, help_text="Everything said and heard, in words, for those who read it."
    )

    class Meta:
        icon = "media"
        template = "core/blocks/uploaded_media.html"

    def clean(self, value):
        value = super().clean(value)
        captions = value.get("captions", "").strip()
        if captions and not captions.startswith("WEBVTT"):
            raise StructBlockValidationError(
                block_errors={"captions": ValidationError("WebVTT captions begin with WEBVTT.")}
            )
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    label = blocks.CharBlock(required=False, max_length=150)

    class Meta:
        icon = "doc-full"
        template = "core/blocks/document_link.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    link = LinkBlock()

    class Meta:
        icon = "pick"
        template = "core/blocks/call_to_action.html"


class AccordionItemBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=200)
    body = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul", "document-link"])


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "core/blocks/accordion.html"


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(max_length=200, help_text="Says what the table shows.")
    table = TableBlock(table_options={"contextMenu": True})

    class Meta:
        icon = "table"
        template = "core/blocks/table.html"


RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"]


class BodyBlock(blocks.StreamBlock):
    """The body of a standard page, and of any page with free-form content."""

    rich_text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, template="core/blocks/rich_text.html"
    )
    figure = FigureBlock()
    quote = QuoteBlock()
    embed = MediaEmbedBlock()
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    table = CaptionedTableBlock()


class GoalBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    description = blocks.TextBlock()

    class Meta:
        icon = "tick"


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(
        choices=[
            ("linkedin", "LinkedIn"),
            ("bluesky", "Bluesky"),
            ("x", "X (Twitter)"),
            ("facebook", "Facebook"),
            ("youtube", "YouTube"),
            ("instagram", "Instagram"),
        ]
    )
    url = blocks.URLBlock()

    class Meta:
        icon = "site"
