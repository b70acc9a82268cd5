"""/api/v1/me: the signed-in user with their memberships (courts know the roles)."""

from ninja import Router, Schema

from tianping.courts import permissions

router = Router(tags=["accounts"])


class MembershipOut(Schema):
    court_code: str
    court_name: str
    division: str | None
    role: str
    role_name: str


class MeOut(Schema):
    username: str
    full_name: str
    kind: str
    acting_for: str | None
    memberships: list[MembershipOut]


@router.get("/me", response=MeOut, summary="The signed-in user and their roles")
def me(request):
    user = permissions.effective_user(request)
    memberships = [
        MembershipOut(
            court_code=m.court.code,
            court_name=m.court.name,
            division=m.division.name if m.division_id else None,
            role=m.role,
            role_name=str(m.get_role_display()),
        )
        for m in user.memberships.current().select_related("court", "division")
    ]
    acting_for = getattr(request, "acting_for", None)
    return MeOut(
        username=request.user.username,
        full_name=request.user.full_name,
        kind=request.user.kind,
        acting_for=acting_for.username if acting_for else None,
        memberships=memberships,
    )
