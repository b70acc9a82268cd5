"""The indicator pages (`/indicators/...`): the views and drill-down (`views*`), the big
screen (`views_display`) and the reports (`views_reports`)."""

from django.urls import include, path

app_name = "indicators"

urlpatterns = [
    path("", include("tianping.indicators.urls_pages")),
    path("display/", include("tianping.indicators.urls_display")),
    path("reports/", include("tianping.indicators.urls_reports")),
]
