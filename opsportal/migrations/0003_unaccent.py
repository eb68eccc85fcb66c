from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class PostgreSQLOnlyUnaccent(UnaccentExtension):
    """unaccent for the site search; SQLite folds text in Python instead (opsportal.search)."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        # Django's operation guards only the forward direction by vendor.
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("opsportal", "0002_statement_and_public_information")]

    operations = [PostgreSQLOnlyUnaccent()]
