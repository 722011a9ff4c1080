import django.db.models.deletion
from django.db import migrations, models


def forget_links_to_other_pages(apps, schema_editor):
    """The call-out linked to any standard page; it now links to a knowledge hub page. A
    home page linking elsewhere loses the link (an editor chooses the hub) rather than
    breaking the new foreign key."""
    HomePage = apps.get_model("home", "HomePage")
    KnowledgeHubPage = apps.get_model("publications", "KnowledgeHubPage")
    hubs = KnowledgeHubPage.objects.values_list("pk", flat=True)
    HomePage.objects.exclude(knowledge_hub_page__isnull=True).exclude(
        knowledge_hub_page_id__in=hubs
    ).update(knowledge_hub_page=None)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_home_hero_image"),
        ("publications", "0007_knowledge_hub"),
    ]

    operations = [
        migrations.RunPython(forget_links_to_other_pages, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="homepage",
            name="knowledge_hub_page",
            field=models.ForeignKey(
                blank=True,
                help_text="The page the knowledge-hub call-out links to.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="publications.knowledgehubpage",
            ),
        ),
    ]
