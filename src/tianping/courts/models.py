from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tianping.courts.choices import (
    CourtLevel,
    DivisionKind,
    Role,
    SpecialKind,
    TeamKind,
    TeamRole,
)
from tianping.courts.codes import court_code_error

# Which level a court's parent must have.
PARENT_LEVELS = {
    CourtLevel.SUPREME: (),
    CourtLevel.HIGH: (CourtLevel.SUPREME,),
    CourtLevel.INTERMEDIATE: (CourtLevel.HIGH,),
    CourtLevel.BASIC: (CourtLevel.INTERMEDIATE, CourtLevel.HIGH),
}


class CourtQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Court(models.Model):
    """A people's court (人民法院) with its code (法院代字) and place in the hierarchy."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    code = models.CharField(_("court code"), max_length=8, unique=True)  # 法院代字
    level = models.CharField(_("level"), max_length=16, choices=CourtLevel.choices)
    special_kind = models.CharField(
        _("special court"), max_length=16, choices=SpecialKind.choices, blank=True
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("higher court"),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    objects = CourtQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("court")
        verbose_name_plural = _("courts")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        allowed = PARENT_LEVELS.get(self.level, ())
        if self.parent_id and self.parent.level not in allowed:
            raise ValidationError(
                {
                    "parent": _("A court of this level cannot sit under a %(level)s.")
                    % {"level": self.parent.get_level_display()}
                }
            )
        if not self.parent_id and allowed:
            raise ValidationError({"parent": _("A court of this level needs a higher court.")})
        error = court_code_error(
            self.code, self.level, self.parent.code if self.parent_id else None
        )
        if error:
            raise ValidationError({"code": error})

    def display_name(self, language: str | None = None) -> str:
        if language == "en" and self.name_en:
            return self.name_en
        return self.name

    def descendant_ids(self) -> set[int]:
        """Ids of every court below this one, read once per court object: one query for the
        four levels a court hierarchy has at most, and more only if it ever goes deeper."""
        cached = getattr(self, "_descendant_ids", None)
        if cached is None:
            cached = self._descendant_ids = frozenset(self._read_descendants())
        return set(cached)

    def _read_descendants(self) -> set[int]:
        links = ["parent" + "__parent" * n for n in range(4)]
        below = models.Q()
        for link in links:
            below |= models.Q(**{f"{link}_id": self.pk})
        rows = Court.objects.filter(below).values_list("pk", *(f"{link}_id" for link in links))
        found, deepest = set(), []
        for pk, *above in rows:
            found.add(pk)
            if above[-1] == self.pk:  # four levels down: look further, level by level
                deepest.append(pk)
        frontier = deepest
        while frontier:
            frontier = list(
                Court.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
            )
            found.update(frontier)
        return found


class Division(models.Model):
    """A division of a court (庭/局/办): 立案庭, 民一庭, 执行局, 审管办, 办公室 ..."""

    court = models.ForeignKey(
        Court, on_delete=models.CASCADE, related_name="divisions", verbose_name=_("court")
    )
    name = models.CharField(_("name"), max_length=60)
    name_en = models.CharField(_("English name"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=DivisionKind.choices)

    class Meta:
        ordering = ["court__code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["court", "name"], name="division_unique_name")
        ]
        verbose_name = _("division")
        verbose_name_plural = _("divisions")

    def __str__(self) -> str:
        return f"{self.court.short_name or self.court.name} {self.name}"


class Team(models.Model):
    """A team inside a court: a fast-track team (速裁快审团队), an enforcement team ..."""

    court = models.ForeignKey(
        Court, on_delete=models.CASCADE, related_name="teams", verbose_name=_("court")
    )
    division = models.ForeignKey(
        Division,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="teams",
        verbose_name=_("division"),
    )
    name = models.CharField(_("name"), max_length=60)
    name_en = models.CharField(_("English name"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=TeamKind.choices)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="TeamMember", related_name="teams"
    )

    class Meta:
        ordering = ["court__code", "name"]
        constraints = [models.UniqueConstraint(fields=["court", "name"], name="team_unique_name")]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.division_id and self.division.court_id != self.court_id:
            raise ValidationError({"division": _("The division belongs to another court.")})


class TeamMember(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_memberships"
    )
    role = models.CharField(_("role in team"), max_length=16, choices=TeamRole.choices)

    class Meta:
        ordering = ["team", "role", "user"]
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="team_member_unique")]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self) -> str:
        return f"{self.team}: {self.user} ({self.get_role_display()})"


class Courtroom(models.Model):
    """A courtroom (法庭/审判庭), physical or online (互联网法庭)."""

    court = models.ForeignKey(
        Court, on_delete=models.CASCADE, related_name="courtrooms", verbose_name=_("court")
    )
    name = models.CharField(_("name"), max_length=60)
    location = models.CharField(_("location"), max_length=120, blank=True)
    is_online = models.BooleanField(_("online courtroom"), default=False)
    seats = models.PositiveIntegerField(_("seats"), default=0)

    class Meta:
        ordering = ["court__code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["court", "name"], name="courtroom_unique_name")
        ]
        verbose_name = _("courtroom")
        verbose_name_plural = _("courtrooms")

    def __str__(self) -> str:
        return self.name


class ServicePoint(models.Model):
    """A litigation service point (诉讼服务点) in a town or village."""

    court = models.ForeignKey(
        Court, on_delete=models.CASCADE, related_name="service_points", verbose_name=_("court")
    )
    name = models.CharField(_("name"), max_length=100)
    township = models.CharField(_("township or village"), max_length=100, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["court__code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["court", "name"], name="service_point_unique_name")
        ]
        verbose_name = _("service point")
        verbose_name_plural = _("service points")

    def __str__(self) -> str:
        return self.name


class Liaison(models.Model):
    """A liaison person (联络员) of a service point: a village cadre, grid worker, mediator."""

    service_point = models.ForeignKey(
        ServicePoint,
        on_delete=models.CASCADE,
        related_name="liaisons",
        verbose_name=_("service point"),
    )
    name = models.CharField(_("name"), max_length=60)
    phone = models.CharField(_("telephone"), max_length=40)
    position = models.CharField(_("position"), max_length=60, blank=True)

    class Meta:
        ordering = ["service_point", "name"]
        verbose_name = _("liaison person")
        verbose_name_plural = _("liaison persons")

    def __str__(self) -> str:
        return self.name


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(
            Q(starts_on__isnull=True) | Q(starts_on__lte=on),
            Q(ends_on__isnull=True) | Q(ends_on__gte=on),
            is_active=True,
        )


class Membership(models.Model):
    """A staff member's role in one court, optionally in one division (岗位)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("staff member"),
    )
    court = models.ForeignKey(
        Court, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("court")
    )
    division = models.ForeignKey(
        Division,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("division"),
    )
    role = models.CharField(_("role"), max_length=24, choices=Role.choices)
    sees_lower_courts = models.BooleanField(
        _("sees the courts below"),
        default=False,
        help_text=_("Gives sight of every court below this one (supervision by a higher court)."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["court__code", "user__username", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "court", "role"], name="membership_unique_role")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} · {self.court} · {self.get_role_display()}"

    def clean(self) -> None:
        if self.division_id and self.division.court_id != self.court_id:
            raise ValidationError({"division": _("The division belongs to another court.")})
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date is before the start date.")})


class BackupQuerySet(models.QuerySet):
    def in_force(self, on=None):
        on = on or timezone.localdate()
        return self.filter(away_from__lte=on, away_until__gte=on, is_active=True)


class Backup(models.Model):
    """A/B backup (AB角): while the principal is away, the backup may act for them."""

    principal = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="backups_named",
        verbose_name=_("principal (A)"),
    )
    backup = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="backup_for",
        verbose_name=_("backup (B)"),
    )
    away_from = models.DateField(_("away from"))
    away_until = models.DateField(_("away until"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = BackupQuerySet.as_manager()

    class Meta:
        ordering = ["-away_from", "principal"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(principal=models.F("backup")), name="backup_not_self"
            ),
            models.CheckConstraint(
                condition=Q(away_until__gte=models.F("away_from")), name="backup_dates_ordered"
            ),
        ]
        verbose_name = _("A/B backup")
        verbose_name_plural = _("A/B backups")

    def __str__(self) -> str:
        return f"{self.principal} → {self.backup} ({self.away_from}–{self.away_until})"


# The holiday table lives in its own module (national rows and each court's own days).
from tianping.courts.models_calendar import CalendarDay, CoveredYear  # noqa: E402, F401
