# Polls move to core.publication: their page is shown from a start moment
# (empty = draft) to an optional end, instead of while a flag is set; voting
# keeps its own opening and closing. A published poll starts at its creation,
# an unpublished one becomes a draft.

from django.db import migrations, models


def moments_from_flag(apps, schema_editor):
    Poll = apps.get_model("survey", "Poll")
    Poll.objects.filter(published=True).update(published_at=models.F("created_at"))


def flag_from_moments(apps, schema_editor):
    Poll = apps.get_model("survey", "Poll")
    Poll.objects.filter(published_at__isnull=False).update(published=True)


class Migration(migrations.Migration):
    dependencies = [
        ("survey", "0006_reviewed_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="poll",
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
            model_name="poll",
            name="expires_at",
            field=models.DateTimeField(
                blank=True,
                help_text="Od tej chwili wpis znika ze strony sam. Puste — bez końca.",
                null=True,
                verbose_name="koniec publikacji",
            ),
        ),
        migrations.RunPython(moments_from_flag, flag_from_moments),
        migrations.RemoveField(model_name="poll", name="published"),
        migrations.AlterField(
            model_name="poll",
            name="closes_at",
            field=models.DateTimeField(
                help_text="Gdy w tym samym czasie trwa głosowanie w kilku ankietach, strona "
                "główna pokazuje tę, w której głosowanie kończy się najwcześniej.",
                verbose_name="głosowanie do",
            ),
        ),
        migrations.AddConstraint(
            model_name="poll",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("published_at__isnull", True),
                    ("expires_at__isnull", True),
                    ("published_at__lt", models.F("expires_at")),
                    _connector="OR",
                ),
                name="survey_poll_published_before_expires",
                violation_error_message="Koniec publikacji musi być późniejszy niż jej początek.",
            ),
        ),
    ]
