"""The parties' view of their cases, mounted at /portal/cases/."""

from django.urls import path

from tianping.cases import views_panel, views_party_acts
from tianping.cases import views_party as v

app_name = "party_cases"
urlpatterns = [
    path("", v.my_cases, name="list"),
    path("<str:code>/", v.case_detail, name="detail"),
    path("<str:code>/documents/<str:ref>/", v.document, name="document"),
    path("<str:code>/recusal/", views_panel.request_recusal, name="recusal"),
    path("<str:code>/material/", views_party_acts.submit, name="material"),
    path("<str:code>/meeting/", views_party_acts.ask, name="meeting"),
]
