"""The centre's models now belong to the ``centre`` app (centre/migrations/0001).

State only: the tables stay, under the new app's models.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("opsportal", "0005_centre_coordinates_pair"),
        ("centre", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel("CentrePhone"),
                migrations.DeleteModel("CentreHours"),
                migrations.DeleteModel("CentreSpecialDay"),
                migrations.DeleteModel("Centre"),
                migrations.DeleteModel("AccessibilityStatement"),
                migrations.DeleteModel("PublicInformation"),
            ],
        ),
    ]
