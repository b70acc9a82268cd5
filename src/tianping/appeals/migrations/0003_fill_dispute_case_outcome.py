"""Fill `DisputeCase.outcome` of second-instance links from the decided appeals."""

from django.db import migrations


def fill(apps, schema_editor):
    Appeal = apps.get_model("appeals", "Appeal")
    DisputeCase = apps.get_model("appeals", "DisputeCase")
    decided = (Appeal.objects.exclude(outcome="").exclude(second_case=None)
               .values_list("second_case_id", "outcome").order_by("second_case_id", "pk"))
    for second_case_id, outcome in decided:
        DisputeCase.objects.filter(case_id=second_case_id, outcome="").update(outcome=outcome)


class Migration(migrations.Migration):
    dependencies = [("appeals", "0002_dispute_case_outcome")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
