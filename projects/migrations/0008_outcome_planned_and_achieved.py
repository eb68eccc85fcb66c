# An outcome row holds its planned and its achieved value side by side,
# instead of one row per kind paired by identical labels. Rows of a project
# with the same label become one (the first in the editor's order keeps its
# place and unit); a label with one kind only keeps the other value empty.

from django.db import migrations, models


def split_by_kind(apps, schema_editor):
    Outcome = apps.get_model("projects", "Outcome")
    for row in Outcome.objects.all():
        if row.planned_value is not None and row.achieved_value is not None:
            Outcome.objects.create(
                project_id=row.project_id,
                label=row.label,
                unit=row.unit,
                order=row.order,
                kind="planowany",
                value=row.planned_value,
            )
        planned_only = row.achieved_value is None
        row.kind = "planowany" if planned_only else "osiagniety"
        row.value = row.planned_value if planned_only else row.achieved_value
        row.save(update_fields=["kind", "value"])


def pair_by_label(apps, schema_editor):
    Outcome = apps.get_model("projects", "Outcome")
    kept = {}
    for row in Outcome.objects.order_by("project_id", "order", "pk"):
        key = (row.project_id, row.label)
        target = kept.setdefault(key, row)
        if row.kind == "planowany":
            target.planned_value = row.value
        else:
            target.achieved_value = row.value
        if target is not row:
            row.delete()
    for row in kept.values():
        row.save(update_fields=["planned_value", "achieved_value"])


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0007_phone_extension"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="outcome", name="projects_outcome_value_not_negative"
        ),
        migrations.RemoveConstraint(model_name="outcome", name="projects_outcome_kind_valid"),
        migrations.RemoveConstraint(
            model_name="outcome", name="projects_outcome_one_per_label_and_kind"
        ),
        # Nullable first, so that going back can add it again to a filled table.
        migrations.AlterField(
            model_name="outcome",
            name="value",
            field=models.DecimalField(
                decimal_places=2, max_digits=12, null=True, verbose_name="wartość"
            ),
        ),
        migrations.AddField(
            model_name="outcome",
            name="planned_value",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                help_text="Puste, jeśli nic nie planowano.",
                max_digits=12,
                null=True,
                verbose_name="planowano",
            ),
        ),
        migrations.AddField(
            model_name="outcome",
            name="achieved_value",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                help_text="Puste, dopóki nie ma wyniku.",
                max_digits=12,
                null=True,
                verbose_name="osiągnięto",
            ),
        ),
        migrations.RunPython(pair_by_label, split_by_kind),
        migrations.RemoveField(model_name="outcome", name="kind"),
        migrations.RemoveField(model_name="outcome", name="value"),
        migrations.AddConstraint(
            model_name="outcome",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("planned_value__isnull", True), ("planned_value__gte", 0), _connector="OR"),
                    models.Q(("achieved_value__isnull", True), ("achieved_value__gte", 0), _connector="OR"),
                ),
                name="projects_outcome_values_not_negative",
                violation_error_message="Wartość nie może być ujemna.",
            ),
        ),
        migrations.AddConstraint(
            model_name="outcome",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("planned_value__isnull", False),
                    ("achieved_value__isnull", False),
                    _connector="OR",
                ),
                name="projects_outcome_has_a_value",
                violation_error_message="Wpisz wartość planowaną, osiągniętą albo obie.",
            ),
        ),
        migrations.AddConstraint(
            model_name="outcome",
            constraint=models.UniqueConstraint(
                fields=("project", "label"),
                name="projects_outcome_one_per_label",
                violation_error_message="Ten wskaźnik już jest w projekcie: wpisz obie wartości "
                "w jednym wierszu.",
            ),
        ),
    ]
