# Projects move to core.publication: a start moment (empty = draft) and an
# optional end instead of a flag and a moment. What residents see is kept:
# a published project keeps its moment, an unpublished one becomes a draft.

from django.db import migrations, models


def drafts_lose_their_moment(apps, schema_editor):
    Project = apps.get_model("projects", "Project")
    Project.objects.filter(is_published=False).update(published_at=None)


def drafts_get_back_a_moment(apps, schema_editor):
    # Backwards, the flag comes back unset for every row.
    Project = apps.get_model("projects", "Project")
    Project.objects.filter(published_at__isnull=False).update(is_published=True)
    Project.objects.filter(published_at__isnull=True).update(published_at=models.F("updated_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0004_shared_phone_validator"),
    ]

    operations = [
        migrations.AlterField(
            model_name="project",
            name="published_at",
            field=models.DateTimeField(
                blank=True,
                db_index=True,
                help_text="Od tej chwili mieszkańcy widzą wpis na stronie. Puste — szkic, "
                "którego nikt poza redakcją nie widzi.",
                null=True,
                verbose_name="początek publikacji",
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="expires_at",
            field=models.DateTimeField(
                blank=True,
                help_text="Od tej chwili wpis znika ze strony sam. Puste — bez końca.",
                null=True,
                verbose_name="koniec publikacji",
            ),
        ),
        migrations.RunPython(drafts_lose_their_moment, drafts_get_back_a_moment),
        migrations.AlterModelOptions(
            name="project",
            options={
                "ordering": [
                    models.OrderBy(models.F("published_at"), descending=True, nulls_first=True),
                    "-pk",
                ],
                "verbose_name": "projekt socjalny",
                "verbose_name_plural": "projekty socjalne",
            },
        ),
        migrations.RemoveIndex(
            model_name="project",
            name="projects_pr_is_publ_b05a23_idx",
        ),
        migrations.RemoveField(
            model_name="project",
            name="is_published",
        ),
        migrations.AddConstraint(
            model_name="project",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("published_at__isnull", True),
                    ("expires_at__isnull", True),
                    ("published_at__lt", models.F("expires_at")),
                    _connector="OR",
                ),
                name="projects_project_published_before_expires",
                violation_error_message="Koniec publikacji musi być późniejszy niż jej początek.",
            ),
        ),
    ]
