"""The service pages, mounted at /service/."""

from django.urls import path

from tianping.service import views as v

app_name = "service"
urlpatterns = [
    path("queue/", v.queue, name="queue"),
    path("cases/<str:code>/", v.case_service, name="case"),
    path("cases/<str:code>/serve/", v.serve, name="serve"),
    path("cases/<str:code>/parties/<int:pk>/address/", v.record_address, name="address"),
    path("cases/<str:code>/parties/<int:pk>/address.pdf", v.address_pdf, name="address_pdf"),
    path("cases/<str:code>/parties/<int:pk>/my-address/", v.my_address, name="my_address"),
    path("s/<str:code>/", v.detail, name="detail"),
    path("s/<str:code>/attempts/<int:pk>/receipt/", v.postal_receipt, name="postal_receipt"),
    path("s/<str:code>/direct/", v.direct, name="direct"),
    path("s/<str:code>/retained/", v.retained, name="retained"),
    path("s/<str:code>/public-notice/", v.public_notice, name="public_notice"),
    path("s/<str:code>/certificate.pdf", v.certificate, name="certificate"),
    path("s/<str:code>/open/", v.open_served, name="open"),
]
