import django.contrib.postgres.search
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

from core import search_index


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        # PostgreSQL only: "Czy chodziło Ci o…" compares words by trigrams.
        TrigramExtension(),
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.CharField(max_length=40)),
                ("object_id", models.BigIntegerField()),
                ("title", models.TextField()),
                ("body", models.TextField()),
                (
                    "vector",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kind", "object_id"), name="searchdocument_unique"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("word", models.CharField(max_length=64, unique=True)),
                ("lemmas", models.CharField(max_length=255)),
            ],
        ),
        migrations.CreateModel(
            name="SearchQueryCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("day", models.DateField(verbose_name="dzień")),
                ("query", models.CharField(max_length=100, verbose_name="zapytanie")),
                ("results", models.PositiveIntegerField(default=0, verbose_name="liczba wyników")),
                ("count", models.PositiveIntegerField(default=0, verbose_name="liczba wyszukiwań")),
            ],
            options={
                "verbose_name": "wyszukiwanie mieszkańców",
                "verbose_name_plural": "Czego szukają mieszkańcy",
                "indexes": [models.Index(fields=["day"], name="searchquerycount_day")],
                "constraints": [
                    models.UniqueConstraint(fields=("day", "query"), name="searchquerycount_unique")
                ],
            },
        ),
        # A GIN index and a trigger on PostgreSQL, an FTS5 table and triggers on SQLite.
        migrations.RunPython(
            search_index.create_database_structures, search_index.drop_database_structures
        ),
    ]
