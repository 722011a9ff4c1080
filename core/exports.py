"""Spreadsheet exports of what the public sent (the staff inboxes, the editorial report)."""

from wagtail_modeladmin.views import IndexView

# A spreadsheet reads a cell beginning with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class SpreadsheetSafeExport:
    """Mixed into an admin view that exports to CSV (Wagtail's ``SpreadsheetExportMixin``):
    text the public wrote that a spreadsheet would run as a formula (``=HYPERLINK(...)``)
    is written with a leading apostrophe, so it is shown as the text it is. (Wagtail's XLSX
    export already stores such cells as text.)"""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        is_formula = isinstance(value, str) and value.startswith(FORMULA_PREFIXES)
        if export_format == self.FORMAT_CSV and is_formula:
            return "'" + value
        return value


class SafeExportIndexView(SpreadsheetSafeExport, IndexView):
    """A wagtail-modeladmin inbox list whose CSV export is safe to open in a spreadsheet."""
