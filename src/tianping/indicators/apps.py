from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "tianping.indicators"
    verbose_name = _("Trial performance indicators")
