from django.urls import path

from tianping.mediation import views, views_partners

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
]
