"""Blocks of the community app."""

from wagtail import blocks


class ProfileLinkBlock(blocks.StructBlock):
    """A link on a person's profile: their institutional page, ORCID, a social account."""

    label = blocks.CharBlock(max_length=80, help_text="What the link is, e.g. “ORCID profile”.")
    url = blocks.URLBlock(label="Address")

    class Meta:
        icon = "link"
