"""The access matrix's part for the funds app (see test_access_matrix): its pages by URL
name, its API operations by "METHOD /api/v1/path", and the objects they act on, added to
the world of 内2502 by `world`: an enforcement case of 张三 (applicant) with money received,
money in the master account, a payout requested, one approved, a deferral requested.

Finance (钱慧) records and pays, the enforcement officer (高峰) claims and requests, the
division head of 执行局 (韩磊) approves; a judge of the civil division (王军) does not see
the 执 case; the litigant 张三 reads his own movements on his case page only."""

from tianping.workspace.tests.matrix_base import Obj, Rule, api

F = "/api/v1/funds"
CASE = {"code": "f_case"}
PAY = {"reference": "B1", "key": "matrix-pay"}
PAYOUT = {"party_id": Obj("f_party"), "amount": "1.00", "bank": "中国银行",
          "account_name": "张三", "account_number": "6217000012345678", "key": "matrix-p"}

PAGES = {
    "funds:desk": Rule("qianhui", ("zhangsan", "gaofeng", "hanlei", "wangjun")),
    "funds:record_arrival": Rule("qianhui", ("zhangsan", "gaofeng", "hanlei"), ("POST",)),
    "funds:pay": Rule("qianhui", ("zhangsan", "gaofeng", "hanlei", "lixia"), ("POST",),
                      params={"pk": "f_approved"}),
    "funds:decide_payout": Rule("hanlei", ("zhangsan", "gaofeng", "qianhui", "lixia"),
                                ("POST",), params={"pk": "f_requested"}),
    "funds:decide_deferral": Rule("hanlei", ("zhangsan", "gaofeng", "qianhui", "lixia"),
                                  ("POST",), params={"pk": "f_deferral"}),
    "funds:end_deferral": Rule("gaofeng", ("zhangsan", "qianhui", "lixia", "wangjun"),
                               ("POST",), params={"pk": "f_deferral"}),
    "funds:approvals": Rule("hanlei", ("zhangsan", "gaofeng", "qianhui", "wangjun")),
    "funds:reconciliation": Rule("qianhui", ("zhangsan", "gaofeng", "hanlei"),
                                 ("GET", "POST")),
    "funds:case": Rule("gaofeng", ("zhangsan", "wangjun"), params=CASE),
    "funds:request_payout": Rule("gaofeng", ("zhangsan", "qianhui", "hanlei", "wangjun"),
                                 ("POST",), params=CASE),
    "funds:claim": Rule("gaofeng", ("zhangsan", "qianhui", "hanlei"), ("POST",), params=CASE),
    "funds:request_deferral": Rule("gaofeng", ("zhangsan", "qianhui", "hanlei"), ("POST",),
                                   params=CASE),
    "funds:outflow": Rule("qianhui", ("zhangsan", "gaofeng", "hanlei"), ("POST",),
                          params=CASE),
}
API = {
    f"GET {F}/cases/{{code}}": api("gaofeng", ("zhangsan", "wangjun"), method="GET",
                                   code="f_case"),
    f"POST {F}/arrivals": api("qianhui", ("zhangsan", "gaofeng", "hanlei"), body={
        "amount": "10.00", "payer": "李四", "reference": "MX", "key": "matrix-a"}),
    f"GET {F}/unclaimed": api("qianhui", ("zhangsan", "hanlei", "wangjun"), method="GET"),
    f"POST {F}/cases/{{code}}/claims": api("gaofeng", ("zhangsan", "qianhui", "hanlei"),
                                           code="f_case", body={"arrival": Obj("f_arrival")}),
    f"POST {F}/cases/{{code}}/payouts": api("gaofeng", ("zhangsan", "qianhui", "hanlei"),
                                            code="f_case", body=PAYOUT),
    f"POST {F}/payouts/{{pk}}/decision": api(
        "hanlei", ("zhangsan", "gaofeng", "qianhui", "lixia"), pk="f_requested",
        body={"approve": False, "note": ""}),
    f"POST {F}/payouts/{{pk}}/pay": api("qianhui", ("zhangsan", "gaofeng", "hanlei"),
                                        pk="f_approved", body=PAY),
    f"GET {F}/payouts/to-pay": api("qianhui", ("zhangsan", "gaofeng", "hanlei"),
                                   method="GET"),
    f"GET {F}/approvals": api("hanlei", ("zhangsan", "gaofeng", "qianhui"), method="GET"),
    f"POST {F}/cases/{{code}}/deferrals": api("gaofeng", ("zhangsan", "qianhui", "hanlei"),
                                              code="f_case",
                                              body={"reason": "frozen", "note": "冻结"}),
    f"POST {F}/deferrals/{{pk}}/decision": api(
        "hanlei", ("zhangsan", "gaofeng", "qianhui", "lixia"), pk="f_deferral",
        body={"approve": True}),
    f"POST {F}/deferrals/{{pk}}/end": api("gaofeng", ("zhangsan", "qianhui", "lixia"),
                                          pk="f_deferral"),
    f"POST {F}/cases/{{code}}/outflows": api("qianhui", ("zhangsan", "gaofeng", "hanlei"),
                                             code="f_case", body={
                                                 "kind": "fee", "amount": "1.00",
                                                 "key": "matrix-f"}),
    f"POST {F}/statements": api("qianhui", ("zhangsan", "gaofeng", "hanlei"), body={
        "multipart": True, "month": "2026-01", "file": "pdf"}),
    f"GET {F}/reconciliation": api("qianhui", ("zhangsan", "gaofeng", "hanlei"),
                                   method="GET"),
}


def world(people: dict, objects: dict) -> None:
    """Add this app's objects (by name, as the rules' params and bodies name them) and any
    persona it needs; add codes that only the allowed may read to objects["secrets"]."""
    from tianping.funds import actions
    from tianping.funds.tests.helpers import enforcement_case

    case = enforcement_case(people["zhangsan"], people["lixia"])
    party = case.parties.get(role="applicant")
    court = case.court
    actions.record_arrival(court, actor=people["qianhui"], amount="5000", key="w1",
                           reference="W1", payer="李四", case=case)
    arrival = actions.record_arrival(court, actor=people["qianhui"], amount="300", key="w2",
                                     reference="W2", payer="某公司")
    bank = {"bank": "中国银行", "account_name": "张三", "account_number": "6217000012345678"}
    requested = actions.request_payout(case, actor=people["gaofeng"], party=party,
                                       amount="100", key="w3", **bank)
    approved = actions.request_payout(case, actor=people["gaofeng"], party=party,
                                      amount="200", key="w4", **bank)
    actions.decide_payout(approved, actor=people["hanlei"], approve=True)
    deferral = actions.request_deferral(case, actor=people["gaofeng"], reason="allocation",
                                        note="参与分配")
    objects.update(f_case=case.code, f_party=party.pk, f_arrival=arrival.pk,
                   f_requested=str(requested.pk), f_approved=str(approved.pk),
                   f_deferral=str(deferral.pk), reconciliation="?month=2026-01")
    objects["secrets"] += [case.code, case.number]
