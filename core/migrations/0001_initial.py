"""The standard page and the site settings, moved here from the home app with their rows:
their tables are renamed and their content types follow."""

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


def move_content_types(apps, schema_editor):
    """Pages, tasks and permissions point at these models' content types: they follow."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ('standardpage', 'sitesettings'):
        if not ContentType.objects.filter(app_label='core', model=model).exists():
            ContentType.objects.filter(app_label="home", model=model).update(app_label='core')


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('home', '0003_editorial_roles_and_workflows'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='StandardPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('introduction', models.TextField(blank=True, help_text='A short summary shown under the title and in listings.')),
                        ('body', wagtail.fields.StreamField([('rich_text', 0), ('figure', 4), ('quote', 7), ('embed', 12), ('document', 15), ('call_to_action', 21), ('accordion', 26), ('table', 29)], blank=True, block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['h2', 'h3', 'h4', 'bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'template': 'core/blocks/rich_text.html'}), 1: ('wagtail.images.blocks.ImageBlock', [], {}), 2: ('wagtail.blocks.CharBlock', (), {'max_length': 300, 'required': False}), 3: ('wagtail.blocks.CharBlock', (), {'help_text': 'Photographer or artist.', 'max_length': 150, 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('image', 1), ('caption', 2), ('credit', 3)]], {}), 5: ('wagtail.blocks.TextBlock', (), {}), 6: ('wagtail.blocks.CharBlock', (), {'max_length': 200, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('quote', 5), ('attribution', 6)]], {}), 8: ('wagtail.blocks.URLBlock', (), {'help_text': 'A YouTube, Vimeo or similar address.'}), 9: ('wagtail.blocks.CharBlock', (), {'help_text': 'Names the recording for screen readers.', 'max_length': 200}), 10: ('wagtail.blocks.TextBlock', (), {'help_text': 'Captions in WebVTT or plain text, when the player has none.', 'required': False}), 11: ('wagtail.blocks.TextBlock', (), {'required': False}), 12: ('wagtail.blocks.StructBlock', [[('url', 8), ('title', 9), ('captions', 10), ('transcript', 11)]], {}), 13: ('wagtail.documents.blocks.DocumentChooserBlock', (), {}), 14: ('wagtail.blocks.CharBlock', (), {'max_length': 150, 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('document', 13), ('label', 14)]], {}), 16: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 17: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave blank to use the page's title.", 'max_length': 80, 'required': False}), 18: ('wagtail.blocks.PageChooserBlock', (), {'required': False}), 19: ('wagtail.blocks.URLBlock', (), {'label': 'External URL', 'required': False}), 20: ('wagtail.blocks.StructBlock', [[('label', 17), ('page', 18), ('url', 19)]], {}), 21: ('wagtail.blocks.StructBlock', [[('heading', 16), ('text', 11), ('link', 20)]], {}), 22: ('wagtail.blocks.CharBlock', (), {'max_length': 200}), 23: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul', 'document-link']}), 24: ('wagtail.blocks.StructBlock', [[('heading', 22), ('body', 23)]], {}), 25: ('wagtail.blocks.ListBlock', (24,), {'min_num': 1}), 26: ('wagtail.blocks.StructBlock', [[('heading', 6), ('items', 25)]], {}), 27: ('wagtail.blocks.CharBlock', (), {'help_text': 'Says what the table shows.', 'max_length': 200}), 28: ('wagtail.contrib.table_block.blocks.TableBlock', (), {'table_options': {}}), 29: ('wagtail.blocks.StructBlock', [[('caption', 27), ('table', 28)]], {})})),
                    ],
                    options={
                        'db_table': 'home_standardpage',
                        'verbose_name': 'standard page',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='SiteSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('crisis_line_message', models.CharField(default='If you or someone you know is in crisis, call or text 988.', help_text='Shown at the top of every page. Keep it short.', max_length=200)),
                        ('crisis_line_link', models.CharField(default='tel:988', help_text='A tel: link or web address for the crisis line.', max_length=200)),
                        ('crisis_line_link_text', models.CharField(default='Call 988', max_length=80)),
                        ('newsletter_heading', models.CharField(default='Join our community', max_length=120)),
                        ('newsletter_text', models.CharField(blank=True, default='Sign up for National Academy of Medicine email updates.', max_length=300)),
                        ('newsletter_url', models.URLField(blank=True, help_text="The sign-up form's address.")),
                        ('main_navigation', wagtail.fields.StreamField([('link', 3)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave blank to use the page's title.", 'max_length': 80, 'required': False}), 1: ('wagtail.blocks.PageChooserBlock', (), {'required': False}), 2: ('wagtail.blocks.URLBlock', (), {'label': 'External URL', 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('label', 0), ('page', 1), ('url', 2)]], {})}, help_text='The menu at the top of every page.')),
                        ('footer_navigation', wagtail.fields.StreamField([('link', 3)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave blank to use the page's title.", 'max_length': 80, 'required': False}), 1: ('wagtail.blocks.PageChooserBlock', (), {'required': False}), 2: ('wagtail.blocks.URLBlock', (), {'label': 'External URL', 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('label', 0), ('page', 1), ('url', 2)]], {})}, help_text='Links in the footer.')),
                        ('footer_text', wagtail.fields.RichTextField(blank=True)),
                        ('social_links', wagtail.fields.StreamField([('social', 2)], blank=True, block_lookup={0: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('linkedin', 'LinkedIn'), ('bluesky', 'Bluesky'), ('x', 'X (Twitter)'), ('facebook', 'Facebook'), ('youtube', 'YouTube'), ('instagram', 'Instagram')]}), 1: ('wagtail.blocks.URLBlock', (), {}), 2: ('wagtail.blocks.StructBlock', [[('platform', 0), ('url', 1)]], {})})),
                        ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
                    ],
                    options={
                        'db_table': 'home_sitesettings',
                        'verbose_name': 'site settings',
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name='standardpage', table=None),
        migrations.AlterModelTable(name='sitesettings', table=None),
        migrations.RunPython(move_content_types, migrations.RunPython.noop),
    ]
