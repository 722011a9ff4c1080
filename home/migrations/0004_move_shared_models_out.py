"""The standard page, the site settings and the review task now live in the core and
editorial apps (which renamed their tables): here they leave the home app's state only. The
editorial email queue gives way to django-post-office's."""

import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models


def forget_hub_links_to_other_pages(apps, schema_editor):
    """The call-out may now link to a standard page only."""
    HomePage = apps.get_model("home", "HomePage")
    StandardPage = apps.get_model("core", "StandardPage")
    standard = StandardPage.objects.values("pk")
    HomePage.objects.exclude(knowledge_hub_page__isnull=True).exclude(
        knowledge_hub_page__in=standard
    ).update(knowledge_hub_page=None)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('editorial', '0001_initial'),
        ('home', '0003_editorial_roles_and_workflows'),
    ]

    operations = [
        migrations.DeleteModel(
            name='EditorialEmail',
        ),
        migrations.AlterField(
            model_name='homepage',
            name='body',
            field=wagtail.fields.StreamField([('rich_text', 0), ('figure', 4), ('quote', 7), ('embed', 12), ('document', 15), ('call_to_action', 21), ('accordion', 26), ('table', 29)], blank=True, block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['h2', 'h3', 'h4', 'bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'template': 'core/blocks/rich_text.html'}), 1: ('wagtail.images.blocks.ImageBlock', [], {}), 2: ('wagtail.blocks.CharBlock', (), {'max_length': 300, 'required': False}), 3: ('wagtail.blocks.CharBlock', (), {'help_text': 'Photographer or artist.', 'max_length': 150, 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('image', 1), ('caption', 2), ('credit', 3)]], {}), 5: ('wagtail.blocks.TextBlock', (), {}), 6: ('wagtail.blocks.CharBlock', (), {'max_length': 200, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('quote', 5), ('attribution', 6)]], {}), 8: ('wagtail.blocks.URLBlock', (), {'help_text': 'A YouTube, Vimeo or similar address.'}), 9: ('wagtail.blocks.CharBlock', (), {'help_text': 'Names the recording for screen readers.', 'max_length': 200}), 10: ('wagtail.blocks.TextBlock', (), {'help_text': 'Captions in WebVTT or plain text, when the player has none.', 'required': False}), 11: ('wagtail.blocks.TextBlock', (), {'required': False}), 12: ('wagtail.blocks.StructBlock', [[('url', 8), ('title', 9), ('captions', 10), ('transcript', 11)]], {}), 13: ('wagtail.documents.blocks.DocumentChooserBlock', (), {}), 14: ('wagtail.blocks.CharBlock', (), {'max_length': 150, 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('document', 13), ('label', 14)]], {}), 16: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 17: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave blank to use the page's title.", 'max_length': 80, 'required': False}), 18: ('wagtail.blocks.PageChooserBlock', (), {'required': False}), 19: ('wagtail.blocks.URLBlock', (), {'label': 'External URL', 'required': False}), 20: ('wagtail.blocks.StructBlock', [[('label', 17), ('page', 18), ('url', 19)]], {}), 21: ('wagtail.blocks.StructBlock', [[('heading', 16), ('text', 11), ('link', 20)]], {}), 22: ('wagtail.blocks.CharBlock', (), {'max_length': 200}), 23: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul', 'document-link']}), 24: ('wagtail.blocks.StructBlock', [[('heading', 22), ('body', 23)]], {}), 25: ('wagtail.blocks.ListBlock', (24,), {'min_num': 1}), 26: ('wagtail.blocks.StructBlock', [[('heading', 6), ('items', 25)]], {}), 27: ('wagtail.blocks.CharBlock', (), {'help_text': 'Says what the table shows.', 'max_length': 200}), 28: ('wagtail.contrib.table_block.blocks.TableBlock', (), {'table_options': {}}), 29: ('wagtail.blocks.StructBlock', [[('caption', 27), ('table', 28)]], {})}, help_text='Anything else, below the sections.'),
        ),
        migrations.RunPython(forget_hub_links_to_other_pages, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='homepage',
            name='knowledge_hub_page',
            field=models.ForeignKey(blank=True, help_text='The page the knowledge-hub call-out links to.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.standardpage'),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name='sitesettings', name='site'),
                migrations.RemoveField(model_name='standardpage', name='page_ptr'),
                migrations.DeleteModel(name='ReviewTask'),
                migrations.DeleteModel(name='SiteSettings'),
                migrations.DeleteModel(name='StandardPage'),
            ],
            database_operations=[],
        ),
    ]
