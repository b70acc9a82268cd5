from django.contrib import admin
from django.urls import include, path

from tianping.api.api import api
from tianping.workspace.views import home

admin.site.site_header = "天平 Tianping"

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("tianping.accounts.urls")),
    path("workspace/", include("tianping.workspace.urls")),
    path("portal/", include("tianping.portal.urls")),
    path("portal/filings/", include("tianping.filings.online.urls")),
    path("portal/cases/", include("tianping.cases.urls_party")),
    path("courts/", include("tianping.courts.urls")),
    path("cases/", include("tianping.cases.urls")),
    path("catalogs/", include("tianping.catalog.urls")),
    path("tools/", include("tianping.catalog.tools_urls")),
    path("time-limits/", include("tianping.deadlines.urls")),
    path("case-fees/", include("tianping.payments.urls")),
    path("mediation/", include("tianping.mediation.urls")),
    path("service/", include("tianping.service.urls")),
    path("", include("tianping.hearings.urls")),  # /hearings/..., /notices/
    path("notifications/", include("tianping.notifications.urls")),
    path("supervision/", include("tianping.supervision.urls")),
    path("procedures/", include("tianping.payorders.urls")),
    path("appeals/", include("tianping.appeals.urls")),
    path("documents/", include("tianping.documents.urls")),
    path("enforcement/", include("tianping.enforcement.urls")),
    path("funds/", include("tianping.funds.urls")),
    path("petitions/", include("tianping.petitions.urls")),
    path("indicators/", include("tianping.indicators.urls")),
    path("filing-review/", include("tianping.filings.review.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
