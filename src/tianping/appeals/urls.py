from django.urls import path

from tianping.appeals import views

app_name = "appeals"
urlpatterns = [
    path("incoming/", views.incoming, name="incoming"),
    path("incoming/<str:code>/file/", views.docket, name="docket"),
    path("retrials/<str:code>/file/", views.docket_retrial, name="docket_retrial"),
    path("cases/<str:code>/window/", views.window, name="window"),
    path("cases/<str:code>/transfer/", views.transfer, name="transfer"),
    path("cases/<str:code>/outcome/", views.outcome, name="outcome"),
    path("cases/<str:code>/retrial-outcome/", views.retrial_outcome, name="retrial_outcome"),
    path("cases/<str:code>/mediation-close/", views.mediation_close, name="mediation_close"),
    path("fees/<str:code>/", views.fee, name="fee"),
    path("my/<str:code>/appeal/", views.appeal, name="appeal"),
    path("my/<str:code>/retrial/", views.retrial, name="retrial"),
]
