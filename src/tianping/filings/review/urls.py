from django.urls import path

from tianping.filings.review import views
from tianping.filings.review import views_intake as intake
from tianping.filings.review import views_refusal as refusals
from tianping.filings.review import views_steering as steering

app_name = "review"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("window/new/", intake.window_new, name="window_new"),
    path("cross-region/", intake.cross_region_list, name="cross_region_list"),
    path("cross-region/new/", intake.cross_region_new, name="cross_region_new"),
    path("rows/<str:kind>/", intake.new_row, name="new_row"),
    path("refusals/", refusals.refusals, name="refusals"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/accept/", views.accept, name="accept"),
    path("<str:code>/correction/", views.correction, name="correction"),
    path("<str:code>/refuse/", views.refuse, name="refuse"),
    path("<str:code>/refusal/", refusals.refusal, name="refusal"),
    path("<str:code>/transfer/", views.transfer, name="transfer"),
    path("<str:code>/mediation-choice/", steering.mediation_choice, name="mediation_choice"),
    path("<str:code>/forward/", views.forward, name="forward"),
    path("<str:code>/attach/", views.attach, name="attach"),
    path("<str:code>/filed/", views.filed, name="filed"),
    path("<str:code>/receipt/", views.receipt, name="receipt"),
    path("<str:code>/files/<int:pk>/", views.attachment, name="attachment"),
    path("<str:code>/parties/<int:pk>/reveal/", views.reveal_id, name="reveal_id"),
    path("<str:code>/<slug:name>.pdf", views.document, name="document"),
]
