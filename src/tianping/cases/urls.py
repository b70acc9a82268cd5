from django.urls import path

from tianping.cases import views, views_dashboard, views_import, views_panel, views_party_acts

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("dashboard/", views_dashboard.dashboard, name="dashboard"),
    *views_import.urlpatterns,  # the historical import (issue 13 part 1)
    path("<str:code>/", views.case_detail, name="detail"),
    path("<str:code>/start-trial/", views.start_trial, name="start_trial"),
    path("<str:code>/assign/", views.assign, name="assign"),
    path("<str:code>/close/", views.close, name="close"),
    path("<str:code>/archive/", views.archive, name="archive"),
    path("<str:code>/bench/", views_panel.bench, name="bench"),
    path("<str:code>/bench/<int:pk>/change/", views_panel.replace, name="replace_seat"),
    path("<str:code>/recusals/<int:pk>/decide/", views_panel.decide_recusal,
         name="decide_recusal"),
    path("<str:code>/material/<int:pk>/files/<int:file_pk>/", views_party_acts.material_file,
         name="material_file"),
    path("<str:code>/material/<int:pk>/receive/", views_party_acts.receive,
         name="receive_material"),
    path("<str:code>/meetings/<int:pk>/answer/", views_party_acts.answer,
         name="answer_meeting"),
    path("<str:code>/procedure-requests/<int:pk>/decide/", views_panel.decide_procedure,
         name="decide_procedure"),
    path("<str:code>/documents/<str:key>/", views.document, name="document"),
    path("<str:code>/filing-files/<str:key>/", views.filing_file, name="filing_file"),
    path(
        "<str:code>/filing-documents/<str:name>/",
        views.filing_document,
        name="filing_document",
    ),
]
