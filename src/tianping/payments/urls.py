from django.urls import path

from tianping.payments import views

app_name = "payments"
urlpatterns = [
    path("cases/<str:code>/", views.case_fee, name="case"),
]
