"""A ballot's choice must belong to the ballot's poll, enforced by the database.

Django has no composite foreign keys, so this is written per database:
PostgreSQL gets a real FOREIGN KEY (choice_id, poll_id) → choice (id, poll_id),
backed by the unique constraint survey_choice_id_poll; SQLite gets triggers,
because it cannot add a constraint to an existing table. SQLite drops triggers
when Django rebuilds a table, so a later migration that alters survey_ballot or
survey_choice on SQLite must recreate them (tests/survey/test_models.py checks).
"""

from django.db import migrations

PG_FORWARD = [
    "ALTER TABLE survey_ballot ADD CONSTRAINT survey_ballot_choice_in_poll "
    "FOREIGN KEY (choice_id, poll_id) REFERENCES survey_choice (id, poll_id)",
]
PG_BACKWARD = ["ALTER TABLE survey_ballot DROP CONSTRAINT survey_ballot_choice_in_poll"]

SQLITE_FORWARD = [
    """CREATE TRIGGER survey_ballot_choice_in_poll_insert
    BEFORE INSERT ON survey_ballot FOR EACH ROW
    WHEN NOT EXISTS (SELECT 1 FROM survey_choice
                     WHERE id = NEW.choice_id AND poll_id = NEW.poll_id)
    BEGIN SELECT RAISE(ABORT, 'survey_ballot_choice_in_poll'); END""",
    """CREATE TRIGGER survey_ballot_choice_in_poll_update
    BEFORE UPDATE OF choice_id, poll_id ON survey_ballot FOR EACH ROW
    WHEN NOT EXISTS (SELECT 1 FROM survey_choice
                     WHERE id = NEW.choice_id AND poll_id = NEW.poll_id)
    BEGIN SELECT RAISE(ABORT, 'survey_ballot_choice_in_poll'); END""",
    """CREATE TRIGGER survey_choice_keeps_ballots_poll
    BEFORE UPDATE OF poll_id ON survey_choice FOR EACH ROW
    WHEN EXISTS (SELECT 1 FROM survey_ballot
                 WHERE choice_id = NEW.id AND poll_id != NEW.poll_id)
    BEGIN SELECT RAISE(ABORT, 'survey_ballot_choice_in_poll'); END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS survey_ballot_choice_in_poll_insert",
    "DROP TRIGGER IF EXISTS survey_ballot_choice_in_poll_update",
    "DROP TRIGGER IF EXISTS survey_choice_keeps_ballots_poll",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("survey", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
