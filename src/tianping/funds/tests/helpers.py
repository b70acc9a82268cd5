"""Enforcement (执) cases for the funds tests, filed through the normal filing actions."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from tianping.courts.models import Court

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PARTIES = [
    {"role": "applicant", "kind": "natural", "name": "张三", "doc_type": "resident_id",
     "id_number": "152502198503120022", "phone": "13900000000", "address": "锡林浩特市"},
    {"role": "respondent", "kind": "natural", "name": "李四", "doc_type": "resident_id",
     "id_number": "110105199001011232", "address": "北京市"},
]


def enforcement_case(filer, clerk, *, court_code="内2502", amount="90000", link_filer=True):
    """A 执 case applied for by FILER (张三, the applicant), accepted by CLERK."""
    from tianping.filings import actions
    from tianping.filings.choices import Channel, FilingKind
    from tianping.flows.filing import accept_filing

    court = Court.objects.get(code=court_code)
    filing = actions.start_filing(actor=filer, court=court, channel=Channel.ONLINE,
                                  filer=filer, kind=FilingKind.ENFORCEMENT)
    actions.save_draft(filing, actor=filer, claims="执行判决确定的货款", facts="被执行人未履行",
                       amount=Decimal(amount))
    actions.set_parties(filing, PARTIES, actor=filer)
    actions.attach_file(filing, SimpleUploadedFile("申请执行书.pdf", PDF,
                                                   content_type="application/pdf"),
                        actor=filer, kind="complaint")
    case = accept_filing(actions.submit_filing(filing, actor=filer), actor=clerk)
    if link_filer:
        applicant = case.parties.get(role="applicant")
        applicant.user = filer
        applicant.save()
    return case
