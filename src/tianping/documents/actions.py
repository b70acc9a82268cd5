"""The documents' actions: saving a court's template (a new version, the old one kept) and
issuing a document on a case (laid out as PDF from the version in force, kept as a
`cases.CaseDocument` for the service app to serve). Each checks who may do it
(`documents.permissions`) whoever called, in one transaction, with the case row locked
when issuing and an event on the case timeline."""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tianping.audit.actions import record
from tianping.cases.events import case_event
from tianping.cases.models import Case, CaseDocument
from tianping.documents import placeholders, rendering, values
from tianping.documents.choices import HEARING_KINDS, Kind
from tianping.documents.models import DocumentTemplate, IssuedDocument
from tianping.documents.permissions import require_issuer, require_template_editor
from tianping.documents.queries import template_in_force
from tianping.lib.text import clean_text

MIN_EVIDENCE_DAYS = 15  # 民诉证据规定 art. 51: first instance, ordinary procedure


def check_text(title: str, body: str) -> tuple[str, str]:
    """TITLE and BODY cleaned, or the errors by field: empty, too long, a field the platform
    does not fill (named), a placeholder mistyped."""
    title, body = clean_text(title or "").strip(), clean_text(body or "").strip()
    errors = {}
    if not title:
        errors["title"] = _("Give the document's title.")
    elif len(title) > placeholders.MAX_TITLE:
        errors["title"] = _("The title is at most %(n)d characters.") % {
            "n": placeholders.MAX_TITLE}
    if not body:
        errors["body"] = _("Write the document's text.")
    elif len(body) > placeholders.MAX_BODY:
        errors["body"] = _("The text is at most %(n)d characters; it has %(has)d.") % {
            "n": placeholders.MAX_BODY, "has": len(body)}
    else:
        unknown = placeholders.unknown_fields(body)
        if unknown:
            errors["body"] = _("Unknown field: %(fields)s. Use only the fields listed beside "
                               "the text.") % {"fields": "、".join(
                                   "{{ " + f + " }}" for f in unknown)}
        elif placeholders.has_stray_braces(body):
            errors["body"] = _("A field is mistyped: write it as {{ 案号 }}, with two braces "
                               "on each side and no spaces inside the name.")
    if errors:
        raise ValidationError(errors)
    return title, body


def _kind(kind: str) -> str:
    if kind not in Kind.values:
        raise ValidationError({"kind": _("Choose a kind of document.")})
    return kind


@transaction.atomic
def save_template(court, kind: str, *, title: str, body: str, actor,
                  acted_for=None) -> DocumentTemplate:
    """Save COURT's text of KIND as its next version, in force from now; the version before
    stays, to be read and to answer for the documents issued from it. The same text again
    makes no new version."""
    require_template_editor(acted_for or actor, court)
    kind = _kind(kind)
    title, body = check_text(title, body)
    kept = list(DocumentTemplate.objects.select_for_update().filter(court=court, kind=kind)
                .order_by("-version"))
    current = next((t for t in kept if t.is_active), None)
    if current is not None and (current.title, current.body) == (title, body):
        return current
    if current is not None:
        current.is_active = False
        current.save(update_fields=["is_active"])
    row = DocumentTemplate.objects.create(
        court=court, kind=kind, version=(kept[0].version + 1) if kept else 1, title=title,
        body=body, changed_by=actor, changed_at=timezone.now(), is_active=True)
    record("document_template_saved", row, actor=actor, acted_for=acted_for,
           changes={"court": court.code if court else "", "kind": kind,
                    "version": row.version,
                    "before": current.version if current is not None else None})
    return row


@transaction.atomic
def use_default(court, kind: str, *, actor, acted_for=None) -> DocumentTemplate:
    """Retire COURT's own text of KIND: the national default is in force again (the court's
    versions stay to be read)."""
    require_template_editor(acted_for or actor, court)
    kind = _kind(kind)
    retired = DocumentTemplate.objects.filter(court=court, kind=kind, is_active=True)
    versions = list(retired.values_list("version", flat=True))
    retired.update(is_active=False)
    if versions:
        record("document_template_default", None, actor=actor, acted_for=acted_for,
               changes={"court": court.code, "kind": kind, "retired": versions})
    return template_in_force(court, kind)


SAMPLE = {
    "案号": "（2026）某民初1号", "案由": "买卖合同纠纷", "审理程序": "普通程序",
    "原告": "张三", "被告": "李四", "第三人": "", "当事人": "原告张三；被告李四",
    "受送达人": "张三", "受送达人身份": "原告", "受送达人地址": "某市某区某路1号",
    "事由": "开庭审理", "开庭时间": "2026年12月20日（星期日）9时30分",
    "开庭地点": "第一审判庭", "法庭": "第一审判庭", "承办法官": "某某",
    "法官助理": "某某", "书记员": "某某", "举证期限": "收到本通知书之次日起十五日",
    "答辩期限": "十五日", "受理费": placeholders.yuan("1234.5"),
    "标的额": placeholders.yuan("50000"), "不到庭后果": values.CONSEQUENCES["plaintiff"],
}


