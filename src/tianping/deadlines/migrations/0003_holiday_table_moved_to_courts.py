# The holiday table moved to courts (courts 0002 takes over the same tables).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("deadlines", "0002_caseexclusion_casetimelimit_extensionrequest_and_more"),
        ("courts", "0002_holiday_table_moved_here"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="CalendarDay"),
                migrations.DeleteModel(name="CoveredYear"),
            ],
        ),
    ]
