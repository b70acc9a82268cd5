from django.urls import path

from tianping.courts import views

app_name = "courts"
urlpatterns = [
    path("", views.court_list, name="list"),
    path("<str:code>/", views.court_detail, name="detail"),
]
