"""The access matrix's part for the petitions app (see test_access_matrix): its pages by URL
name, its API operations by "METHOD /api/v1/path", and the objects they act on, added to
the world of 内2502 by `world`.

张三's petitions on his case: `petition` (registered, with a file), `accepted_petition`,
`ext_petition` (accepted; 方宇 asked for 30 more days), `replied_petition` (replied by 方宇,
with a file), `review_petition` (复查 asked); a reception day of 陈志 (`reception`). A
litigant reads only their own petitions; 方宇 (petition handler) and 陈志 (president) every
petition of the court; nobody approves their own extension; whoever replied does not review.
"""

import datetime

from tianping.workspace.tests.matrix_base import PDF_FILE, PUBLIC, Obj, Rule, api

OF = {"code": "petition"}
ACCEPTED = {"code": "accepted_petition"}
HANDLER_POST = ("zhangsan", "wangjun", "lixia", "liuqiang")

PAGES = {
    "petitions:queue": Rule("fangyu", ("zhangsan",), scoped=True),
    "petitions:register": Rule("fangyu", ("zhangsan", "wangjun"), ("GET", "POST")),
    "petitions:receptions": Rule("chenzhi", ("zhangsan", "wangjun"), ("GET", "POST")),
    "petitions:receive": Rule("fangyu", ("zhangsan", "wangjun"), ("POST",),
                              params={"pk": "reception"}),
    "petitions:schedule": PUBLIC,
    # any litigant may book a published reception day: others see none of ours
    "petitions:book": Rule("zhangsan", ("fangyu", "wangjun"), ("POST",),
                           params={"pk": "reception"}, scoped=True),
    "petitions:mine": Rule("zhangsan", ("wangjun",), scoped=True),
    "petitions:new": Rule("zhangsan", ("wangjun", "fangyu"), ("GET", "POST"), scoped=True),
    "petitions:my_detail": Rule("zhangsan", ("fangyu", "wangjun", "lixia"), params=OF),
    "petitions:detail": Rule("fangyu", ("zhangsan", "wangjun", "lixia"), params=OF),
    "petitions:classify": Rule("fangyu", HANDLER_POST, ("POST",), params=OF),
    "petitions:assign": Rule("fangyu", HANDLER_POST, ("POST",), params=ACCEPTED),
    "petitions:reply": Rule("fangyu", HANDLER_POST, ("POST",), params=ACCEPTED),
    "petitions:extension": Rule("fangyu", HANDLER_POST, ("POST",), params=ACCEPTED),
    "petitions:decide_extension": Rule("chenzhi", ("fangyu", "zhangsan", "wangjun"),
                                       ("POST",), params={"code": "ext_petition"}),
    "petitions:rate": Rule("zhangsan", ("fangyu", "wangjun"), ("POST",),
                           params={"code": "replied_petition"}),
    "petitions:ask_review": Rule("zhangsan", ("fangyu", "wangjun"), ("POST",),
                                 params={"code": "replied_petition"}),
    "petitions:review_result": Rule("chenzhi", ("fangyu", "zhangsan", "wangjun"), ("POST",),
                                    params={"code": "review_petition"}),
    "petitions:link": Rule("fangyu", HANDLER_POST, ("POST",), params=OF),
    "petitions:add_files": Rule("zhangsan", ("wangjun", "lixia"), ("POST",), params=OF),
    "petitions:attachment": Rule("zhangsan", ("wangjun", "lixia"),
                                 params={"code": "petition", "pk": "petition_file"}),
    "petitions:reply_file": Rule("zhangsan", ("wangjun", "lixia"),
                                 params={"code": "replied_petition"}),
}

