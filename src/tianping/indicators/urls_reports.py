"""The reports' URLs (`/indicators/reports/`): the form and the download (see
`views_reports`)."""

from django.urls import path

from tianping.indicators import views_reports

urlpatterns = [
    path("", views_reports.form_page, name="reports"),
    path("download/", views_reports.download, name="report"),
]
