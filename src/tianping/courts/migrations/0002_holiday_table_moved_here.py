# The holiday table moved from deadlines to courts: same tables, only Django's state moves.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("courts", "0001_initial"),
        ("deadlines", "0002_caseexclusion_casetimelimit_extensionrequest_and_more"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="CalendarDay",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("day", models.DateField(unique=True, verbose_name="date")),
                        ("is_rest_day", models.BooleanField(verbose_name="rest day")),
                        ("name", models.CharField(blank=True, max_length=60, verbose_name="name")),
                    ],
                    options={
                        "verbose_name": "calendar day",
                        "verbose_name_plural": "calendar days",
                        "db_table": "deadlines_calendarday",
                        "ordering": ["day"],
                    },
                ),
                migrations.CreateModel(
                    name="CoveredYear",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("year", models.PositiveSmallIntegerField(unique=True, verbose_name="year")),
                        ("source", models.CharField(max_length=200, verbose_name="source")),
                    ],
                    options={
                        "verbose_name": "covered year",
                        "verbose_name_plural": "covered years",
                        "db_table": "deadlines_coveredyear",
                        "ordering": ["year"],
                    },
                ),
            ],
        ),
    ]
