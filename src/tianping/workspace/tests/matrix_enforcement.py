"""The access matrix's part for the enforcement app (see test_access_matrix): its pages by URL
name, its API operations by "METHOD /api/v1/path", and the objects they act on, added to
the world of 内2502 by `world`.

The objects: enf_origin, an effective judgment of 张三's (he may apply); enf_case, 张三's 执
case against 李四, assigned to 高峰, with a measure (its decision) and a clue (its
attachment); enf_bare, a 执 case filed without its title; enf_ended / enf_ended2, cases
closed as 终本 (one restored by the page, one by the API)."""

from tianping.workspace.tests.matrix_base import PDF_FILE, TODAY, Rule, api

CASE = {"code": "enf_case"}
STAFF_OUT = ("zhangsan", "wangjun")  # a party; a civil judge who does not see 执 cases

PAGES = {
    "enforcement:queue": Rule("gaofeng", ("zhangsan",), scoped=True),
    "enforcement:bureau": Rule("hanlei", ("zhangsan", "gaofeng", "wangjun")),
    "enforcement:title": Rule("lixia", ("zhangsan", "wangjun", "gaofeng"), ("GET", "POST"),
                              params={"code": "enf_bare"}),
    "enforcement:title_document": Rule("gaofeng", STAFF_OUT, params=CASE),
    "enforcement:assign": Rule("hanlei", ("zhangsan", "wangjun", "gaofeng", "sunli"),
                               ("GET", "POST"), params=CASE),
    "enforcement:major": Rule("hanlei", ("zhangsan", "wangjun", "gaofeng", "chenzhi"),
                              ("POST",), params=CASE),
    "enforcement:milestone": Rule("gaofeng", ("zhangsan", "wangjun", "hanlei", "qianhui"),
                                  ("GET", "POST"), params=CASE),
    "enforcement:document": Rule("gaofeng", STAFF_OUT,
                                 params={"code": "enf_case", "pk": "enf_milestone"}),
    "enforcement:close": Rule("gaofeng", ("zhangsan", "wangjun", "hanlei", "sunli"),
                              ("GET", "POST"), params=CASE),
    "enforcement:check": Rule("gaofeng", ("zhangsan", "wangjun", "sunli"), ("GET", "POST"),
                              params={"code": "enf_ended"}),
    "enforcement:restore": Rule("gaofeng", ("zhangsan", "wangjun", "sunli"), ("POST",),
                                params={"code": "enf_ended"}),
    "enforcement:apply": Rule("zhangsan", ("lixia", "wangjun", "gaofeng"), ("GET", "POST"),
                              params={"code": "enf_origin"}),
    "enforcement:clue": Rule("zhangsan", ("gaofeng", "wangjun", "lixia"), ("GET", "POST"),
                             params=CASE),
    "enforcement:answer": Rule("gaofeng", ("zhangsan", "wangjun", "hanlei"), ("GET", "POST"),
                               params={"code": "enf_clue"}),
    "enforcement:clue_attachment": Rule("gaofeng", ("wangjun", "hutao"),
                                        params={"code": "enf_clue"}),
}

