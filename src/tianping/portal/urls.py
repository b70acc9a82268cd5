from django.urls import path

from tianping.portal import views, views_documents

app_name = "portal"
urlpatterns = [
    path("", views.portal_home, name="home"),
    path("courts/", views.courts, name="courts"),
    path("lawyer/", views.lawyer_desk, name="lawyer"),
    path(
        "filings/<str:code>/documents/<slug:name>.pdf",
        views_documents.filing_document,
        name="filing_document",
    ),
    path(
        "cases/<str:code>/documents/<slug:name>.pdf",
        views_documents.case_document,
        name="case_document",
    ),
]
