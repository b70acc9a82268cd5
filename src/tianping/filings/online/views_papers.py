"""Step 3 and the files of step 5 of online filing: representatives with their power of
attorney, uploads checked by their content, removing a wrong upload, downloading."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tianping.audit.actions import record_view
from tianping.filings import actions
from tianping.filings.online import forms as f
from tianping.filings.online.views import (
    attachments_of,
    build_forms,
    editable_filing,
    filing_of,
    portal_view,
    render_step,
)


@portal_view
def representatives(request, code):
    """Step 3: add a representative with their power of attorney, or take one off."""
    filing = editable_filing(request, code)
    parties = list(filing.parties.all())
    form = f.RepresentativeForm(
        request.POST or None,
        request.FILES or None,
        parties=parties,
        initial=_rep_initial(request.user),
    )
    if request.method == "POST" and "remove" in request.POST:
        index = request.POST["remove"]
        try:
            actions.remove_representative(
                filing, int(index) if index.isdigit() else -1, actor=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("online:step", code, "representatives")
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            actions.add_representative(
                filing,
                actor=request.user,
                party=data["party"],
                authorisation=data["authorisation"],
                user=_self_rep(request.user, form),
                **{name: data.get(name) for name in actions.REPRESENTATIVE_FIELDS},
            )
        except ValidationError as exc:
            form.add_error("authorisation", exc)
        else:
            messages.success(request, _("The representative has been added."))
            return redirect("online:step", code, "representatives")
    return render_step(
        request,
        filing,
        "representatives",
        {},
        [],
        rep_form=form,
        writable_reps=True,
        parties=parties,
        reps=filing.representatives.select_related("party"),
    )


def _rep_initial(user) -> dict:
    profile = getattr(user, "lawyer_profile", None)
    if profile is None:
        return {}
    return {
        "kind": "lawyer",
        "name": user.full_name,
        "phone": user.phone,
        "licence_number": profile.licence_number,
        "law_firm": profile.law_firm,
    }


def _self_rep(user, form):
    profile = getattr(user, "lawyer_profile", None)
    same = profile and form.cleaned_data.get("licence_number") == profile.licence_number
    return user if same else None


@portal_view
@require_POST
def upload(request, code):
    """Step 5: upload a file; its content is checked, not its name."""
    filing = editable_filing(request, code)
    form = f.AttachmentForm(request.POST, request.FILES)
    added = None
    if form.is_valid():
        try:
            added = actions.attach_file(
                filing,
                form.cleaned_data["file"],
                actor=request.user,
                kind=form.cleaned_data["kind"],
            )
        except ValidationError as exc:
            form.add_error("file", exc)
    context = {
        "filing": filing,
        "attachments": attachments_of(filing),
        "writable": True,
        "max_mb": settings.MAX_UPLOAD_MB,
        "added": added,
        "upload_form": f.AttachmentForm() if added else form,
    }
    if not request.htmx and added:
        messages.success(request, _("%(name)s has been uploaded.") % {"name": added})
        return redirect("online:step", code, "evidence")
    if not request.htmx:
        return render_step(
            request,
            filing,
            "evidence",
            build_forms("evidence", filing, request.user),
            [],
            upload_form=form,
        )
    response = render(request, "filings/online/step_evidence.html#files", context)
    if added:
        response["HX-Trigger"] = "attachments-changed"
    return response


@portal_view
@require_POST
def remove_file(request, code, ref):
    """Take a wrong upload off the filing while it can still be changed."""
    filing = editable_filing(request, code)
    try:
        item = actions.find_attachment(filing, ref)
    except ValidationError:
        item = None
    if item is None:
        raise Http404
    actions.remove_attachment(filing, item, actor=request.user)
    messages.success(request, _("%(name)s has been removed.") % {"name": item.original_name})
    return redirect("online:step", code, "evidence")


@portal_view
def attachment(request, code, ref):
    filing = filing_of(request, code)
    for item, item_ref in attachments_of(filing):
        if item_ref == ref:
            record_view(request, filing, "file_read", name=item.original_name)
            return FileResponse(
                item.file.open("rb"), content_type=item.content_type, filename=item.original_name
            )
    raise Http404
