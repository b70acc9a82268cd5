"""The document pages, mounted at /documents/."""

from django.urls import path

from tianping.documents import views as v

app_name = "documents"
urlpatterns = [
    path("courts/<str:code>/", v.court_templates, name="court_templates"),
    path("courts/<str:code>/<str:kind>/", v.edit_template, name="edit_template"),
    path("courts/<str:code>/<str:kind>/versions/<int:pk>/", v.template_version,
         name="template_version"),
    path("courts/<str:code>/<str:kind>/use-default/", v.use_default, name="use_default"),
    path("cases/<str:code>/", v.case_documents, name="case"),
]
