# An outcome's unit is stored in the three forms a Polish number needs
# ("1 osoba", "3 osoby", "5 osób") instead of one free text. Known units typed
# in any form ("osób", "Osoby") get all three; any other text is kept as it
# was in all three, for an editor to correct. Going back keeps the form after 5.

from django.db import migrations, models

from projects.units import unit_forms


def split_unit(apps, schema_editor):
    Outcome = apps.get_model("projects", "Outcome")
    for row in Outcome.objects.exclude(unit=""):
        row.unit_one, row.unit_few, row.unit_many = unit_forms(row.unit)
        row.save(update_fields=["unit_one", "unit_few", "unit_many"])


def join_unit(apps, schema_editor):
    Outcome = apps.get_model("projects", "Outcome")
    Outcome.objects.update(unit=models.F("unit_many"))


def three_forms_field(label, example):
    return models.CharField(blank=True, help_text=example, max_length=40, verbose_name=label)


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0009_documents"),
    ]

    operations = [
        migrations.AddField(
            model_name="outcome",
            name="unit_one",
            field=three_forms_field("jednostka przy 1", "Np. osoba: 1 osoba."),
        ),
        migrations.AddField(
            model_name="outcome",
            name="unit_few",
            field=three_forms_field("jednostka przy 2–4", "Np. osoby: 3 osoby, 2,5 osoby."),
        ),
        migrations.AddField(
            model_name="outcome",
            name="unit_many",
            field=three_forms_field("jednostka przy 5 i więcej", "Np. osób: 5 osób, 12 osób."),
        ),
        migrations.RunPython(split_unit, join_unit),
        migrations.RemoveField(
            model_name="outcome",
            name="unit",
        ),
        migrations.AddConstraint(
            model_name="outcome",
            constraint=models.CheckConstraint(
                condition=models.Q(unit_one="", unit_few="", unit_many="")
                | (~models.Q(unit_one="") & ~models.Q(unit_few="") & ~models.Q(unit_many="")),
                name="projects_outcome_unit_in_three_forms",
                violation_error_message=(
                    "Wpisz jednostkę we wszystkich trzech formach (np. osoba, osoby, osób) "
                    "albo zostaw ją pustą."
                ),
            ),
        ),
    ]
