"""What editors manage for search: synonyms and abbreviations, and the record of searches
that found nothing (Wagtail's search promotions app records every query's daily hits)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.snippets.models import register_snippet


@register_snippet
class SearchSynonym(models.Model):
    """Words, phrases and abbreviations that mean the same thing to a visitor.

    A query that contains any of them also finds pages using the others, so "EHR" finds
    "electronic health record" and the other way round.
    """

    terms = models.TextField(
        help_text=(
            "One word, phrase or abbreviation per line, all meaning the same thing, e.g. "
            "“EHR” and “electronic health record”."
        )
    )
    note = models.CharField(
        max_length=200, blank=True, help_text="Why this exists (only editors see it)."
    )

    panels = [
        HelpPanel(
            "Searches containing any of these lines also match pages that use the others. "
            "Changes apply to the next search; nothing needs reindexing."
        ),
        FieldPanel("terms"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = "search synonym"
        ordering = ["terms"]

    def __str__(self):
        return " = ".join(self.term_list())

    def term_list(self):
        """The non-empty lines, whitespace tidied, in the order the editor wrote them."""
        seen = []
        for line in self.terms.splitlines():
            term = " ".join(line.split())
            if term and term.lower() not in (existing.lower() for existing in seen):
                seen.append(term)
        return seen

    def clean(self):
        from django.core.exceptions import ValidationError

        if len(self.term_list()) < 2:
            raise ValidationError({"terms": "Give at least two lines that mean the same thing."})


class ZeroResultDailyHits(models.Model):
    """How often, each day, a query found nothing: the searches staff should fix first."""

    query = models.ForeignKey(
        "wagtailsearchpromotions.Query",
        on_delete=models.CASCADE,
        related_name="zero_result_daily_hits",
    )
    date = models.DateField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "zero-result search"
        verbose_name_plural = "zero-result searches"
        constraints = [
            models.UniqueConstraint(fields=["query", "date"], name="zero_result_query_date")
        ]

    def __str__(self):
        return f"{self.query} ({self.date}: {self.hits})"
