"""Online filing for litigants and lawyers, mounted at /portal/filings/."""

from django.urls import path

from tianping.filings import views_online as v

app_name = "online"
urlpatterns = [
    path("", v.my_filings, name="list"),
    path("new/", v.new_filing, name="new"),
    path("check-identity/", v.check_identity, name="check_identity"),
    path("<str:code>/", v.detail, name="detail"),
    path("<str:code>/representatives/", v.representatives, name="representatives"),
    path("<str:code>/upload/", v.upload, name="upload"),
    path("<str:code>/files/<str:ref>/", v.attachment, name="attachment"),
    path("<str:code>/files/<str:ref>/remove/", v.remove_file, name="remove_file"),
    path("<str:code>/submit/", v.submit, name="submit"),
    path("<str:code>/receipt/", v.receipt, name="receipt"),
    path("<str:code>/receipt.pdf", v.receipt_pdf, name="receipt_pdf"),
    path("<str:code>/correction/", v.correction, name="correction"),
    path("<str:code>/withdraw/", v.withdraw, name="withdraw"),
    path("<str:code>/<str:step>/", v.step, name="step"),
    path("<str:code>/<str:step>/save/", v.autosave, name="autosave"),
]
