"""A party's material and meeting requests on the pages: the party hands material into the
case and asks to meet the judge from their case page; the judge reads the material, records
receipt and answers the request from the case page. Every act through
`cases.actions_party`, which checks again."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tianping.audit.actions import record_view
from tianping.cases import actions_party as acts
from tianping.cases import reads
from tianping.cases.forms import MultipleFileField
from tianping.cases.models_party_acts import (
    CaseSubmission,
    MeetingRequest,
    SubmissionKind,
)
from tianping.cases.permissions import can_act_as_judge, get_case_for_user
from tianping.courts.permissions import effective_user, public_user_page
from tianping.lib.text import CleanTextForm


class MaterialForm(CleanTextForm):
    party = forms.ChoiceField(label=gettext_lazy("For the party"))
    kind = forms.ChoiceField(label=gettext_lazy("What it is"), choices=SubmissionKind.choices)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=acts.TITLE_LENGTH)
    note = forms.CharField(label=gettext_lazy("Note (optional)"), required=False,
                           max_length=acts.NOTE_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 2}))
    files = MultipleFileField(label=gettext_lazy("Files (PDF, JPEG, PNG or OFD)"))

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["party"].choices = [(str(p.pk), p.name) for p in parties]


class MeetingForm(CleanTextForm):
    topic = forms.CharField(label=gettext_lazy("What do you want to talk about?"),
                            max_length=acts.TOPIC_LENGTH,
                            widget=forms.Textarea(attrs={"rows": 2}))
    preferred = forms.CharField(label=gettext_lazy("Times that suit you (optional)"),
                                required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""


def party_context(user, case) -> dict:
    """For the party's case page: what they handed in, their meeting requests, the forms."""
    parties = acts.parties_acted_for(user, case)
    pending = case.is_pending and bool(parties)
    return {
        "my_submissions": list(CaseSubmission.objects.filter(case=case, party__in=parties)
                               .prefetch_related("files")),
        "my_meetings": list(MeetingRequest.objects.filter(case=case, requested_by=user)),
        "material_form": MaterialForm(parties=parties) if pending else None,
        "meeting_form": MeetingForm() if pending else None,
    }


def staff_context(user, case) -> dict:
    """For the case page: the material handed in and the requests to meet."""
    return {
        "submissions": list(CaseSubmission.objects.filter(case=case)
                            .select_related("party", "received_by").prefetch_related("files")),
        "meetings": list(MeetingRequest.objects.filter(case=case)
                         .select_related("requested_by")),
        "answers_meetings": can_act_as_judge(user, case),
    }


@public_user_page
@require_POST
def submit(request, code):
    case = get_case_for_user(request.user, code)
    form = MaterialForm(request.POST, request.FILES,
                        parties=acts.parties_acted_for(request.user, case))
    if not form.is_valid():
        messages.error(request, " ".join(m for errs in form.errors.values() for m in errs))
        return redirect("party_cases:detail", case.code)
    party = case.parties.filter(pk=form.cleaned_data["party"]).first()
    try:
        acts.submit_material(case, actor=request.user, party=party,
                             kind=form.cleaned_data["kind"], title=form.cleaned_data["title"],
                             note=form.cleaned_data["note"], files=form.cleaned_data["files"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Handed in: the judge is told."))
    return redirect("party_cases:detail", case.code)


@public_user_page
@require_POST
def ask(request, code):
    case = get_case_for_user(request.user, code)
    form = MeetingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what you want to talk about."))
        return redirect("party_cases:detail", case.code)
    try:
        acts.ask_meeting(case, actor=request.user, topic=form.cleaned_data["topic"],
                         preferred=form.cleaned_data["preferred"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Your request is sent to the judge."))
    return redirect("party_cases:detail", case.code)


def _staff_case(request, code):
    user = effective_user(request)
    return user, reads.case_for_staff(user, code)


@login_required
def material_file(request, code, pk, file_pk):
    user, case = _staff_case(request, code)
    item = CaseSubmission.objects.filter(case=case, pk=pk).first()
    found = item.files.filter(pk=file_pk).first() if item else None
    if found is None:
        raise Http404("No such file.")
    record_view(request, case, "material_read", title=found.original_name)
    return FileResponse(found.file.open("rb"), content_type=found.content_type,
                        filename=found.original_name)


@login_required
@require_POST
def receive(request, code, pk):
    user, case = _staff_case(request, code)
    item = CaseSubmission.objects.filter(case=case, pk=pk).select_related("case").first()
    if item is None:
        raise Http404("No such material.")
    try:
        acts.acknowledge(item, actor=user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Receipt recorded."))
    return redirect("cases:detail", case.code)


@login_required
@require_POST
def answer(request, code, pk):
    user, case = _staff_case(request, code)
    item = MeetingRequest.objects.filter(case=case, pk=pk).select_related("case").first()
    if item is None:
        raise Http404("No such request.")
    if not can_act_as_judge(user, case):
        raise PermissionDenied(_("Only the case's judge answers a request to meet."))
    decline = request.POST.get("decline") == "yes"
    meets_at = None
    raw = (request.POST.get("meets_at") or "").strip()
    if raw:
        try:
            meets_at = timezone.make_aware(datetime.datetime.fromisoformat(raw[:16]))
        except ValueError:
            messages.error(request, _("Give the time of the meeting."))
            return redirect("cases:detail", case.code)
    try:
        acts.answer_meeting(item, actor=user, meets_at=meets_at,
                            place=request.POST.get("place", "")[:200],
                            link=request.POST.get("link", "")[:500],
                            answer=request.POST.get("answer", "")[:500], decline=decline)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The party is told."))
    return redirect("cases:detail", case.code)