def preview(court, kind: str, *, title: str, body: str, actor, acted_for=None) -> bytes:
    """TITLE and BODY laid out as PDF with made-up case data (nothing is saved)."""
    require_template_editor(acted_for or actor, court)
    _kind(kind)
    title, body = check_text(title, body)
    today = timezone.localdate()
    sample = {**SAMPLE, "法院名称": court.name, "法院地址": court.address,
              "法院电话": court.phone, "法官电话": court.phone, "书记员电话": court.phone,
              "立案日期": placeholders.figure_date(today),
              "日期": placeholders.chinese_date(today),
              "日期数字": placeholders.figure_date(today)}
    return rendering.to_pdf(rendering.html(title=title, body=body, values=sample, preview=True))


def _addressee(case, kind, party, representative, hearing):
    if party is not None and party.case_id != case.pk:
        raise ValidationError({"party": _("That party is not a party of this case.")})
    if representative is not None:
        if representative.case_id != case.pk:
            raise ValidationError({"party": _("That representative is not of this case.")})
        party = representative.party
    if hearing is not None and hearing.case_id != case.pk:
        raise ValidationError({"hearing": _("That hearing is not of this case.")})
    if kind in HEARING_KINDS and hearing is None:
        raise ValidationError({"hearing": _("Choose the hearing the document summons to.")})
    if kind == Kind.SUMMONS and representative is not None:
        raise ValidationError({"party": _("A summons is for a party; a representative gets a "
                                          "notice to appear.")})
    if kind != Kind.ACCEPTANCE_NOTICE and party is None:
        raise ValidationError({"party": _("Choose whom the document is for.")})
    return party


def _evidence(case, deadline, today) -> dict:
    if deadline is None:
        return {}
    if deadline <= today:
        raise ValidationError({"evidence_deadline": _("The period to produce evidence must end "
                                                      "after today.")})
    if case.procedure == "ordinary" and deadline < today + datetime.timedelta(
            days=MIN_EVIDENCE_DAYS):
        raise ValidationError({"evidence_deadline": _(
            "Under the ordinary procedure the period to produce evidence is at least 15 days "
            "(民诉证据规定 art. 51).")})
    return {"举证期限": values.evidence_deadline(deadline)}


@transaction.atomic
def issue(case: Case, kind: str, *, actor, acted_for=None, addressee_party=None,
          addressee_representative=None, hearing=None, evidence_deadline=None, extra=None,
          key: str = "", today=None) -> IssuedDocument:
    """Lay out a document of KIND for CASE from the court's template in force (or the
    national default), addressed to a party or representative, with a hearing's time and
    place where it speaks of one, and keep it as a case document (shown to the parties only
    once served on them). KEY makes a retry of the same request return the same document."""
    require_issuer(acted_for or actor, case)
    kind = _kind(kind)
    today = today or timezone.localdate()
    key = (key or "")[:100]
    if key:
        found = IssuedDocument.objects.filter(case=case, key=key).first()
        if found is not None:
            return found
    party = _addressee(case, kind, addressee_party, addressee_representative, hearing)
    filled = {**(extra or {}), **_evidence(case, evidence_deadline, today)}
    # FOR UPDATE OF the case only: the cause and the judge are outer joins (PostgreSQL
    # refuses to lock their nullable side)
    case = Case.objects.select_for_update(of=("self",)).select_related(
        "court", "cause", "judge").get(pk=case.pk)
    if key:  # a retry that waited on the lock
        found = IssuedDocument.objects.filter(case=case, key=key).first()
        if found is not None:
            return found
    template = template_in_force(case.court, kind)
    plain = values.case_values(case, party=party, representative=addressee_representative,
                               hearing=hearing, extra=filled, today=today)
    page = rendering.html(title=template.title, body=template.body, values=plain)
    data = rendering.to_pdf(page)
    addressee = plain["受送达人"]
    title = f"{template.title}（{addressee}）" if addressee else template.title
    document = CaseDocument(case=case, title=title[:200], content_type="application/pdf",
                            size=len(data), sha256=_sha256(data), uploaded_by=actor,
                            is_public=False)
    document.file.save(f"{kind}.pdf", ContentFile(data), save=False)
    document.save()
    issued = IssuedDocument.objects.create(
        case=case, document=document, template=template, kind=kind, party=party,
        representative=addressee_representative, addressee=addressee[:100], hearing=hearing,
        key=key, values=plain, issued_by=actor)
    case_event(case, "document_issued", actor=actor, acted_for=acted_for, is_public=False,
               title=title, document_kind=kind, template_version=template.version)
    return issued


def text_of(issued: IssuedDocument) -> str:
    """The text of an issued document as laid out (from its version and its values)."""
    return placeholders.full_width(placeholders.fill(issued.template.body, issued.values))


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()
