"""The coordinate pair's constraint comes from the shared abstract place (core.places.Place).

Its name now follows the model, as the centre's does; the rule is the same,
so no row can fail the new check.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('communities', '0003_shared_phone_validator'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='activitysite',
            name='communities_site_coordinates_range',
        ),
        migrations.AddConstraint(
            model_name='activitysite',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('latitude__isnull', True), ('longitude__isnull', True)), models.Q(('latitude__gte', -90), ('latitude__isnull', False), ('latitude__lte', 90), ('longitude__gte', -180), ('longitude__isnull', False), ('longitude__lte', 180)), _connector='OR'), name='communities_activitysite_coordinates_range', violation_error_message='Podaj obie współrzędne (szerokość od −90 do 90, długość od −180 do 180) albo żadnej.'),
        ),
    ]
