# Areas and events move to core.publication: a start moment (empty = draft)
# and an optional end instead of a flag. What residents see is kept: a
# published event starts at its creation, a published area (which records no
# creation) at the moment of the migration; unpublished rows become drafts.

from django.db import migrations, models
from django.utils import timezone

START_HELP = (
    "Od tej chwili mieszkańcy widzą wpis na stronie. Puste — szkic, "
    "którego nikt poza redakcją nie widzi."
)
END_HELP = "Od tej chwili wpis znika ze strony sam. Puste — bez końca."


def moments_from_flags(apps, schema_editor):
    CommunityArea = apps.get_model("communities", "CommunityArea")
    Event = apps.get_model("communities", "Event")
    CommunityArea.objects.filter(published=True).update(published_at=timezone.now())
    Event.objects.filter(published=True).update(published_at=models.F("created_at"))


def flags_from_moments(apps, schema_editor):
    # Backwards, a scheduled row counts as published: the flag had no moment.
    for name in ("CommunityArea", "Event"):
        model = apps.get_model("communities", name)
        model.objects.filter(published_at__isnull=False).update(published=True)


def publication_fields(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="published_at",
            field=models.DateTimeField(
                blank=True,
                db_index=True,
                help_text=START_HELP,
                null=True,
                verbose_name="początek publikacji",
            ),
        ),
        migrations.AddField(
            model_name=model_name,
            name="expires_at",
            field=models.DateTimeField(
                blank=True, help_text=END_HELP, null=True, verbose_name="koniec publikacji"
            ),
        ),
    ]


def before_expires(model_name):
    return migrations.AddConstraint(
        model_name=model_name,
        constraint=models.CheckConstraint(
            condition=models.Q(
                ("published_at__isnull", True),
                ("expires_at__isnull", True),
                ("published_at__lt", models.F("expires_at")),
                _connector="OR",
            ),
            name=f"communities_{model_name}_published_before_expires",
            violation_error_message="Koniec publikacji musi być późniejszy niż jej początek.",
        ),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0007_phone_extension"),
    ]

    operations = [
        *publication_fields("communityarea"),
        *publication_fields("event"),
        migrations.RunPython(moments_from_flags, flags_from_moments),
        migrations.RemoveField(model_name="communityarea", name="published"),
        migrations.RemoveField(model_name="event", name="published"),
        before_expires("communityarea"),
        before_expires("event"),
    ]
