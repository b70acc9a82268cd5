from django.urls import path

from tianping.payments import views

app_name = "payments"
urlpatterns = [
    path("reliefs/", views.reliefs, name="reliefs"),
    path("cases/<str:code>/", views.case_fee, name="case"),
    path("cases/<str:code>/relief/", views.apply, name="apply"),
    path("cases/<str:code>/relief/<str:relief_code>/proof/", views.proof, name="proof"),
]
