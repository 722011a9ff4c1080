"""The review task, moved here from the home app with its rows: its tables are renamed and
its content type follows."""

import django.db.models.deletion
from django.db import migrations, models


def move_content_types(apps, schema_editor):
    """Pages, tasks and permissions point at these models' content types: they follow."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ('reviewtask',):
        if not ContentType.objects.filter(app_label='editorial', model=model).exists():
            ContentType.objects.filter(app_label="home", model=model).update(app_label='editorial')


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('home', '0003_editorial_roles_and_workflows'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ReviewTask',
                    fields=[
                        ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                        ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
                    ],
                    options={
                        'db_table': 'home_reviewtask',
                        'verbose_name': 'group review task',
                        'verbose_name_plural': 'group review tasks',
                    },
                    bases=('wagtailcore.task',),
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name='reviewtask', table=None),
        migrations.RunPython(move_content_types, migrations.RunPython.noop),
    ]
