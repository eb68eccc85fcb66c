"""The centre's coordinates: both or neither, as for an activity site.

The two range checks this replaces let one coordinate be saved without the
other, which no map can show (Centre.map_url needs both). A centre saved that
way keeps the coordinate it has in the migration's output, printed for the
administrator to re-enter with its pair, and the coordinate is cleared so
that the new check can be added.
"""

from django.db import migrations, models


def clear_lone_coordinate(apps, schema_editor):
    Centre = apps.get_model("opsportal", "Centre")
    lone = Centre.objects.filter(
        models.Q(latitude__isnull=True, longitude__isnull=False)
        | models.Q(latitude__isnull=False, longitude__isnull=True)
    )
    for centre in lone:
        print(
            f"\n  Centre {centre.pk}: latitude {centre.latitude}, longitude {centre.longitude}"
            " had no pair and was cleared; enter both in the admin."
        )
    lone.update(latitude=None, longitude=None)


class Migration(migrations.Migration):
    dependencies = [
        ("opsportal", "0004_shared_phone_validator"),
    ]

    operations = [
        migrations.RunPython(clear_lone_coordinate, migrations.RunPython.noop, elidable=True),
        migrations.RemoveConstraint(
            model_name="centre",
            name="opsportal_centre_latitude_range",
        ),
        migrations.RemoveConstraint(
            model_name="centre",
            name="opsportal_centre_longitude_range",
        ),
        migrations.AddConstraint(
            model_name="centre",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("latitude__isnull", True), ("longitude__isnull", True)),
                    models.Q(
                        ("latitude__gte", -90),
                        ("latitude__isnull", False),
                        ("latitude__lte", 90),
                        ("longitude__gte", -180),
                        ("longitude__isnull", False),
                        ("longitude__lte", 180),
                    ),
                    _connector="OR",
                ),
                name="opsportal_centre_coordinates_range",
                violation_error_message=(
                    "Podaj obie współrzędne (szerokość od −90 do 90, długość od −180 do 180) "
                    "albo żadnej."
                ),
            ),
        ),
    ]
