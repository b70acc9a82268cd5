# The fee's notice-received day, deferral and reduction, and applications for fee relief.

import django.db.models.deletion
import tianping.parties.models
import tianping.payments.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('payments', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='feedue',
            name='deferred_until',
            field=models.DateField(blank=True, null=True, verbose_name='deferred until'),
        ),
        migrations.AddField(
            model_name='feedue',
            name='received_on',
            field=models.DateField(blank=True, help_text='When the party received the notice, where known; the seven days run from the next day.', null=True, verbose_name='notice received on'),
        ),
        migrations.AddField(
            model_name='feedue',
            name='reduced_amount',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=16, null=True, verbose_name='amount after reduction (yuan)'),
        ),
        migrations.CreateModel(
            name='FeeRelief',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(default=tianping.parties.models.new_public_code, max_length=12, unique=True)),
                ('kind', models.CharField(choices=[('defer', 'Deferral (缓交)'), ('reduce', 'Reduction (减交)'), ('waive', 'Waiver (免交)')], max_length=8, verbose_name='aid applied for')),
                ('ground', models.CharField(max_length=32, verbose_name='ground')),
                ('statement', models.TextField(max_length=2000, verbose_name='statement of hardship')),
                ('percent', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='reduction asked (per cent)')),
                ('proof', models.FileField(blank=True, upload_to=tianping.payments.models.relief_proof_path, verbose_name='proof of hardship')),
                ('proof_name', models.CharField(blank=True, max_length=200, verbose_name='file name')),
                ('proof_type', models.CharField(blank=True, max_length=40)),
                ('applicant_name', models.CharField(max_length=200, verbose_name='applicant')),
                ('submitted_at', models.DateTimeField(auto_now_add=True, verbose_name='submitted at')),
                ('status', models.CharField(choices=[('pending', "Awaiting the court's decision"), ('granted', 'Granted'), ('refused', 'Refused')], default='pending', max_length=8, verbose_name='status')),
                ('decided_on', models.DateField(blank=True, null=True, verbose_name='decided on')),
                ('granted_percent', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='reduction granted (per cent)')),
                ('deferred_until', models.DateField(blank=True, null=True, verbose_name='deferred until')),
                ('reasons', models.TextField(blank=True, max_length=2000, verbose_name='reasons of the decision')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
                ('fee', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='reliefs', to='payments.feedue', verbose_name='fee')),
                ('submitted_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='submitted by')),
            ],
            options={
                'verbose_name': 'application for fee relief',
                'verbose_name_plural': 'applications for fee relief',
                'ordering': ['submitted_at', 'id'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('status', 'pending')), fields=('fee',), name='payments_one_pending_relief')],
            },
        ),
    ]
