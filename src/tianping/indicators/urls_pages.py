"""Indicator pages URLs: the court view (the dashboard), the cases behind a figure, the
comparisons, the judges' scorecards and the court's reference ranges."""

from django.urls import path

from tianping.indicators import views, views_cases, views_compare, views_judges, views_ranges

urlpatterns = [
    path("", views.court_view, name="court"),
    path("cases/", views_cases.cases, name="cases"),
    path("courts/", views_compare.courts_below, name="courts"),
    path("breakdown/", views_compare.breakdown, name="breakdown"),
    path("judges/<int:pk>/", views_judges.scorecard, name="scorecard"),
    path("judges/name/", views_judges.scorecard_by_name, name="scorecard_by_name"),
    path("ranges/", views_ranges.ranges, name="ranges"),
]
