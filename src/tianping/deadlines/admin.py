from django.contrib import admin

from tianping.courts.admin import ReferenceAdmin
from tianping.deadlines.models import CalendarDay, CoveredYear


@admin.register(CalendarDay)
class CalendarDayAdmin(ReferenceAdmin):
    list_display = ["day", "is_rest_day", "name"]
    list_filter = ["is_rest_day"]
    date_hierarchy = "day"


@admin.register(CoveredYear)
class CoveredYearAdmin(ReferenceAdmin):
    list_display = ["year", "source"]