MULTI = {"multipart": True}
API = {
    "GET /api/v1/enforcement/queue": api("gaofeng", ("zhangsan",), method="GET", scoped=True),
    "GET /api/v1/enforcement/pool": api("hanlei", ("zhangsan", "gaofeng"), method="GET"),
    "GET /api/v1/enforcement/reviews": api("chenzhi", ("zhangsan", "gaofeng"), method="GET"),
    "GET /api/v1/enforcement/clues": api("gaofeng", ("zhangsan",), method="GET", scoped=True),
    "GET /api/v1/enforcement/figures": api("hanlei", ("zhangsan", "gaofeng", "wangjun"),
                                           method="GET"),
    "GET /api/v1/enforcement/cases/{code}": api("gaofeng", ("wangjun",),
                                                method="GET", code="enf_case"),
    "POST /api/v1/enforcement/cases/{code}/title": api(
        "lixia", ("zhangsan", "wangjun"), code="enf_bare",
        body={**MULTI, "title_kind": "other", "title_number": ""}),
    "POST /api/v1/enforcement/cases/{code}/assign": api(
        "hanlei", ("zhangsan", "wangjun", "gaofeng"), code="enf_case", body={"officer": 0}),
    "POST /api/v1/enforcement/cases/{code}/major": api(
        "hanlei", ("zhangsan", "wangjun", "gaofeng", "chenzhi"), code="enf_case",
        body={"major": False}),
    "POST /api/v1/enforcement/cases/{code}/milestones": api(
        "gaofeng", ("zhangsan", "wangjun", "hanlei"), code="enf_case",
        body={"kind": "x", "done_on": TODAY}),
    "POST /api/v1/enforcement/cases/{code}/milestones/file": api(
        "gaofeng", ("zhangsan", "wangjun", "hanlei"), code="enf_case",
        body={**MULTI, "kind": "x", "done_on": TODAY, "document": PDF_FILE}),
    "POST /api/v1/enforcement/cases/{code}/close": api(
        "gaofeng", ("zhangsan", "wangjun", "hanlei", "sunli"), code="enf_case",
        body={**MULTI, "mode": "x", "closed_on": TODAY}),
    "POST /api/v1/enforcement/cases/{code}/checks": api(
        "gaofeng", ("zhangsan", "wangjun", "sunli"), code="enf_ended2",
        body={"done_on": "2000-01-01"}),
    "POST /api/v1/enforcement/cases/{code}/restore": api(
        "gaofeng", ("zhangsan", "wangjun", "sunli"), code="enf_ended2"),
    "POST /api/v1/enforcement/cases/{code}/apply": api(
        "zhangsan", ("lixia", "wangjun"), code="enf_origin",
        body={"amount": None, "request": ""}),
    "POST /api/v1/enforcement/cases/{code}/clues": api(
        "zhangsan", ("gaofeng", "wangjun"), code="enf_case", body={**MULTI, "text": ""}),
    "POST /api/v1/enforcement/clues/{code}/answer": api(
        "gaofeng", ("zhangsan", "wangjun", "hanlei"), code="enf_clue", body={"reply": ""}),
}


def world(people: dict, objects: dict) -> None:
    """Add this app's objects (by name, as the rules' params and bodies name them) and any
    persona it needs; add codes that only the allowed may read to objects["secrets"]."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from tianping.enforcement import actions
    from tianping.enforcement.models import EnforcementRecord
    from tianping.enforcement.tests.helpers import (
        assigned_case,
        effective_judgment,
        enforcement_case,
        pdf,
    )

    today = timezone.localdate()
    origin = effective_judgment(people)
    case = assigned_case(people)
    row = EnforcementRecord.objects.get(case=case)
    row.title_document.save("title.pdf", ContentFile(pdf().read()), save=True)
    measure = actions.record_milestone(case, actor=people["gaofeng"],
                                       kind="consumption_restriction", done_on=today,
                                       document=pdf())
    clue = actions.report_clue(row, actor=people["zhangsan"], text="存款线索",
                               attachment=pdf("线索.pdf"))
    bare = enforcement_case(people)
    EnforcementRecord.objects.filter(case=bare).delete()
    ended = []
    for _ in range(2):
        done = assigned_case(people)
        EnforcementRecord.objects.filter(case=done).update(
            closing_mode="terminated_current", closed_on=today, next_check_on=today)
        type(done).objects.filter(pk=done.pk).update(state="closed", closed_on=today)
        ended.append(done)
    objects.update(enf_origin=origin.code, enf_case=case.code, enf_bare=bare.code,
                   enf_milestone=str(measure.pk), enf_clue=clue.code,
                   enf_ended=ended[0].code, enf_ended2=ended[1].code)
    objects["secrets"] += [case.code, case.number, bare.code, bare.number, clue.code] + [
        c.number for c in ended]
