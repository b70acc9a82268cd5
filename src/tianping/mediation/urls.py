from django.urls import path

from tianping.mediation import views, views_mediations, views_partners

app_name = "mediation"
urlpatterns = [
    path("", views.roster, name="roster"),
    path("courts/<str:code>/roster/", views.public, name="public_roster"),
    path("courts/<str:code>/mediators/new/", views.new_mediator, name="new_mediator"),
    path("mediators/<int:pk>/", views.mediator, name="mediator"),
    path("mediators/<int:pk>/edit/", views.edit_mediator, name="edit_mediator"),
    path("mediators/<int:pk>/delist/", views.delist_mediator, name="delist_mediator"),
    path("mediators/<int:pk>/relist/", views.relist_mediator, name="relist_mediator"),
    path("partners/", views_partners.partners, name="partners"),
    path("courts/<str:code>/partners/new/", views_partners.new_partner, name="new_partner"),
    path("partners/<int:pk>/", views_partners.partner, name="partner"),
    path("partners/<int:pk>/edit/", views_partners.edit_partner, name="edit_partner"),
    path("partners/<int:pk>/agreements/new/", views_partners.new_agreement,
         name="new_agreement"),
    path("agreements/<int:pk>/edit/", views_partners.edit_agreement, name="edit_agreement"),
    path("partners/<int:pk>/coordinators/", views_partners.add_coordinator,
         name="add_coordinator"),
    path("coordinators/<int:pk>/end/", views_partners.end_coordinator, name="end_coordinator"),
    path("courts/<str:code>/stations/new/", views_partners.new_station, name="new_station"),
    path("stations/<int:pk>/edit/", views_partners.edit_station, name="edit_station"),
    # mediations
    path("mediations/", views_mediations.mediations, name="mediations"),
    path("apply/", views_mediations.apply, name="apply"),
    path("filings/<str:code>/refer/", views_mediations.refer, name="refer"),
    path("cases/<str:code>/refer/", views_mediations.refer_case, name="refer_case"),
    path("m/<str:code>/", views_mediations.detail, name="detail"),
    path("m/<str:code>/appoint/", views_mediations.appoint, name="appoint"),
    path("m/<str:code>/accept/", views_mediations.accept, name="accept"),
    path("m/<str:code>/decline/", views_mediations.decline, name="decline"),
    path("m/<str:code>/answer/", views_mediations.answer, name="answer"),
    path("m/<str:code>/sessions/", views_mediations.schedule, name="schedule"),
    path("m/<str:code>/sessions/<int:pk>/record/", views_mediations.record_session,
         name="record_session"),
    path("m/<str:code>/sessions/<int:pk>/cancel/", views_mediations.cancel_session,
         name="cancel_session"),
    path("m/<str:code>/extend/", views_mediations.extend, name="extend"),
    path("m/<str:code>/end/", views_mediations.end, name="end"),
    path("m/<str:code>/withdraw/", views_mediations.withdraw, name="withdraw"),
]
