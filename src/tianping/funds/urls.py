from django.urls import path

from tianping.funds import views

app_name = "funds"
urlpatterns = [
    path("", views.desk, name="desk"),
    path("arrivals/", views.record_arrival, name="record_arrival"),
    path("payouts/<int:pk>/pay/", views.pay, name="pay"),
    path("payouts/<int:pk>/decide/", views.decide_payout, name="decide_payout"),
    path("deferrals/<int:pk>/decide/", views.decide_deferral, name="decide_deferral"),
    path("deferrals/<int:pk>/end/", views.end_deferral, name="end_deferral"),
    path("approvals/", views.approvals, name="approvals"),
    path("reconciliation/", views.reconciliation, name="reconciliation"),
    path("cases/<str:code>/", views.case, name="case"),
    path("cases/<str:code>/payouts/", views.request_payout, name="request_payout"),
    path("cases/<str:code>/claim/", views.claim, name="claim"),
    path("cases/<str:code>/deferrals/", views.request_deferral, name="request_deferral"),
    path("cases/<str:code>/outflow/", views.outflow, name="outflow"),
]
