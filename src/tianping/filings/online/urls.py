"""Online filing for litigants and lawyers, mounted at /portal/filings/."""

from django.urls import path

from tianping.filings.online import views as v
from tianping.filings.online import views_filing as filing
from tianping.filings.online import views_papers as papers
from tianping.filings.online import views_steering as steering

app_name = "online"
urlpatterns = [
    path("", filing.my_filings, name="list"),
    path("new/", filing.new_filing, name="new"),
    path("check-identity/", v.check_identity, name="check_identity"),
    path("<str:code>/", filing.detail, name="detail"),
    path("<str:code>/representatives/", papers.representatives, name="representatives"),
    path("<str:code>/upload/", papers.upload, name="upload"),
    path("<str:code>/files/<str:ref>/", papers.attachment, name="attachment"),
    path("<str:code>/files/<str:ref>/remove/", papers.remove_file, name="remove_file"),
    path("<str:code>/submit/", v.submit, name="submit"),
    path("<str:code>/mediation-choice/", steering.mediation_choice, name="mediation_choice"),
    path("<str:code>/receipt/", filing.receipt, name="receipt"),
    path("<str:code>/receipt.pdf", filing.receipt_pdf, name="receipt_pdf"),
    path("<str:code>/correction/", filing.correction, name="correction"),
    path("<str:code>/withdraw/", filing.withdraw, name="withdraw"),
    path("<str:code>/delete/", filing.delete, name="delete"),
    path("<str:code>/<str:step>/", v.step, name="step"),
    path("<str:code>/<str:step>/save/", v.autosave, name="autosave"),
]
