from django.urls import path

from tianping.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.portal_home, name="home"),
    path("courts/", views.courts, name="courts"),
]
