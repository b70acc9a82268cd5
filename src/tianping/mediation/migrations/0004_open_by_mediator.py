# Each mediator's open mediations, counted for every recommendation (recommend.py).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("mediation", "0003_timeline_append_only"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="mediation",
            index=models.Index(
                condition=models.Q(
                    ("status__in", ("awaiting_appointment", "appointed", "in_progress"))
                ),
                fields=["mediator"],
                name="mediation_open_by_mediator_idx",
            ),
        ),
    ]
