from django.urls import path

from tianping.deadlines import views

app_name = "deadlines"
urlpatterns = [
    path("cases/<str:code>/", views.time_limit, name="case"),
    path("extensions/", views.extension_requests, name="extension_requests"),
    path("extensions/<int:pk>/decide/", views.decide, name="decide"),
    path("overdue/", views.overdue, name="overdue"),
    path("overdue/summary/", views.overdue_summary, name="overdue_summary"),
]
