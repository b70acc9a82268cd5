from django.urls import path

from tianping.catalog import views

app_name = "catalog"
urlpatterns = [
    path("", views.index, name="index"),
    path("import/", views.import_table, name="import"),
    path("<str:kind>/", views.browse, name="browse"),
    path("<str:kind>/picker/", views.picker, name="picker"),
]