P = "/api/v1/petitions"
API = {
    f"GET {P}": api("fangyu", (), method="GET", scoped=True),
    # a litigant petitions online about themself; a window registration is the handlers'
    f"POST {P}": api("fangyu", (), scoped=True, body={
        "court": "内2502", "channel": "visit", "name": "王五", "matter": "某事",
        "requests": "某请求"}),
    f"GET {P}/receptions": PUBLIC,
    f"POST {P}/receptions": api("chenzhi", ("zhangsan", "fangyu", "wangjun"), body={
        "court": "内2502", "leader": Obj("chenzhi_id"),
        "day": (datetime.date.today() + datetime.timedelta(days=3)).isoformat(),
        "starts_at": "09:00", "ends_at": "11:00", "place": "接待室"}),
    f"POST {P}/receptions/{{pk}}/book": api("zhangsan", ("fangyu",), pk="reception",
                                            body={}, scoped=True),
    f"POST {P}/receptions/{{pk}}/receive": api("fangyu", ("zhangsan", "wangjun"),
                                               pk="reception", body={"petition": Obj("petition")}),
    f"GET {P}/{{code}}": api("fangyu", ("wangjun", "lixia"), method="GET", code="petition"),
    f"POST {P}/{{code}}/classify": api("fangyu", HANDLER_POST, code="petition",
                                       body={"decision": "accept"}),
    f"POST {P}/{{code}}/assign": api("fangyu", HANDLER_POST, code="accepted_petition",
                                     body={"handler": Obj("chenzhi_id")}),
    f"POST {P}/{{code}}/reply": api("fangyu", HANDLER_POST, code="accepted_petition",
                                    body={"text": "答复"}),
    f"POST {P}/{{code}}/extension": api("fangyu", HANDLER_POST, code="accepted_petition",
                                        body={"reason": "需调查"}),
    f"POST {P}/{{code}}/extension/decide": api("chenzhi", ("fangyu", "zhangsan", "wangjun"),
                                               code="ext_petition", body={"grant": True}),
    f"POST {P}/{{code}}/rate": api("zhangsan", ("fangyu", "wangjun"), code="replied_petition",
                                   body={"satisfaction": "satisfied"}),
    f"POST {P}/{{code}}/review": api("zhangsan", ("fangyu", "wangjun"),
                                     code="replied_petition", body={"reasons": "不服"}),
    f"POST {P}/{{code}}/review/result": api("chenzhi", ("fangyu", "zhangsan", "wangjun"),
                                            code="review_petition", body={"result": "维持"}),
    f"POST {P}/{{code}}/reply/file": api("fangyu", HANDLER_POST, code="accepted_petition",
                                         body={"multipart": True, "text": "答复",
                                               "attachment": PDF_FILE}),
    f"GET {P}/{{code}}/reply/file": api("zhangsan", ("wangjun", "lixia"), method="GET",
                                        code="replied_petition"),
    f"POST {P}/{{code}}/files": api("zhangsan", ("wangjun", "lixia"), code="petition",
                                    body={"multipart": True, "files": PDF_FILE}),
    f"GET {P}/{{code}}/files/{{pk}}": api("zhangsan", ("wangjun", "lixia"), method="GET",
                                          code="petition", pk="petition_file"),
    f"POST {P}/{{code}}/link": api("fangyu", HANDLER_POST, code="petition",
                                   body={"earlier": Obj("replied_petition")}),
}


def world(people: dict, objects: dict) -> None:
    """Add this app's objects (by name, as the rules' params and bodies name them) and any
    persona it needs; add codes that only the allowed may read to objects["secrets"]."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from tianping.courts.models import Court
    from tianping.petitions import actions
    from tianping.workspace.tests.matrix_base import PDF

    today = timezone.localdate()
    court = Court.objects.get(code="内2502")
    zhangsan, fangyu, chenzhi = people["zhangsan"], people["fangyu"], people["chenzhi"]

    def pdf(name):
        return SimpleUploadedFile(name, PDF, content_type="application/pdf")

    def petition(matter, files=()):
        return actions.register_petition(actor=zhangsan, court=court, channel="online",
                                         matter=matter, requests="请法院处理",
                                         cases=[objects["case"]], files=files, today=today)

    def accepted(matter):
        return actions.classify(petition(matter), actor=fangyu, decision="accept", today=today)

    first = petition("对方不履行", files=[pdf("材料.pdf")])
    acc = accepted("审理太慢")
    ext = actions.ask_extension(accepted("需延期"), actor=fangyu, reason="需调查")
    replied = actions.reply(accepted("已答复"), actor=fangyu, text="已处理",
                            attachment=pdf("答复.pdf"), today=today)
    review = actions.reply(accepted("复查"), actor=fangyu, text="已处理", today=today)
    review = actions.ask_review(review, actor=zhangsan, reasons="不服", today=today)
    reception = actions.add_reception(actor=chenzhi, court=court, leader=chenzhi, day=today,
                                      starts_at=datetime.time(9), ends_at=datetime.time(11),
                                      place="接待室", today=today)
    objects.update(petition=first.code, accepted_petition=acc.code, ext_petition=ext.code,
                   replied_petition=replied.code, review_petition=review.code,
                   petition_file=str(first.files.get().pk), reception=str(reception.pk),
                   chenzhi_id=chenzhi.pk)
    objects["secrets"] += [p.code for p in (first, acc, ext, replied, review)]
