"""Petition pages: the handlers' queue, the window's registration, a petition with its
timeline and the forms of the acts the reader may take; the litigant's portal pages (my
petitions, a new online petition, a petition with its reply, satisfaction and review); the
leaders' reception days (kept by the president or administrator, published on the portal,
booked by litigants). Reads through `petitions.permissions` and `queries`; every change one
call of `petitions.actions`, as the API does."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.audit.actions import record_view
from tianping.catalog.identity import mask_number
from tianping.courts.models import Court
from tianping.courts.permissions import effective_user, public_user_page, require_staff
from tianping.petitions import actions, forms, queries
from tianping.petitions import permissions as perms
from tianping.petitions.choices import ROUTE_WHERE, Channel, Route, Status
from tianping.petitions.events import petition_timeline
from tianping.petitions.models import ReceptionDay


def _acting(request) -> dict:
    return {"actor": request.user, "acted_for": getattr(request, "acting_for", None)}


def put_errors(form, exc) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None,
                           [m for e in errors for m in e.messages])
    else:
        form.add_error(None, exc.messages if hasattr(exc, "messages") else [str(exc)])


def split_cases(text: str) -> list[str]:
    import re

    return [t for t in re.split(r"[\s,，、;；]+", text or "") if t]


def timeline(petition, *, public_only: bool):
    events = petition.events.select_related("actor")
    if public_only:
        events = events.filter(is_public=True)
    return [(e, petition_timeline.label(e), petition_timeline.details(e)) for e in events]


def route_link(petition, user):
    """Where a routed matter is filed on the platform: the party's appeal page for the case
    where an appeal lies, or the retrial application where the judgment is effective."""
    from django.urls import reverse

    from tianping.appeals.queries import effect_of

    if petition.route not in (Route.APPEAL, Route.RETRIAL) or not perms.is_public_user(user):
        return None
    case = petition.cases.first()
    effect = effect_of(case) if case else None
    if effect is None or effect.after:
        return None
    if petition.route == Route.APPEAL and effect.result and effect.result.appealable:
        return reverse("appeals:appeal", args=[case.code])
    if petition.route == Route.RETRIAL and effect.is_effective and case.court.parent_id:
        return reverse("appeals:retrial", args=[case.code])
    return None


def _can(user, petition) -> dict:
    return {
        "classify": perms.can_classify(user, petition),
        "assign": perms.can_assign(user, petition),
        "reply": perms.can_reply(user, petition),
        "extension": perms.can_ask_extension(user, petition),
        "decide": perms.can_decide_extension(user, petition),
        "rate": perms.can_rate(user, petition),
        "review": perms.can_ask_review(user, petition),
        "review_result": perms.can_record_review(user, petition),
        "link": perms.can_link(user, petition),
        "files": perms.can_add_files(user, petition),
    }


FORMS = {
    "classify": lambda p, data, files: forms.ClassifyForm(data),
    "assign": lambda p, data, files: forms.AssignForm(data, court=p.court),
    "reply": lambda p, data, files: forms.ReplyForm(data, files),
    "extension": lambda p, data, files: forms.ReasonForm(data),
    "decide": lambda p, data, files: forms.DecideForm(data),
    "rate": lambda p, data, files: forms.RateForm(data),
    "review": lambda p, data, files: forms.ReviewAskForm(data),
    "review_result": lambda p, data, files: forms.ReviewResultForm(data),
    "link": lambda p, data, files: forms.LinkForm(data),
    "files": lambda p, data, files: forms.FilesForm(data, files),
}


def _page(request, user, petition, *, bound=None, status=200):
    today = timezone.localdate()
    can = _can(user, petition)
    staff = perms.is_staff_reader(user)
    built = {name: (bound or {}).get(name) or FORMS[name](petition, None, None)
             for name, ok in can.items() if ok and (staff or name in ("rate", "review", "files"))}
    return render(request, "petitions/detail.html" if staff else "petitions/my_detail.html", {
        "p": petition, "can": can, "forms": built, "today": today,
        "overdue": queries.is_overdue(petition, today),
        "cases": petition.cases.all(),
        "earlier": petition.earlier.all(), "later": petition.repeats.all(),
        "files": petition.files.all(),
        "events": timeline(petition, public_only=not staff),
        "masked_id": mask_number(petition.id_number) if petition.id_number else "",
        "where": ROUTE_WHERE.get(petition.route) if petition.route else None,
        "appeal_link": route_link(petition, user),
        "bookings": petition.bookings.select_related("reception", "reception__leader"),
    }, status=status)


@login_required
def queue(request):
    user = require_staff(effective_user(request))
    tab = request.GET.get("tab") if request.GET.get("tab") in queries.TABS else "open"
    today = timezone.localdate()
    status = request.GET.get("status", "")
    channel = request.GET.get("channel", "")
    channel = channel if channel in Channel.values else ""
    page = queries.queue_page(user, tab, today, status=status, channel=channel,
                              q=request.GET.get("q", "")[:60], after=request.GET.get("after"))
    return render(request, "petitions/queue.html", {
        "page": page, "tab": tab, "today": today, "statuses": Status.choices,
        "channels": Channel.choices, "status": status, "channel": channel,
        "q": request.GET.get("q", "")[:60],
        "may_register": perms.can_register_at_window(user)})


def _register(request, user, *, online: bool):
    courts = Court.objects.all().order_by("code") if online else perms.window_courts(user)
    initial = {}
    if online and request.GET.get("case"):
        case = perms_case(user, request.GET["case"])
        if case is not None:
            initial = {"cases": case.number, "court": case.court_id}
    form = forms.PetitionForm(request.POST or None, request.FILES or None, courts=courts,
                              online=online, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                petition = actions.register_petition(
                    **_acting(request), court=data["court"],
                    channel=data.get("channel", Channel.ONLINE), matter=data["matter"],
                    requests=data["requests"], name=data.get("name", ""),
                    id_number=data.get("id_number", ""), phone=data.get("phone", ""),
                    address=data.get("address", ""), cases=split_cases(data["cases"]),
                    files=data["files"], received_on=data.get("received_on"),
                    today=timezone.localdate())
            except ValidationError as exc:
                put_errors(form, exc)
            else:
                messages.success(request, _("Petition %(code)s registered.")
                                 % {"code": petition.code})
                return redirect("petitions:my_detail" if online else "petitions:detail",
                                petition.code)
    return render(request, "petitions/register.html", {"form": form, "online": online},
                  status=status)


def perms_case(user, code):
    from tianping.cases.permissions import cases_visible_to

    return cases_visible_to(user).filter(code=code).first()


@login_required
def register(request):
    user = require_staff(effective_user(request))
    if not perms.can_register_at_window(user):
        raise PermissionDenied
    return _register(request, user, online=False)


@login_required
def detail(request, code):
    user = require_staff(effective_user(request))
    petition = perms.get_petition_for_user(user, code)
    record_view(request, petition, "petition_viewed")
    return _page(request, user, petition)


def _act(request, code, name, run):
    user = effective_user(request)
    petition = perms.get_petition_for_user(user, code)
    if not _can(user, petition)[name]:
        raise PermissionDenied
    form = FORMS[name](petition, request.POST, request.FILES)
    if form.is_valid():
        try:
            run(petition, form.cleaned_data, _acting(request), timezone.localdate())
        except ValidationError as exc:
            put_errors(form, exc)
        else:
            messages.success(request, _("Done."))
            target = "petitions:detail" if perms.is_staff_reader(user) else "petitions:my_detail"
            return redirect(target, petition.code)
    return _page(request, user, petition, bound={name: form}, status=400)


@login_required
@require_POST
def classify(request, code):
    return _act(request, code, "classify", lambda p, d, a, t: actions.classify(
        p, **a, decision=d["decision"], route=d["route"], note=d["note"], today=t))


@login_required
@require_POST
def assign(request, code):
    return _act(request, code, "assign", lambda p, d, a, t: actions.assign(
        p, **a, handler=d["handler"], division=d["division"]))


@login_required
@require_POST
def reply(request, code):
    return _act(request, code, "reply", lambda p, d, a, t: actions.reply(
        p, **a, text=d["reply"], attachment=d["attachment"], today=t))


@login_required
@require_POST
def extension(request, code):
    return _act(request, code, "extension", lambda p, d, a, t: actions.ask_extension(
        p, **a, reason=d["reason"]))


@login_required
@require_POST
def decide_extension(request, code):
    return _act(request, code, "decide", lambda p, d, a, t: actions.decide_extension(
        p, **a, grant=d["grant"]))


@login_required
@require_POST
def rate(request, code):
    return _act(request, code, "rate", lambda p, d, a, t: actions.rate(
        p, **a, satisfaction=d["satisfaction"], comment=d["comment"]))


@login_required
@require_POST
def ask_review(request, code):
    return _act(request, code, "review", lambda p, d, a, t: actions.ask_review(
        p, **a, reasons=d["reasons"], today=t))


@login_required
@require_POST
def review_result(request, code):
    return _act(request, code, "review_result", lambda p, d, a, t: actions.record_review(
        p, **a, result=d["result"], today=t))


@login_required
@require_POST
def link(request, code):
    return _act(request, code, "link", lambda p, d, a, t: actions.link(
        p, **a, earlier_code=d["earlier"]))


@login_required
@require_POST
def add_files(request, code):
    return _act(request, code, "files", lambda p, d, a, t: actions.add_files(
        p, **a, files=d["files"]))


@login_required
def attachment(request, code, pk):
    user = effective_user(request)
    petition = perms.get_petition_for_user(user, code)
    item = get_object_or_404(petition.files, pk=pk)
    record_view(request, petition, "petition_file_read", file=item.pk)
    return FileResponse(item.file.open("rb"), filename=item.name)


@login_required
def reply_file(request, code):
    user = effective_user(request)
    petition = perms.get_petition_for_user(user, code)
    if not petition.reply_file:
        raise Http404
    record_view(request, petition, "petition_reply_read")
    return FileResponse(petition.reply_file.open("rb"), filename=petition.reply_file_name)


# The litigant's pages (portal)

@public_user_page
def mine(request):
    return render(request, "petitions/mine.html", {
        "rows": queries.mine(request.user).prefetch_related("cases"),
        "today": timezone.localdate()})


@public_user_page
def new(request):
    return _register(request, request.user, online=True)


@public_user_page
def my_detail(request, code):
    petition = perms.get_petition_for_user(request.user, code)
    return _page(request, request.user, petition)


# Leader reception days (领导接访)

def schedule(request):
    """The published schedule (public); a signed-in litigant books a place."""
    today = timezone.localdate()
    user = request.user
    litigant = perms.is_public_user(user)
    rows = list(queries.upcoming_receptions(today=today)[:100])
    own = list(queries.mine(user)) if litigant else []
    booked = set()
    if litigant:
        from tianping.petitions.models import Booking

        booked = set(Booking.objects.filter(user=user).exclude(status="cancelled")
                     .values_list("reception_id", flat=True))
    return render(request, "petitions/schedule.html", {
        "rows": rows, "litigant": litigant, "booked": booked,
        "book_form": forms.BookForm(petitions=own) if litigant else None})


@public_user_page
@require_POST
def book(request, pk):
    reception = get_object_or_404(ReceptionDay, pk=pk)
    form = forms.BookForm(request.POST, petitions=queries.mine(request.user))
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose one of your own petitions."))
        code = form.cleaned_data["petition"]
        petition = perms.get_petition_for_user(request.user, code) if code else None
        actions.book(reception, actor=request.user, petition=petition,
                     today=timezone.localdate())
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Your place at the reception is booked."))
    return redirect("petitions:schedule")


@login_required
def receptions(request):
    """The staff's schedule: the reception days, their bookings; adding a day."""
    user = require_staff(effective_user(request))
    courts = perms.reception_courts(user)
    may_keep = courts.exists()
    handling = perms.handling_courts(user) | set(courts.values_list("pk", flat=True))
    if not handling and not ReceptionDay.objects.filter(leader=user).exists():
        raise PermissionDenied
    form = forms.ReceptionForm(request.POST or None, courts=courts) if may_keep else None
    status = 200
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        status = 400
        if form.is_valid():
            try:
                actions.add_reception(**_acting(request), **form.cleaned_data,
                                      today=timezone.localdate())
            except ValidationError as exc:
                put_errors(form, exc)
            else:
                messages.success(request, _("Reception day added."))
                return redirect("petitions:receptions")
    today = timezone.localdate()
    rows = queries.upcoming_receptions(today=today).filter(
        court_id__in=handling) | queries.upcoming_receptions(today=today).filter(leader=user)
    rows = rows.prefetch_related("bookings__user", "bookings__petition")
    return render(request, "petitions/receptions.html", {
        "rows": rows.distinct(), "form": form, "receive_form": forms.ReceiveForm()},
        status=status)


@login_required
@require_POST
def receive(request, pk):
    user = require_staff(effective_user(request))
    reception = get_object_or_404(ReceptionDay, pk=pk)
    if not perms.can_receive(user, reception):
        raise Http404
    form = forms.ReceiveForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Give the petition's code."))
        petition = perms.get_petition_for_user(user, form.cleaned_data["petition"])
        actions.receive(reception, **_acting(request), petition=petition,
                        note=form.cleaned_data["note"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The reception is recorded on the petition."))
    return redirect("petitions:receptions")
