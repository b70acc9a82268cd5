"""Who may reach what: every page and every API operation, for every persona.

The endpoints come from the URL resolver and the API's own schema, so a new endpoint that
is not in the table below fails `test_every_endpoint_is_in_the_matrix`. For each one the
table says who may use it on the objects of a court (内2502): the filing of 张三, his draft,
the case filed from it (judge 王军), an extension request on it. Everyone else (nobody
signed in, a litigant of no case, a judge of another court, and any persona the table
names as refused) must get 403 or 404 (or the sign-in page): remove a permission check
from any of them and this test fails. The allowed persona must get through (200, 302, or a
form error), which proves the objects were right and the refusal meant something.
"""

import json
import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver
from django.urls.resolvers import URLPattern, URLResolver
from django.utils import timezone

from tianping.courts.models import Court
from tianping.demo.network import DEMO_PASSWORD
from tianping.workspace.tests import matrix_enforcement, matrix_funds, matrix_petitions
from tianping.workspace.tests.matrix_base import (
    ALWAYS_REFUSED,
    COURT_ADMIN,
    COURT_ADMIN_WHO,
    HANDED_IN,
    OF_COURT,
    ON,
    PARTIES,
    PARTY_ROWS,
    PDF,
    PDF_FILE,
    PUBLIC,
    ROSTER_KEEPER,
    TEMPLATE_EDITOR,
    TODAY,
    Obj,
    Rule,
    api,
    filled,
)

pytestmark = pytest.mark.django_db


# Pages, by URL name. Parameters name the object they take: see `world`.
PAGES = {
    "home": PUBLIC,
    "accounts:login": PUBLIC,
    "accounts:logout": PUBLIC,
    "accounts:password_reset": PUBLIC,
    "accounts:password_reset_done": PUBLIC,
    "accounts:password_reset_confirm": Rule(public=True, params={"uidb64": "MQ", "token": "x-y"}),
    "accounts:password_reset_complete": PUBLIC,
    "accounts:register": PUBLIC,
    "accounts:register_lawyer": PUBLIC,
    "accounts:profile": Rule("zhangsan", (), scoped=True),  # one's own account only
    # a refused lawyer's own registration, sent again (others are sent back to the profile)
    "accounts:apply_again": Rule("zhangsan", (), ("GET", "POST"), scoped=True),
    "accounts:password_change": Rule("zhangsan", (), scoped=True),
    "set_language": PUBLIC,
    "workspace:home": Rule("wangjun", ("zhangsan",), scoped=True),
    "workspace:backups": Rule("wangjun", ("zhangsan",), scoped=True),
    "workspace:cancel_backup": Rule("wangjun", ("zhangsan", "lixia"), ("POST",),
                                    params={"pk": "backup"}),
    "workspace:act_for": Rule("", ("zhangsan", "sarula", "chenzhi"), ("POST",),
                              params={"user_id": "wangjun_id"}),
    "workspace:stop_acting": Rule("wangjun", (), ("POST",), scoped=True),
    "portal:home": PUBLIC,
    "portal:courts": PUBLIC,
    "portal:lawyer": Rule("lilawyer", ("zhangsan", "wangjun")),  # a verified lawyer's own
    "portal:filing_document": Rule("zhangsan", ("lixia", "wangjun", "lilawyer"),
                                   params={"code": "accepted", "name": "acceptance-notice"}),
    # a defendant's notice to respond: the world's defendant has no account, so nobody here
    "portal:case_document": Rule("", ("zhangsan", "lixia", "wangjun", "lilawyer"),
                                 params={"code": "case", "name": "response-notice"}),
    "online:list": Rule("zhangsan", ("wangjun",), scoped=True),
    "online:new": Rule("zhangsan", ("wangjun",), scoped=True),
    "online:check_identity": Rule("zhangsan", ("wangjun",), ("POST",), scoped=True),
    "online:detail": Rule("zhangsan", ("lixia", "wangjun"), params={"code": "filing"}),
    "online:representatives": Rule("zhangsan", ("lixia",), params={"code": "draft"}),
    "online:upload": Rule("zhangsan", ("lixia",), ("POST",), params={"code": "draft"}),
    "online:attachment": Rule("zhangsan", ("lixia", "wangjun"),
                              params={"code": "draft", "ref": "draft_file"}),
    "online:remove_file": Rule("zhangsan", ("lixia",), ("POST",),
                               params={"code": "draft", "ref": "draft_file"}),
    "online:submit": Rule("zhangsan", ("lixia",), ("POST",), params={"code": "draft"}),
    # the filer's answer to a recommendation to mediate first (分调裁审)
    "online:mediation_choice": Rule("zhangsan", ("lixia",), ("POST",), params={"code": "draft"}),
    "online:receipt": Rule("zhangsan", ("lixia", "wangjun"), params={"code": "filing"}),
    "online:receipt_pdf": Rule("zhangsan", ("lixia", "wangjun"), params={"code": "filing"}),
    "online:correction": Rule("zhangsan", ("lixia",), params={"code": "filing"}),
    "online:withdraw": Rule("zhangsan", ("lixia",), ("POST",), params={"code": "draft"}),
    "online:delete": Rule("zhangsan", ("lixia", "wangjun"), ("GET", "POST"),
                          params={"code": "draft"}),
    "online:step": Rule("zhangsan", ("lixia", "wangjun"),
                        params={"code": "draft", "step": "parties"}),
    "online:autosave": Rule("zhangsan", ("lixia",), ("POST",),
                            params={"code": "draft", "step": "claims"}),
    "party_cases:list": Rule("zhangsan", ("wangjun",), scoped=True),
    "party_cases:detail": Rule("zhangsan", ("wangjun", "lixia"), params={"code": "case"}),
    "party_cases:document": Rule("zhangsan", ("wangjun", "lixia"),
                                 params={"code": "case", "ref": "case_document"}),
    "courts:list": PUBLIC,  # the court directory, like the portal's
    "courts:detail": Rule(public=True, params={"code": "court"}),
    # lawyers who registered at 内2502: its filing clerk (or administrator) verifies them
    "courts:lawyers": Rule("lixia", ("zhangsan", "wangjun", "chenzhi", "lilawyer")),
    "courts:lawyer_decide": Rule("lixia", ("zhangsan", "wangjun", "chenzhi"), ("POST",),
                                 params={"pk": "lawyer_application"}),
    # Court administration: the court's own administrator (admin of 内2502); not its
    # president, not a supervisor of a higher court, not the platform's Django staff flag.
    "courts:admin_home": COURT_ADMIN,
    "courts:admin_new_account": Rule(*COURT_ADMIN_WHO, ("GET", "POST"), params=OF_COURT),
    "courts:admin_account": Rule(*COURT_ADMIN_WHO, params={**OF_COURT, "user_id": "wangjun_id"}),
    "courts:admin_set_active": Rule(*COURT_ADMIN_WHO, ("POST",),
                                    params={**OF_COURT, "user_id": "wangjun_id"}),
    "courts:admin_reset_password": Rule(*COURT_ADMIN_WHO, ("POST",),
                                        params={**OF_COURT, "user_id": "wangjun_id"}),
    "courts:admin_grant_role": Rule(*COURT_ADMIN_WHO, ("POST",),
                                    params={**OF_COURT, "user_id": "wangjun_id"}),
    "courts:admin_remove_role": Rule(*COURT_ADMIN_WHO, ("POST",),
                                     params={**OF_COURT, "pk": "wangjun_membership"}),
    "courts:admin_courtrooms": Rule(*COURT_ADMIN_WHO, ("GET", "POST"), params=OF_COURT),
    "courts:admin_courtroom": Rule(*COURT_ADMIN_WHO, ("GET", "POST"),
                                   params={**OF_COURT, "pk": "courtroom"}),
    "courts:admin_delete_courtroom": Rule(*COURT_ADMIN_WHO, ("POST",),
                                          params={**OF_COURT, "pk": "courtroom"}),
    "courts:admin_calendar": Rule(*COURT_ADMIN_WHO, ("GET", "POST"), params=OF_COURT),
    "courts:admin_delete_calendar_day": Rule(*COURT_ADMIN_WHO, ("POST",),
                                             params={**OF_COURT, "pk": "calendar_day"}),
    "cases:list": Rule("wangjun", ("zhangsan",), scoped=True),
    "cases:dashboard": Rule("chenzhi", ("zhangsan", "lixia", "wangjun")),
    # the indicator pages (issue 13): leaders; a judge their own scorecard and its cases
    "indicators:court": Rule("chenzhi", ("zhangsan", "lixia", "wangjun")),
    "indicators:cases": Rule("chenzhi", ("zhangsan", "lixia", "wangjun")),
    "indicators:courts": Rule("bayar", ("zhangsan", "lixia", "wangjun")),
    "indicators:breakdown": Rule("chenzhi", ("zhangsan", "lixia", "wangjun")),
    "indicators:scorecard": Rule("wangjun", ("zhangsan", "lixia"), params={"pk": "wangjun_id"}),
    "indicators:scorecard_by_name": Rule("chenzhi", ("zhangsan", "lixia", "wangjun")),
    "indicators:ranges": Rule("chenzhi", ("zhangsan", "lixia", "wangjun"), ("GET", "POST")),
    # the reports (issue 13 part 6): who sees the indicators (without parameters 422); the
    # big screen: its keepers make and revoke tokens (none here: all 404; indicators/tests/
    # test_display.py revokes a real one); the screen itself is public by its token (a
    # wrong one: 404) and opens nothing else
    "indicators:reports": Rule("chenzhi", ("zhangsan", "lixia", "wangjun")),
    "indicators:report": Rule("chenzhi", ("zhangsan", "lixia", "wangjun")),
    "indicators:display_tokens": Rule("chenzhi", ("zhangsan", "lixia", "wangjun", "liuqiang"),
                                      ("GET", "POST")),
    "indicators:display_token_revoke": Rule("", ("zhangsan", "lixia", "wangjun", "chenzhi"),
                                            ("POST",), params={"pk": "999999"}),
    "indicators:display": Rule(public=True, params={"token": "not-a-token"}),
    "indicators:display_screen": Rule(public=True, params={"token": "not-a-token"}),
    # the historical case import (issue 13 part 1): trial management, leaders, administrators;
    # a run's page for its uploader and those who may import (none exists here: all 404)
    "cases:import": Rule("bayar", ("zhangsan", "lixia", "wangjun"), ("GET", "POST")),
    "cases:import_run": Rule("", ("zhangsan", "lixia", "wangjun", "bayar"),
                             params={"code": "no-such-run"}),
    "cases:detail": Rule("wangjun", ("zhangsan",), params={"code": "case"}),
    "cases:start_trial": Rule("wangjun", ("zhangsan", "lixia"), ("POST",),
                              params={"code": "case"}),
    "cases:assign": Rule("liuqiang", ("zhangsan", "lixia", "wangjun"), ("POST",),
                         params={"code": "case"}),
    "cases:close": Rule("wangjun", ("zhangsan", "lixia", "chenzhi"), ("GET", "POST"),
                        params={"code": "case"}),
    "cases:archive": Rule("wangjun", ("zhangsan", "lixia"), ("POST",),
                          params={"code": "closed_case"}),
    "cases:document": Rule("wangjun", ("zhangsan",),
                           params={"code": "case", "key": "case_document"}),
    "cases:filing_file": Rule("wangjun", ("zhangsan",),
                              params={"code": "case", "key": "case_filing_file"}),
    # the documents issued on the case's filing (受理案件通知书, 应诉通知书), for staff
    "cases:filing_document": Rule("wangjun", ("zhangsan",),
                                  params={"code": "case", "name": "acceptance-notice"}),
    # Hearings: the case's judge (or its assistant or clerk seated on it) schedules and
    # runs them; staff who see the case read them; the notice board is public.
    "hearings:notices": PUBLIC,
    "hearings:calendars": Rule("wangjun", ("zhangsan",), scoped=True),
    "hearings:courtroom_calendar": Rule("wangjun", ("zhangsan",), params={"pk": "courtroom"}),
    "hearings:judge_calendar": Rule("wangjun", ("zhangsan",), params={"user_id": "wangjun_id"}),
    "hearings:schedule": Rule("wangjun", ("zhangsan", "lixia", "chenzhi"), ("GET", "POST"),
                              params={"code": "case"}),
    "hearings:detail": Rule("wangjun", ("zhangsan",), params={"code": "hearing"}),
    "hearings:postpone": Rule("wangjun", ("zhangsan", "lixia", "chenzhi"), ("POST",),
                              params={"code": "hearing"}),
    "hearings:cancel": Rule("wangjun", ("zhangsan", "lixia", "chenzhi"), ("POST",),
                            params={"code": "hearing"}),
    "hearings:held": Rule("wangjun", ("zhangsan", "lixia", "chenzhi"), ("POST",),
                          params={"code": "hearing"}),
    "hearings:record": Rule("wangjun", ("zhangsan", "lixia", "chenzhi"), ("POST",),
                            params={"code": "held_hearing"}),
    "hearings:record_file": Rule("wangjun", ("zhangsan",), params={"code": "held_hearing"}),
    "hearings:party_record_file": Rule("zhangsan", ("wangjun", "lixia", "lilawyer"),
                                       params={"code": "held_hearing"}),
    "catalog:index": PUBLIC,
    "catalog:import": Rule("platform", ("zhangsan", "wangjun", "lixia", "chenzhi", "admin")),
    "catalog:browse": Rule(public=True, params={"kind": "civil-causes"}),
    "catalog:picker": Rule(public=True, params={"kind": "civil-causes"}),
    "tools:fees": PUBLIC,
    "tools:case_numbers": PUBLIC,
    "deadlines:case": Rule("wangjun", ("zhangsan",), params={"code": "case"}),
    # the fee of the case: its court's filing division records payments
    "payments:case": Rule("lixia", ("zhangsan", "wangjun"), ("GET", "POST"),
                          params={"code": "case"}),
    # fee relief: a party on the case applies (or the filing division for one); the proof
    # is read by the filing division, the deciders and whoever submitted it
    "payments:apply": Rule("zhangsan", ("wangjun",), ("GET", "POST"),
                           params={"code": "case"}),
    "payments:reliefs": Rule("chenzhi", ("zhangsan", "lixia", "wangjun"), scoped=True),
    "payments:proof": Rule("lixia", ("wangjun",),
                           params={"code": "closed_case", "relief_code": "relief"}),
    "deadlines:extension_requests": Rule("chenzhi", ("zhangsan",), scoped=True),
    "deadlines:decide": Rule("chenzhi", ("zhangsan", "lixia", "wangjun", "liuqiang"), ("POST",),
                             params={"pk": "request"}),
    "deadlines:overdue": Rule("chenzhi", ("zhangsan",), scoped=True),
    "deadlines:overdue_summary": Rule("chenzhi", ("zhangsan",), scoped=True),
    "notifications:inbox": Rule("zhangsan", (), scoped=True),
    "notifications:mark_all_read": Rule("zhangsan", (), ("POST",), scoped=True),
    # Mediation (M1): every staff member reads the roster and partners (a coordinator only
    # their own partner's: nasen, 工商联); the court's administrator (or president) keeps them;
    # anyone reads the public roster (no telephones)
    "mediation:roster": Rule("wangjun", ("zhangsan",), scoped=True),
    "mediation:public_roster": Rule(public=True, params=OF_COURT),
    "mediation:mediator": Rule("wangjun", ("zhangsan", "nasen"), params={"pk": "mediator"}),
    "mediation:new_mediator": Rule(*ROSTER_KEEPER, ("GET", "POST"), params=OF_COURT),
    "mediation:edit_mediator": Rule(*ROSTER_KEEPER, ("GET", "POST"), params={"pk": "mediator"}),
    "mediation:delist_mediator": Rule(*ROSTER_KEEPER, ("POST",), params={"pk": "mediator"}),
    "mediation:relist_mediator": Rule(*ROSTER_KEEPER, ("POST",), params={"pk": "mediator"}),
    "mediation:partners": Rule("wangjun", ("zhangsan",), scoped=True),
    "mediation:partner": Rule("wangjun", ("zhangsan", "nasen"), params={"pk": "partner"}),
    "mediation:new_partner": Rule(*ROSTER_KEEPER, ("GET", "POST"), params=OF_COURT),
    "mediation:edit_partner": Rule(*ROSTER_KEEPER, ("GET", "POST"), params={"pk": "partner"}),
    "mediation:new_agreement": Rule(*ROSTER_KEEPER, ("GET", "POST"), params={"pk": "partner"}),
    "mediation:edit_agreement": Rule(*ROSTER_KEEPER, ("GET", "POST"),
                                     params={"pk": "agreement"}),
    "mediation:add_coordinator": Rule(*ROSTER_KEEPER, ("POST",), params={"pk": "partner"}),
    "mediation:end_coordinator": Rule(*ROSTER_KEEPER, ("POST",), params={"pk": "coordinator"}),
    "mediation:new_station": Rule(*ROSTER_KEEPER, ("GET", "POST"), params=OF_COURT),
    "mediation:edit_station": Rule(*ROSTER_KEEPER, ("GET", "POST"), params={"pk": "station"}),
    # Mediations (M3): the litigant applies and reads his own, the filing division refers
    # and appoints, the mediator (hutao, in-court) acts in those appointed to him. Who sees
    # a mediation but may not do something there is told on the page (a form error, 400, or
    # a message after a redirect), so only those who do not see it are counted refused here;
    # the API's table below refuses them all with 403.
    "mediation:mediations": Rule("lixia", ("wangjun",), scoped=True),
    "mediation:apply": Rule("zhangsan", ("lixia", "wangjun"), ("GET", "POST"), scoped=True),
    "mediation:refer": Rule("lixia", ("zhangsan", "wangjun"), ("POST",),
                            params={"code": "filing"}),
    "mediation:detail": Rule("zhangsan", ("wangjun", "nasen", "hutao"),
                             params={"code": "m_waiting"}),
    "mediation:appoint": Rule("lixia", ("wangjun", "hutao"), ("POST",),
                              params={"code": "m_waiting"}),
    "mediation:accept": Rule("hutao", ("wangjun", "nasen"), ("POST",),
                             params={"code": "m_appointed"}),
    "mediation:decline": Rule("hutao", ("wangjun", "nasen"), ("POST",),
                              params={"code": "m_appointed"}),
    "mediation:answer": Rule("hutao", ("wangjun", "nasen"), ("POST",), params={"code": "m_on"}),
    "mediation:schedule": Rule("hutao", ("wangjun", "nasen"), ("POST",), params={"code": "m_on"}),
    "mediation:record_session": Rule("hutao", ("wangjun", "nasen"), ("POST",),
                                     params={"code": "m_on", "pk": "m_session"}),
    "mediation:cancel_session": Rule("hutao", ("wangjun", "nasen"), ("POST",),
                                     params={"code": "m_on", "pk": "m_session"}),
    "mediation:extend": Rule("hutao", ("wangjun", "nasen"), ("POST",), params={"code": "m_on"}),
    "mediation:end": Rule("hutao", ("wangjun", "nasen"), ("POST",), params={"code": "m_on"}),
    "mediation:withdraw": Rule("zhangsan", ("wangjun", "hutao"), ("POST",),
                               params={"code": "m_waiting"}),
    # the case's judge refers a pending case to a mediator (委托调解)
    "mediation:refer_case": Rule("wangjun", ("zhangsan", "lixia", "hutao"), ("GET", "POST"),
                                 params={"code": "case"}),
    # the figures: leaders of the court (and a partner's coordinator, for their partner only)
    "mediation:figures": Rule("chenzhi", ("zhangsan", "lixia", "wangjun", "hutao")),
    # group disputes (群体性纠纷): the court's filing division imports and takes the steps
    "mediation:groups": Rule("lixia", ("zhangsan", "wangjun"), scoped=True),
    "mediation:new_group": Rule("lixia", ("zhangsan", "wangjun", "hutao"), ("GET", "POST")),
    "mediation:group_template": Rule("lixia", ("zhangsan", "wangjun", "hutao")),
    "mediation:group": Rule("lixia", ("zhangsan", "wangjun", "hutao"), params={"code": "group"}),
    "mediation:group_step": Rule("lixia", ("zhangsan", "wangjun", "hutao"), ("POST",),
                                 params={"code": "group", "step": "accept"}),
    # the agreement and after (m_on has a drafted agreement; 张三 is its applicant)
    "mediation:draft": Rule("hutao", ("wangjun", "nasen"), ("POST",), params={"code": "m_on"}),
    "mediation:sign": Rule("zhangsan", ("wangjun", "nasen"), ("POST",), params={"code": "m_on"}),
    "mediation:sign_paper": Rule("hutao", ("wangjun", "nasen"), ("POST",),
                                 params={"code": "m_on"}),
    "mediation:join": Rule("zhangsan", ("wangjun", "nasen"), ("POST",), params={"code": "m_on"}),
    "mediation:apply_confirmation": Rule("zhangsan", ("wangjun", "nasen"), ("POST",),
                                         params={"code": "m_on"}),
    "mediation:apply_document": Rule("zhangsan", ("wangjun", "nasen"), ("POST",),
                                     params={"code": "m_on"}),
    "mediation:voluntary": Rule("zhangsan", ("wangjun", "nasen"), ("POST",),
                                params={"code": "m_on"}),
    "mediation:performance": Rule("hutao", ("wangjun", "nasen"), ("POST",),
                                  params={"code": "m_on"}),
    "mediation:rate": Rule("zhangsan", ("wangjun", "nasen"), ("POST",), params={"code": "m_on"}),
    # the judge's ruling on a confirmation case: the world's case is none (404 to its judge
    # too); tests/test_outcome_pages.py walks the judge through one
    "mediation:ruling": Rule("", ("zhangsan", "lixia", "wangjun", "hutao"), ("GET", "POST"),
                             params={"code": "case"}),
    # the bench (审判组织): composed by the division head or the president; a recusal asked
    # by a party, decided by the president for the bench (the world: a sole judge, 王军)
    "cases:bench": Rule("liuqiang", ("zhangsan", "wangjun", "lixia"), ("GET", "POST"),
                        params={"code": "case"}),
    "cases:replace_seat": Rule("liuqiang", ("zhangsan", "wangjun", "lixia"), ("POST",),
                               params={"code": "case", "pk": "seat"}),
    "cases:decide_recusal": Rule("chenzhi", ("zhangsan", "wangjun", "liuqiang", "lixia"),
                                 ("POST",), params={"code": "case", "pk": "recusal"}),
    "party_cases:recusal": Rule("zhangsan", ("wangjun", "lixia"), ("POST",),
                                params={"code": "case"}),
    # a party's material and request to meet the judge (material_item, meeting in the world)
    "cases:material_file": Rule("wangjun", ("zhangsan",),
                                params={"code": "case", "pk": "material_item",
                                        "file_pk": "material_file"}),
    "cases:receive_material": Rule("wangjun", ("zhangsan", "lixia"), ("POST",),
                                   params={"code": "case", "pk": "material_item"}),
    "cases:answer_meeting": Rule("wangjun", ("zhangsan", "lixia"), ("POST",),
                                 params={"code": "case", "pk": "meeting"}),
    "party_cases:material": Rule("zhangsan", ("wangjun", "lixia"), ("POST",),
                                 params={"code": "case"}),
    "party_cases:meeting": Rule("zhangsan", ("wangjun", "lixia"), ("POST",),
                                params={"code": "case"}),
    # a conversion of procedure the judge asked: a leader decides, not the judge
    "cases:decide_procedure": Rule("liuqiang", ("zhangsan", "wangjun", "lixia"), ("POST",),
                                   params={"code": "case", "pk": "procedure_request"}),
    "review:queue": Rule("lixia", ("zhangsan", "wangjun")),
    "review:window_new": Rule("lixia", ("zhangsan", "wangjun")),
    "review:cross_region_list": Rule("lixia", ("zhangsan", "wangjun")),
    "review:cross_region_new": Rule("lixia", ("zhangsan", "wangjun")),
    "review:new_row": Rule("lixia", ("zhangsan", "wangjun"), params={"kind": "party"}),
    "review:detail": Rule("lixia", ("zhangsan", "wangjun"), params={"code": "filing"}),
    "review:accept": Rule("lixia", ("zhangsan", "wangjun"), ("POST",),
                          params={"code": "filing"}),
    "review:correction": Rule("lixia", ("zhangsan", "wangjun"), ("POST",),
                              params={"code": "filing"}),
    "review:refuse": Rule("lixia", ("zhangsan", "wangjun"), ("POST",),
                          params={"code": "filing"}),
    # a refusal proposed by lixia: a judge of the court decides, never the proposer
    "review:refusals": Rule("wangjun", ("zhangsan",), scoped=True),
    "review:refusal": Rule("wangjun", ("zhangsan", "lixia"), ("GET", "POST"),
                           params={"code": "proposed"}),
    "review:transfer": Rule("lixia", ("zhangsan", "wangjun"), ("POST",),
                            params={"code": "filing"}),
    "review:mediation_choice": Rule("lixia", ("zhangsan", "wangjun"), ("POST",),
                                    params={"code": "filing"}),
    "review:forward": Rule("lixia", ("zhangsan", "wangjun"), ("POST",),
                           params={"code": "taken_in"}),
    "review:attach": Rule("lixia", ("zhangsan", "wangjun"), ("POST",),
                          params={"code": "filing"}),
    "review:filed": Rule("lixia", ("zhangsan", "wangjun"), params={"code": "accepted"}),
    "review:receipt": Rule("lixia", ("zhangsan", "wangjun"), params={"code": "filing"}),
    "review:attachment": Rule("lixia", ("zhangsan", "wangjun"),
                              params={"code": "filing", "pk": "filing_file"}),
    "review:reveal_id": Rule("lixia", ("zhangsan", "wangjun"), ("POST",),
                             params={"code": "filing", "pk": "filing_party"}),
    "review:document": Rule("lixia", ("zhangsan", "wangjun"),
                            params={"code": "accepted", "name": "acceptance-notice"}),
    # Service (送达): the case's judge (its assistant or clerk) serves and records; a party
    # reads only what was served on them (s_own: 张三's; s_other: 李四's, by post)
    "service:queue": Rule("wangjun", ("zhangsan",), scoped=True),
    "service:case": Rule("wangjun", ("zhangsan",), params={"code": "case"}),
    # document templates: the court's administrator (or president); issuing: the case's staff
    "documents:court_templates": Rule(*TEMPLATE_EDITOR, params=OF_COURT),
    "documents:edit_template": Rule(*TEMPLATE_EDITOR, ("GET", "POST"),
                                    params={"code": "court", "kind": "summons"}),
    "documents:template_version": Rule(*TEMPLATE_EDITOR, params={
        "code": "court", "kind": "summons", "pk": "doc_template"}),
    "documents:use_default": Rule(*TEMPLATE_EDITOR, ("POST",),
                                  params={"code": "court", "kind": "summons"}),
    "documents:case": Rule("wangjun", ("zhangsan", "lixia", "chenzhi"), ("GET", "POST"),
                           params={"code": "case"}),
    "service:serve": Rule("wangjun", ("zhangsan", "lixia"), ("POST",), params={"code": "case"}),
    "service:address": Rule("wangjun", ("zhangsan", "lixia"), ("POST",),
                            params={"code": "case", "pk": "defendant_party"}),
    "service:address_pdf": Rule("wangjun", ("zhangsan",),
                                params={"code": "case", "pk": "defendant_party"}),
    "service:my_address": Rule("zhangsan", ("wangjun", "lixia"), ("GET", "POST"),
                               params={"code": "case", "pk": "plaintiff_party"}),
    "service:detail": Rule("wangjun", ("zhangsan",), params={"code": "s_other"}),
    "service:postal_receipt": Rule("wangjun", ("zhangsan", "lixia"), ("POST",),
                                   params={"code": "s_other", "pk": "s_attempt"}),
    "service:direct": Rule("wangjun", ("zhangsan", "lixia"), ("POST",),
                           params={"code": "s_other"}),
    "service:retained": Rule("wangjun", ("zhangsan", "lixia"), ("POST",),
                             params={"code": "s_other"}),
    "service:public_notice": Rule("wangjun", ("zhangsan", "lixia"), ("POST",),
                                  params={"code": "s_other"}),
    "service:certificate": Rule("wangjun", ("zhangsan",), params={"code": "s_other"}),
    "service:open": Rule("zhangsan", ("wangjun", "lixia"), params={"code": "s_own"}),
    # Effectiveness and appeal: 张三 appeals his closed_case; 李霞 records at the window,
    # the fee and the transfer; 高原 (内25) files the 民终 and the 民申; the judge decides
    "appeals:incoming": Rule("gaoyuan", ("zhangsan",), scoped=True),
    "appeals:docket": Rule("gaoyuan", ("zhangsan", "lixia"), ("POST",),
                           params={"code": "closed_case"}),
    "appeals:docket_retrial": Rule("gaoyuan", ("zhangsan", "lixia"), ("POST",),
                                   params={"code": "retrial"}),
    "appeals:window": Rule("lixia", ("zhangsan", "wangjun"), ("GET", "POST"),
                           params={"code": "closed_case"}),
    "appeals:transfer": Rule("lixia", ("zhangsan", "chenzhi"), ("POST",),
                             params={"code": "closed_case"}),
    "appeals:fee": Rule("lixia", ("zhangsan", "wangjun"), ("POST",), params={"code": "appeal"}),
    "appeals:outcome": Rule("wangjun", ("zhangsan", "lixia"), ("GET", "POST"),
                            params={"code": "case"}),
    "appeals:retrial_outcome": Rule("wangjun", ("zhangsan", "lixia"), ("GET", "POST"),
                                    params={"code": "case"}),
    "appeals:mediation_close": Rule("wangjun", ("zhangsan", "lixia"), ("POST",),
                                    params={"code": "case"}),
    "appeals:appeal": Rule("zhangsan", ("wangjun", "lixia"), ("GET", "POST"),
                           params={"code": "closed_case"}),
    "appeals:retrial": Rule("zhangsan", ("wangjun", "lixia"), ("GET", "POST"),
                            params={"code": "closed_case"}),
    # Supervision (督办): leaders issue and close (order: liuqiang's on the case), the case's
    # judge replies (never the issuer); replied_order: on closed_case, replied with a file
    "supervision:orders": Rule("liuqiang", ("zhangsan",), scoped=True),
    "supervision:issue": Rule("liuqiang", ("zhangsan", "lixia", "wangjun"), ("GET", "POST")),
    "supervision:detail": Rule("liuqiang", ("zhangsan", "lixia"), params={"code": "order"}),
    "supervision:close": Rule("liuqiang", ("zhangsan", "lixia", "wangjun"), ("POST",),
                              params={"code": "order"}),
    "supervision:reply": Rule("wangjun", ("zhangsan", "lixia", "liuqiang", "chenzhi"),
                              ("POST",), params={"code": "order", "case": "case"}),
    "supervision:close_item": Rule("liuqiang", ("zhangsan", "lixia", "wangjun"), ("POST",),
                                   params={"code": "order", "case": "case"}),
    "supervision:attachment": Rule("liuqiang", ("zhangsan", "lixia"),
                                   params={"code": "replied_order", "case": "closed_case"}),
    # a payment order (民督) of 张三's against 钱七 (po_debtor), judge 王军
    "payorders:procedure": Rule("wangjun", ("lilawyer",), params={"code": "po_case"}),
    **{f"payorders:{act}": Rule("wangjun", ("zhangsan", "lixia", "po_debtor"), ("POST",),
                                params={"code": "po_case"})
       for act in ("issue", "dismiss", "terminate", "effect", "notice")},
    "payorders:object": Rule("po_debtor", ("zhangsan", "lixia", "wangjun"), ("POST",),
                             params={"code": "po_case"}),
    "payorders:window": Rule("lixia", ("zhangsan", "po_debtor"), ("POST",),
                             params={"code": "po_case"}),
    "payorders:answer": Rule("zhangsan", ("po_debtor",), ("POST",), params={"code": "po_case"}),
    "payorders:suit": Rule("lixia", ("zhangsan", "po_debtor"), ("POST",),
                           params={"code": "po_case"}),
}

# API operations, by "METHOD /api/v1/path" as in the schema, each with a body that passes
# the schema, so that the request reaches the permission check.
ON_CASE = ("zhangsan", "lixia")
ON_FILING = ("zhangsan", "wangjun")
API = {
    "GET /api/v1/me": api("zhangsan", method="GET", scoped=True),
    "GET /api/v1/courts": api("wangjun", ("zhangsan",), method="GET", scoped=True),
    "GET /api/v1/courts/{code}": api("wangjun", ("zhangsan",), code="court", method="GET"),
    "GET /api/v1/backups": api("wangjun", ("zhangsan",), method="GET", scoped=True),
    "POST /api/v1/backups": api("wangjun", ("zhangsan",), scoped=True, body={
        "backup_username": "sunli", "away_from": TODAY, "away_until": TODAY}),
    "GET /api/v1/catalogs": PUBLIC,
    "GET /api/v1/catalogs/{kind}/entries": Rule(public=True, params={"kind": "civil-causes"}),
    "GET /api/v1/catalogs/{kind}/entries/{code}": Rule(
        public=True, params={"kind": "civil-causes", "code": "88"}),
    "POST /api/v1/catalogs/{kind}/import": api(
        "platform", ("zhangsan", "wangjun", "chenzhi", "admin"), kind="civil-causes",
        body={"multipart": True, "file": PDF_FILE, "label": "test"}),
    "POST /api/v1/fees": Rule(public=True, methods=("POST",), body={"kind": "property",
                                                                      "amount": "1000"}),
    "POST /api/v1/case-numbers/parse": Rule(public=True, methods=("POST",),
                                            body={"numbers": ["（2024）京0105民初1号"]}),
    "POST /api/v1/identity/check": Rule(public=True, methods=("POST",), body={
        "doc_type": "resident_id", "number": "110105199001011232"}),
    "GET /api/v1/time-limits/rules": PUBLIC,
    "POST /api/v1/time-limits/compute": Rule(public=True, methods=("POST",), body={
        "rule": "civil-ordinary", "start": TODAY}),
    "GET /api/v1/time-limits/cases/{code}": api("wangjun", code="case", method="GET"),
    # the fee: whoever sees the case (its parties too); payments: its filing division
    "GET /api/v1/case-fees/cases/{code}": api("zhangsan", code="case", method="GET"),
    "POST /api/v1/case-fees/cases/{code}/payments": api(
        "lixia", ("zhangsan", "wangjun"), code="case",
        body={"amount": "100", "paid_on": TODAY, "receipt": "R-1"}),
    "POST /api/v1/case-fees/cases/{code}/notice-received": api(
        "lixia", ("zhangsan", "wangjun"), code="case", body={"received_on": TODAY}),
    "POST /api/v1/case-fees/cases/{code}/reliefs": api(
        "zhangsan", ("wangjun",), code="case",
        body={"ground": "legal_aid", "statement": "正在接受法律援助"}),
    # decided by the president (or the filing division's head), not the clerk who entered it
    "POST /api/v1/case-fees/cases/{code}/reliefs/{relief_code}/decision": api(
        "chenzhi", ("zhangsan", "lixia", "wangjun", "liuqiang"), code="closed_case",
        relief_code="relief", body={"grant": True}),
    "POST /api/v1/time-limits/cases/{code}/suspend": api("wangjun", ON_CASE, code="case",
                                                        body=ON),
    "POST /api/v1/time-limits/cases/{code}/resume": api("wangjun", ON_CASE, code="case",
                                                       body={"on": TODAY}),
    "POST /api/v1/time-limits/cases/{code}/exclusions": api(
        "wangjun", ON_CASE, code="case",
        body={"kind": "settlement", "starts_on": TODAY, "ends_on": TODAY}),
    "POST /api/v1/time-limits/cases/{code}/extensions": api(
        "wangjun", ON_CASE, code="case", body={"reason": "案情复杂"}),
    "GET /api/v1/time-limits/extensions": api("chenzhi", ("zhangsan",), method="GET",
                                              scoped=True),
    "POST /api/v1/time-limits/extensions/{pk}/decide": api(
        "chenzhi", ("zhangsan", "lixia", "wangjun", "liuqiang"), pk="request",
        body={"approve": True, "note": "同意"}),
    "POST /api/v1/time-limits/cases/{code}/procedure": api(
        "wangjun", ON_CASE, code="case", body={"procedure": "summary", "reason": "事实清楚"}),
    "GET /api/v1/cases": api("wangjun", ("zhangsan",), method="GET", scoped=True),
    "GET /api/v1/cases/dashboard": api("chenzhi", ("zhangsan", "lixia", "wangjun"),
                                       method="GET"),
    "GET /api/v1/cases/{code}": api("wangjun", ("zhangsan",), code="case", method="GET"),
    "GET /api/v1/cases/{code}/filing-files/{key}": api(
        "wangjun", ("zhangsan",), code="case", key="case_filing_file", method="GET"),
    "POST /api/v1/cases/{code}/assign": api(
        "liuqiang", ("zhangsan", "lixia", "wangjun"), code="case",
        body={"judge": "wangjun", "reason": "专业对口"}),
    "POST /api/v1/cases/{code}/start-trial": api("wangjun", ON_CASE, code="case"),
    "POST /api/v1/cases/{code}/archive": api("wangjun", ON_CASE, code="closed_case"),
    "POST /api/v1/cases/{code}/close": api("wangjun", ON_CASE, code="case",
                                           body={"mode": "judgment", "closed_on": TODAY}),
    "GET /api/v1/filing-review/queue": api("lixia", ON_FILING, method="GET", scoped=True),
    "GET /api/v1/filing-review/cross-region": api("lixia", ON_FILING, method="GET",
                                                  scoped=True),
    "POST /api/v1/filing-review/cross-region": api("lixia", ON_FILING, body=HANDED_IN),
    "POST /api/v1/filing-review/window": api("lixia", ON_FILING, body=HANDED_IN),
    "GET /api/v1/filing-review/{code}": api("lixia", ON_FILING, code="filing", method="GET"),
    "POST /api/v1/filing-review/{code}/accept": api("lixia", ON_FILING, code="filing", body={}),
    "POST /api/v1/filing-review/{code}/request-correction": api(
        "lixia", ON_FILING, code="filing", body={"items": ["补充证据"]}),
    "POST /api/v1/filing-review/{code}/propose-refusal": api(
        "lixia", ON_FILING, code="filing",
        body={"basis": "cpl_127", "reasons": "不属于人民法院受理民事诉讼的范围。"}),
    "GET /api/v1/refusals": api("wangjun", ("zhangsan",), method="GET", scoped=True),
    "GET /api/v1/refusals/{code}": api("wangjun", ("zhangsan", "lixia"), code="proposed",
                                       method="GET"),
    "POST /api/v1/refusals/{code}/decision": api(
        "wangjun", ("zhangsan", "lixia"), code="proposed",
        body={"decision": "decline", "note": "证据已足以立案"}),
    "POST /api/v1/filing-review/{code}/transfer": api(
        "lixia", ON_FILING, code="filing", body={"to_court": "内2501", "reason": "管辖"}),
    "POST /api/v1/filing-review/{code}/mediation-choice": api(
        "lixia", ON_FILING, code="filing", body={"choice": "declined"}),
    "POST /api/v1/filing-review/{code}/forward": api("lixia", ON_FILING, code="taken_in",
                                                     body={}),
    "POST /api/v1/filing-review/{code}/attachments": api(
        "lixia", ON_FILING, code="filing", body={"multipart": True, "files": PDF_FILE}),
    "GET /api/v1/filings": api("zhangsan", ("wangjun",), method="GET", scoped=True),
    "POST /api/v1/filings": api("zhangsan", ("wangjun",), scoped=True,
                                body={"court_code": "内2502"}),
    "GET /api/v1/filings/{code}": api("zhangsan", ("lixia", "wangjun"), code="filing",
                                      method="GET"),
    "PATCH /api/v1/filings/{code}": api("zhangsan", ("lixia",), code="draft", method="PATCH",
                                        body={"claims": "改"}),
    "PUT /api/v1/filings/{code}/parties": api("zhangsan", ("lixia",), code="draft",
                                              method="PUT", body=PARTY_ROWS),
    "POST /api/v1/filings/{code}/representatives": api(
        "zhangsan", ("lixia",), code="draft", body={
            "multipart": True, "party": 0, "kind": "relative", "name": "张大",
            "authorisation": PDF_FILE}),
    "DELETE /api/v1/filings/{code}/representatives/{index}": api(
        "zhangsan", ("lixia",), code="draft", index="0", method="DELETE"),
    "PUT /api/v1/filings/{code}/evidence": api("zhangsan", ("lixia",), code="draft",
                                               method="PUT", body=[]),
    "POST /api/v1/filings/{code}/attachments": api(
        "zhangsan", ("lixia",), code="draft", body={"multipart": True, "file": PDF_FILE}),
    "DELETE /api/v1/filings/{code}/attachments/{ref}": api(
        "zhangsan", ("lixia",), code="draft", ref="draft_file", method="DELETE"),
    "POST /api/v1/filings/{code}/submit": api("zhangsan", ("lixia",), code="draft", body={}),
    "POST /api/v1/filings/{code}/mediation-choice": api(
        "zhangsan", ("lixia",), code="draft", body={"choice": "declined"}),
    "POST /api/v1/filings/{code}/correction": api("zhangsan", ("lixia",), code="filing",
                                                  body={}),
    "POST /api/v1/filings/{code}/withdraw": api("zhangsan", ("lixia",), code="draft"),
    "DELETE /api/v1/filings/{code}": api("zhangsan", ("lixia", "wangjun"), code="draft",
                                         method="DELETE"),
    "GET /api/v1/filings/{code}/receipt.pdf": api("zhangsan", ("lixia", "wangjun"),
                                                  code="filing", method="GET"),
    # registering: anyone; one's own profile and refused registration; one's own messages
    "POST /api/v1/registrations": Rule(public=True, methods=("POST",), body={
        "full_name": "赵六", "phone": "13700000000", "id_type": "resident_id",
        "id_number": "110105199001011232", "password": "Grassland-2027!x"}),
    "GET /api/v1/profile": api("zhangsan", method="GET", scoped=True),
    "PATCH /api/v1/profile": api("zhangsan", method="PATCH", scoped=True,
                                 body={"address": "锡林浩特市"}),
    "POST /api/v1/profile/lawyer-application": api("zhangsan", scoped=True, body={
        "licence_number": "11501201910123457", "law_firm": "草原律师事务所",
        "court": "内2502"}),
    "GET /api/v1/messages": api("zhangsan", method="GET", scoped=True),
    "GET /api/v1/messages/unread-count": api("zhangsan", method="GET", scoped=True),
    "POST /api/v1/messages/read": api("zhangsan", scoped=True),
    "POST /api/v1/messages/{pk}/read": api("zhangsan", ("lixia", "wangjun"),
                                           pk="zhangsan_message"),
    # lawyers who registered at 内2502: its filing clerk (or administrator), as on the page
    "GET /api/v1/lawyer-registrations": api(
        "lixia", ("zhangsan", "wangjun", "chenzhi", "lilawyer"), method="GET"),
    "POST /api/v1/lawyer-registrations/{pk}/decision": api(
        "lixia", ("zhangsan", "wangjun", "chenzhi", "lilawyer"), pk="lawyer_application",
        body={"decision": "refuse", "reason": "执业证号查无此人"}),
    # mediation (M1): as on the pages
    "GET /api/v1/mediation/mediators": api("wangjun", ("zhangsan",), method="GET", scoped=True),
    "GET /api/v1/mediation/mediators/{pk}": api("wangjun", ("zhangsan", "nasen"),
                                                pk="mediator", method="GET"),
    "POST /api/v1/mediation/mediators": api(*ROSTER_KEEPER, body={
        "court": "内2502", "name": "乌日娜", "kind": "invited", "languages": ["mn"]}),
    "PATCH /api/v1/mediation/mediators/{pk}": api(*ROSTER_KEEPER, pk="mediator",
                                                  method="PATCH", body={"capacity": 3}),
    "POST /api/v1/mediation/mediators/{pk}/delist": api(*ROSTER_KEEPER, pk="mediator",
                                                        body={}),
    "GET /api/v1/mediation/courts/{code}/roster": Rule(public=True, params=OF_COURT),
    "GET /api/v1/mediation/partners": api("wangjun", ("zhangsan",), method="GET", scoped=True),
    "GET /api/v1/mediation/partners/{pk}": api("wangjun", ("zhangsan", "nasen"), pk="partner",
                                               method="GET"),
    "POST /api/v1/mediation/partners": api(*ROSTER_KEEPER, body={
        "court": "内2502", "name": "锡林浩特市奶食品协会", "kind": "trade_association"}),
    "PATCH /api/v1/mediation/partners/{pk}": api(*ROSTER_KEEPER, pk="partner", method="PATCH",
                                                 body={"phone": "0479-8220000"}),
    "POST /api/v1/mediation/partners/{pk}/agreements": api(*ROSTER_KEEPER, pk="partner", body={
        "title": "补充协议", "signed_on": TODAY, "valid_from": TODAY}),
    "PATCH /api/v1/mediation/agreements/{pk}": api(*ROSTER_KEEPER, pk="agreement",
                                                   method="PATCH", body={"scope": "委派调解"}),
    "GET /api/v1/mediation/stations": api("wangjun", ("zhangsan",), method="GET", scoped=True),
    "POST /api/v1/mediation/stations": api(*ROSTER_KEEPER, body={
        "court": "内2502", "name": "巴彦查干调解室", "kind": "room"}),
    "PATCH /api/v1/mediation/stations/{pk}": api(*ROSTER_KEEPER, pk="station", method="PATCH",
                                                 body={"township": "杭盖街道"}),
    # mediations (M3): as on the pages, and whoever sees one but may not act is refused (403)
    "GET /api/v1/mediation/mediations": api("lixia", ("wangjun",), method="GET", scoped=True),
    "GET /api/v1/mediation/mediations/{code}": api(
        "zhangsan", ("wangjun", "nasen", "hutao"), code="m_waiting", method="GET"),
    "GET /api/v1/mediation/mediations/{code}/recommendations": api(
        "lixia", ("zhangsan", "wangjun", "hutao"), code="m_waiting", method="GET"),
    "POST /api/v1/mediation/applications": api(
        "zhangsan", ("lixia", "wangjun", "hutao"), body={"filing": Obj("draft")}),
    "POST /api/v1/mediation/filings/{code}/refer": api("lixia", ON_FILING, code="filing"),
    "POST /api/v1/mediation/cases/{code}/refer": api(
        "wangjun", ("zhangsan", "lixia", "hutao"), code="case",
        body={"mediator": Obj("hutao_entry"), "consented_parties": [], "override": "x"}),
    "POST /api/v1/mediation/mediations/{code}/appoint": api(
        "lixia", ("zhangsan", "wangjun", "hutao"), code="m_waiting",
        body={"mediator": Obj("hutao_entry"), "override": "本院专职调解员"}),
    "POST /api/v1/mediation/mediations/{code}/accept": api(
        "hutao", ("zhangsan", "lixia", "wangjun"), code="m_appointed"),
    "POST /api/v1/mediation/mediations/{code}/decline": api(
        "hutao", ("zhangsan", "lixia", "wangjun"), code="m_appointed",
        body={"reason": "与当事人系亲属"}),
    "POST /api/v1/mediation/mediations/{code}/answer": api(
        "hutao", ("zhangsan", "wangjun", "nasen"), code="m_on",
        body={"party": Obj("m_party"), "answer": "accepted"}),
    "POST /api/v1/mediation/mediations/{code}/sessions": api(
        "hutao", ("zhangsan", "wangjun", "nasen"), code="m_on", body={
            "starts_at": "2030-03-04T09:00:00+08:00", "ends_at": "2030-03-04T10:00:00+08:00",
            "mode": "elsewhere", "place": "宝力根苏木嘎查村委会"}),
    "POST /api/v1/mediation/mediations/{code}/sessions/{pk}/record": api(
        "hutao", ("zhangsan", "wangjun", "nasen"), code="m_on", pk="m_session",
        body={"attended": [Obj("m_party")], "record": "双方到场陈述"}),
    "POST /api/v1/mediation/mediations/{code}/sessions/{pk}/cancel": api(
        "hutao", ("zhangsan", "wangjun", "nasen"), code="m_on", pk="m_session"),
    "POST /api/v1/mediation/mediations/{code}/extend": api(
        "hutao", ("zhangsan", "wangjun", "nasen"), code="m_on",
        body={"days": 10, "agreed_parties": Obj("m_parties")}),
    "POST /api/v1/mediation/mediations/{code}/end": api(
        "hutao", ("zhangsan", "wangjun", "nasen"), code="m_on",
        body={"outcome": "failed", "reason": "disagreement", "report": "分歧较大"}),
    "POST /api/v1/mediation/mediations/{code}/withdraw": api(
        "zhangsan", ("lixia", "wangjun", "hutao"), code="m_waiting"),
    "GET /api/v1/mediation/figures": api("chenzhi", ("zhangsan", "lixia", "wangjun", "hutao"),
                                         method="GET"),
    # the indicators (issue 13): leaders; without parameters 422 for them, 403 for others
    "GET /api/v1/indicators/compute": api("chenzhi", ("zhangsan", "lixia", "wangjun"),
                                          method="GET"),
    # hearings: the parties read their case's hearings (time, place or link) like its staff
    "GET /api/v1/hearings/cases/{code}": api("wangjun", (), code="case", method="GET"),
    "POST /api/v1/hearings/cases/{code}": api(
        "wangjun", ON_CASE + ("chenzhi",), code="case", body={
            "starts_at": "2030-03-04T09:00:00+08:00", "ends_at": "2030-03-04T10:00:00+08:00",
            "place_kind": "online", "link": "https://meet.example.org/x"}),
    "GET /api/v1/hearings/notices": PUBLIC,
    "GET /api/v1/hearings/rooms/{pk}/week": api("wangjun", ("zhangsan",), method="GET",
                                                pk="courtroom"),
    "GET /api/v1/hearings/judges/{user_id}/week": api("wangjun", ("zhangsan",), method="GET",
                                                      user_id="wangjun_id"),
    "GET /api/v1/hearings/{code}": api("wangjun", ("zhangsan",), code="hearing", method="GET"),
    "POST /api/v1/hearings/{code}/postpone": api(
        "wangjun", ON_CASE + ("chenzhi",), code="hearing", body={
            "reason": "被告申请", "caused_by": "party",
            "starts_at": "2030-03-05T09:00:00+08:00", "ends_at": "2030-03-05T10:00:00+08:00"}),
    "POST /api/v1/hearings/{code}/cancel": api("wangjun", ON_CASE + ("chenzhi",),
                                               code="hearing", body={"reason": "撤诉"}),
    "POST /api/v1/hearings/{code}/held": api("wangjun", ON_CASE + ("chenzhi",),
                                             code="hearing", body={}),
    "POST /api/v1/hearings/{code}/record": api(
        "wangjun", ON_CASE + ("chenzhi",), code="held_hearing",
        body={"multipart": True, "record": PDF_FILE}),
    # group disputes (群体性纠纷): as on the pages
    "POST /api/v1/mediation/groups": api(
        "lixia", ("zhangsan", "wangjun", "hutao"), body={
            "multipart": True, "court": "内2502", "title": "欠薪", "respondent_name": "某公司",
            "respondent_id_number": "91152502MA0N2D4L8U", "workbook": PDF_FILE}),
    "GET /api/v1/mediation/groups/{code}": api(
        "lixia", ("zhangsan", "wangjun", "hutao"), code="group", method="GET"),
    "POST /api/v1/mediation/groups/{code}/appoint": api(
        "lixia", ("zhangsan", "wangjun", "hutao"), code="group",
        body={"mediator": Obj("hutao_entry"), "override": "统一调解"}),
    "POST /api/v1/mediation/groups/{code}/accept": api(
        "lixia", ("zhangsan", "wangjun", "hutao"), code="group", body={}),
    "POST /api/v1/mediation/groups/{code}/sessions": api(
        "lixia", ("zhangsan", "wangjun", "hutao"), code="group", body={
            "starts_at": "2030-03-04T09:00:00+08:00", "ends_at": "2030-03-04T10:00:00+08:00",
            "mode": "elsewhere", "place": "村委会"}),
    "POST /api/v1/mediation/groups/{code}/agreements": api(
        "lixia", ("zhangsan", "wangjun", "hutao"), code="group", body={"template": "wages"}),
    "POST /api/v1/mediation/groups/{code}/signatures": api(
        "lixia", ("zhangsan", "wangjun", "hutao"), code="group",
        body={"multipart": True, "scan": PDF_FILE}),
    "POST /api/v1/mediation/groups/{code}/confirmation": api(
        "lixia", ("zhangsan", "wangjun", "hutao"), code="group", body={}),
    "POST /api/v1/mediation/groups/{code}/end": api(
        "lixia", ("zhangsan", "wangjun", "hutao"), code="group",
        body={"reason": "disagreement", "members": ["X"]}),
    # the agreement and after, on m_on (drafted, unsigned)
    "GET /api/v1/mediation/mediations/{code}/agreement": api(
        "zhangsan", ("wangjun", "nasen"), code="m_on", method="GET"),
    "GET /api/v1/mediation/mediations/{code}/agreement/templates": api(
        "hutao", ("zhangsan", "wangjun", "nasen"), code="m_on", method="GET"),
    "POST /api/v1/mediation/mediations/{code}/agreement": api(
        "hutao", ("zhangsan", "wangjun", "nasen"), code="m_on",
        body={"template": "general", "text": "一、双方和解。"}),
    "POST /api/v1/mediation/mediations/{code}/agreement/sign": api(
        "zhangsan", ("wangjun", "nasen", "hutao"), code="m_on",
        body={"party": Obj("m_applicant"), "version": 1}),
    "POST /api/v1/mediation/mediations/{code}/agreement/paper": api(
        "hutao", ("zhangsan", "wangjun", "nasen"), code="m_on",
        body={"multipart": True, "parties": Obj("m_applicant"), "scan": PDF_FILE}),
    "POST /api/v1/mediation/mediations/{code}/agreement/join": api(
        "zhangsan", ("wangjun", "nasen"), code="m_on"),
    "POST /api/v1/mediation/mediations/{code}/agreement/confirmation": api(
        "zhangsan", ("wangjun", "nasen"), code="m_on"),
    "POST /api/v1/mediation/mediations/{code}/agreement/document": api(
        "zhangsan", ("wangjun", "nasen"), code="m_on"),
    "POST /api/v1/mediation/mediations/{code}/agreement/voluntary": api(
        "zhangsan", ("wangjun", "nasen"), code="m_on"),
    "POST /api/v1/mediation/mediations/{code}/agreement/performance": api(
        "hutao", ("wangjun", "nasen"), code="m_on", body={"performed": True}),
    "POST /api/v1/mediation/mediations/{code}/rating": api(
        "zhangsan", ("wangjun", "nasen"), code="m_on",
        body={"party": Obj("m_applicant"), "stars": 5}),
    "POST /api/v1/mediation/cases/{code}/confirmation": api(
        "wangjun", ("zhangsan", "lixia", "hutao"), code="case", body={"decision": "granted"}),
    "POST /api/v1/mediation/cases/{code}/mediation-document": api(
        "wangjun", ("zhangsan", "lixia", "hutao"), code="case"),
    "GET /api/v1/cases/{code}/bench": api("wangjun", ("zhangsan",), code="case",
                                          method="GET"),
    "POST /api/v1/cases/{code}/bench": api("liuqiang", ("zhangsan", "wangjun", "lixia"),
                                           code="case", body={"sole": True}),
    "POST /api/v1/cases/{code}/bench/{pk}/change": api(
        "liuqiang", ("zhangsan", "wangjun", "lixia"), code="case", pk="seat",
        body={"reason": "调整"}),
    "POST /api/v1/cases/{code}/recusals/{pk}/decision": api(
        "chenzhi", ("zhangsan", "wangjun", "liuqiang", "lixia"), code="case", pk="recusal",
        body={"granted": False, "reasons": "不属于应当回避的情形"}),
    "GET /api/v1/cases/{code}/procedure-requests": api("wangjun", ("zhangsan",), code="case",
                                                       method="GET"),
    "POST /api/v1/cases/{code}/procedure-requests/{pk}/decision": api(
        "liuqiang", ("zhangsan", "wangjun", "lixia"), code="case", pk="procedure_request",
        body={"approve": False, "note": "暂不转换"}),
    "GET /api/v1/cases/{code}/material": api("wangjun", ("zhangsan",), code="case",
                                             method="GET"),
    "POST /api/v1/cases/{code}/material/{pk}/receipt": api(
        "wangjun", ("zhangsan", "lixia"), code="case", pk="material_item"),
    "GET /api/v1/cases/{code}/meetings": api("wangjun", ("zhangsan",), code="case",
                                             method="GET"),
    "POST /api/v1/cases/{code}/meetings/{pk}/answer": api(
        "wangjun", ("zhangsan", "lixia"), code="case", pk="meeting",
        body={"decline": True, "answer": "请书面提交"}),
    "POST /api/v1/party-cases/{code}/material": api(
        "zhangsan", ("wangjun", "lixia"), code="case",
        body={"multipart": True, "party": Obj("case_plaintiff"), "kind": "evidence",
              "title": "借条", "files": PDF_FILE}),
    "POST /api/v1/party-cases/{code}/meetings": api(
        "zhangsan", ("wangjun", "lixia"), code="case", body={"topic": "询问进度"}),
    "POST /api/v1/party-cases/{code}/recusals": api(
        "zhangsan", ("wangjun", "lixia"), code="case",
        body={"member": Obj("seat"), "grounds": "有利害关系"}),
    "GET /api/v1/party-cases": api("zhangsan", ("wangjun",), method="GET", scoped=True),
    "GET /api/v1/party-cases/{code}": api("zhangsan", ("wangjun", "lixia"), code="case",
                                          method="GET"),
    "GET /api/v1/service/cases/{code}/parties/{party}/address": api(
        "wangjun", ("zhangsan",), code="case", party="defendant_party", method="GET"),
    "POST /api/v1/service/cases/{code}/parties/{party}/address": api(
        "wangjun", ("zhangsan", "lixia"), code="case", party="defendant_party",
        body={"multipart": True, "form_file": PDF_FILE, "postal_address": "北京市"}),
    "GET /api/v1/service/cases/{code}/parties/{party}/address/pdf": api(
        "wangjun", ("zhangsan",), code="case", party="defendant_party", method="GET"),
    "GET /api/v1/documents/courts/{code}": api(*TEMPLATE_EDITOR, code="court", method="GET"),
    "GET /api/v1/documents/courts/{code}/{kind}": api(*TEMPLATE_EDITOR, code="court",
                                                      kind="summons", method="GET"),
    "PUT /api/v1/documents/courts/{code}/{kind}": api(
        *TEMPLATE_EDITOR, code="court", kind="summons", method="PUT",
        body={"title": "传票", "body": "{{ 案号 }}"}),
    "POST /api/v1/documents/courts/{code}/{kind}/preview": api(
        *TEMPLATE_EDITOR, code="court", kind="summons", body={"title": "传票", "body": "x"}),
    "GET /api/v1/documents/cases/{code}": api("wangjun", ("zhangsan", "lixia", "chenzhi"),
                                              code="case", method="GET"),
    "POST /api/v1/documents/cases/{code}": api(
        "wangjun", ("zhangsan", "lixia", "chenzhi"), code="case",
        body={"kind": "response_notice", "party": Obj("defendant_party")}),
    "GET /api/v1/documents/cases/{code}/issued/{pk}": api(
        "wangjun", ("zhangsan", "lixia", "chenzhi"), code="case", pk="issued_doc",
        method="GET"),
    "GET /api/v1/service/cases/{code}/services": api("wangjun", ("zhangsan",), code="case",
                                                     method="GET"),
    "POST /api/v1/service/cases/{code}/services": api(
        "wangjun", ("zhangsan", "lixia"), code="case", body={
            "party": Obj("defendant_party"), "document_name": "response-notice",
            "title": "应诉通知书", "channels": ["postal"], "tracking_number": "E1",
            "posted_on": TODAY, "idempotency_key": "m"}),
    "GET /api/v1/service/services/{code}": api("wangjun", ("zhangsan",), code="s_other",
                                               method="GET"),
    "POST /api/v1/service/services/{code}/postal-receipt": api(
        "wangjun", ("zhangsan", "lixia"), code="s_other",
        body={"attempt": Obj("s_attempt"), "receipt_on": TODAY}),
    "POST /api/v1/service/services/{code}/direct": api(
        "wangjun", ("zhangsan", "lixia"), code="s_other",
        body={"signed_on": TODAY, "recipient": "李四", "idempotency_key": "m"}),
    "POST /api/v1/service/services/{code}/retained": api(
        "wangjun", ("zhangsan", "lixia"), code="s_other",
        body={"multipart": True, "photo": PDF_FILE, "left_on": TODAY, "witness": "王主任",
              "reason": "拒收", "idempotency_key": "m"}),
    "POST /api/v1/service/services/{code}/public-notice": api(
        "wangjun", ("zhangsan", "lixia"), code="s_other",
        body={"published_on": TODAY, "where": "公告栏", "idempotency_key": "m"}),
    "GET /api/v1/service/services/{code}/certificate": api(
        "wangjun", ("zhangsan",), code="s_other", method="GET"),
    "POST /api/v1/service/services/{code}/read": api("zhangsan", ("wangjun", "lixia"),
                                                     code="s_own"),
    "GET /api/v1/service/served": api("zhangsan", ("wangjun",), method="GET", scoped=True),
    "GET /api/v1/service/queue": api("wangjun", ("zhangsan",), method="GET", scoped=True),
    "GET /api/v1/appeals/cases/{code}": api("zhangsan", code="closed_case", method="GET"),
    "POST /api/v1/appeals/cases/{code}/appeals": api(
        "zhangsan", ("lixia", "wangjun"), code="closed_case",
        body={"party": Obj("closed_plaintiff"), "grounds": "理由", "requests": "请求"}),
    "POST /api/v1/appeals/cases/{code}/window-appeals": api(
        "lixia", ("zhangsan", "wangjun"), code="closed_case",
        body={"multipart": True, "party": Obj("closed_plaintiff"), "grounds": "理由",
              "requests": "请求", "petition": PDF_FILE}),
    "POST /api/v1/appeals/appeals/{code}/fee": api(
        "lixia", ("zhangsan", "wangjun"), code="appeal", body={"paid_on": TODAY,
                                                               "receipt": "R1"}),
    "POST /api/v1/appeals/cases/{code}/transfer": api("lixia", ("zhangsan", "chenzhi"),
                                                      code="closed_case"),
    "GET /api/v1/appeals/incoming": api("gaoyuan", ("zhangsan",), method="GET", scoped=True),
    "POST /api/v1/appeals/incoming/{code}/second-instance": api(
        "gaoyuan", ("zhangsan", "lixia"), code="closed_case"),
    "POST /api/v1/appeals/cases/{code}/outcome": api(
        "wangjun", ("zhangsan", "lixia"), code="case",
        body={"multipart": True, "outcome": "upheld", "decided_on": TODAY,
              "document": PDF_FILE}),
    "POST /api/v1/appeals/cases/{code}/mediation-close": api(
        "wangjun", ("zhangsan", "lixia"), code="case",
        body={"document": Obj("case_document_id")}),
    "POST /api/v1/appeals/cases/{code}/retrials": api(
        "zhangsan", ("lixia", "wangjun"), code="closed_case",
        body={"party": Obj("closed_plaintiff"), "grounds": "新证据"}),
    "POST /api/v1/appeals/retrials/{code}/review-case": api(
        "gaoyuan", ("zhangsan", "lixia"), code="retrial"),
    "POST /api/v1/appeals/cases/{code}/retrial-outcome": api(
        "wangjun", ("zhangsan", "lixia"), code="case",
        body={"multipart": True, "outcome": "dismissed", "decided_on": TODAY,
              "document": PDF_FILE}),
    "GET /api/v1/supervision/orders": api("liuqiang", ("zhangsan",), method="GET", scoped=True),
    "POST /api/v1/supervision/orders": api("liuqiang", ("zhangsan", "lixia", "wangjun"), body={
        "reason": "overdue", "reply_due_on": TODAY, "cases": [Obj("case")]}),
    "GET /api/v1/supervision/orders/{code}": api("liuqiang", ("zhangsan", "lixia"),
                                                 code="order", method="GET"),
    "POST /api/v1/supervision/orders/{code}/cases/{case}/reply": api(
        "wangjun", ("zhangsan", "lixia", "liuqiang", "chenzhi"), code="order", case="case",
        body={"text": "已答复"}),
    "POST /api/v1/supervision/orders/{code}/cases/{case}/reply/file": api(
        "wangjun", ("zhangsan", "lixia", "liuqiang", "chenzhi"), code="order", case="case",
        body={"multipart": True, "text": "已答复", "attachment": PDF_FILE}),
    "GET /api/v1/supervision/orders/{code}/cases/{case}/attachment": api(
        "liuqiang", ("zhangsan", "lixia"), code="replied_order", case="closed_case",
        method="GET"),
    "POST /api/v1/supervision/orders/{code}/cases/{case}/close": api(
        "liuqiang", ("zhangsan", "lixia", "wangjun"), code="order", case="case",
        body={"note": "完毕"}),
    "POST /api/v1/supervision/orders/{code}/close": api(
        "liuqiang", ("zhangsan", "lixia", "wangjun"), code="order", body={"note": "完毕"}),
    "GET /api/v1/procedures/cases/{code}": api("wangjun", ("lilawyer",), code="po_case",
                                               method="GET"),
    **{f"POST /api/v1/procedures/cases/{{code}}/{path}": api(
        "wangjun", ("zhangsan", "lixia", "po_debtor"), code="po_case", body=body)
       for path, body in (("payment-order/issue", None), ("payment-order/terminate", None),
                          ("payment-order/effective", None),
                          ("payment-order/dismiss", {"reasons": "存在其他债务纠纷"}),
                          ("special/notice", {"published_on": TODAY, "where": "人民法院报"}))},
    "POST /api/v1/procedures/cases/{code}/payment-order/objection": api(
        "po_debtor", ("zhangsan", "lixia", "wangjun"), code="po_case",
        body={"party_id": Obj("po_debtor_party"), "text": "借款已还清"}),
    "POST /api/v1/procedures/cases/{code}/payment-order/answer": api(
        "zhangsan", ("po_debtor",), code="po_case", body={"want_suit": True}),
    "POST /api/v1/procedures/cases/{code}/payment-order/suit": api(
        "lixia", ("zhangsan", "po_debtor"), code="po_case"),
}
# Each newer app keeps its part of the matrix in its own module (its PAGES, API and world).
PARTS = (matrix_enforcement, matrix_funds, matrix_petitions)
for _part in PARTS:
    assert not set(_part.PAGES) & set(PAGES) and not set(_part.API) & set(API)
    PAGES.update(_part.PAGES)
    API.update(_part.API)

NOT_ENDPOINTS = {"openapi-json", "openapi-view", "api-root"}  # the API's own schema pages


def page_patterns():
    """(qualified URL name, route) of every page, from the URL resolver."""

    def walk(patterns, namespace, prefix):
        for p in patterns:
            if isinstance(p, URLResolver):
                inner = f"{namespace}{p.namespace}:" if p.namespace else namespace
                yield from walk(p.url_patterns, inner, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                yield f"{namespace}{p.name}", prefix + str(p.pattern)

    for name, route in walk(get_resolver().url_patterns, "", ""):
        if route.startswith(("admin/", "api/", "static/", "media/")):
            continue
        yield name, route


def api_operations():
    from tianping.api.api import api

    for path, operations in api.get_openapi_schema()["paths"].items():
        for method in operations:
            yield f"{method.upper()} {path}"


def test_every_endpoint_is_in_the_matrix():
    pages = {name for name, _route in page_patterns()} - NOT_ENDPOINTS
    operations = set(api_operations())

    assert sorted(pages - set(PAGES)) == []  # pages missing from the matrix
    assert sorted(operations - set(API)) == []  # API operations missing from the matrix
    assert sorted(set(PAGES) - pages) == [] and sorted(set(API) - operations) == []


# The world: objects of court 内2502, and the personas.


@pytest.fixture
def world(demo):
    from tianping.cases.actions import assign_by_hand, attach_case_documents
    from tianping.deadlines.actions import request_extension
    from tianping.filings import actions
    from tianping.filings.choices import Channel
    from tianping.flows.filing import accept_filing

    people = dict(demo)
    people["outsider"] = get_user_model().objects.create_user(
        "wangwu", password=DEMO_PASSWORD, kind="litigant", full_name="王五"
    )
    court, filer = Court.objects.get(code="内2502"), people["zhangsan"]

    def handed_in():
        filing = actions.start_filing(actor=filer, court=court, channel=Channel.ONLINE,
                                      filer=filer)
        actions.save_draft(filing, actor=filer, claims="归还货款", facts="买卖合同",
                           amount=Decimal("90000"))
        actions.set_parties(filing, PARTIES, actor=filer)
        upload = SimpleUploadedFile("起诉状.pdf", PDF, content_type="application/pdf")
        actions.attach_file(filing, upload, actor=filer, kind="complaint")
        return filing

    filing = actions.submit_filing(handed_in(), actor=filer)
    accepted = actions.submit_filing(handed_in(), actor=filer)
    case = accept_filing(accepted, actor=people["lixia"])
    case = assign_by_hand(case, actor=people["liuqiang"], judge=people["wangjun"],
                          reason="专业对口")
    [document] = attach_case_documents(
        case, [SimpleUploadedFile("判决书.pdf", PDF, content_type="application/pdf")],
        actor=people["wangjun"],
    )
    from tianping.cases.actions_panel import compose_bench, request_recusal

    [seat] = compose_bench(case, actor=people["liuqiang"], sole=True)
    recusal = request_recusal(case, seat, actor=filer, grounds="审判员与被告有利害关系")
    from tianping.cases.actions_party import ask_meeting, submit_material

    material_item = submit_material(
        case, actor=filer, party=case.parties.get(role="plaintiff"), kind="evidence",
        title="借条", files=[SimpleUploadedFile("借条.pdf", PDF, content_type="application/pdf")])
    meeting = ask_meeting(case, actor=filer, topic="询问鉴定进度")
    from tianping.flows.cases import change_procedure

    if case.procedure == "ordinary":
        case = change_procedure(case, actor=people["wangjun"], procedure="summary",
                                reason="简单")
    conversion = change_procedure(case, actor=people["wangjun"], procedure="ordinary",
                                  reason="案情复杂")
    request = request_extension(case, actor=people["wangjun"], reason="案情复杂",
                                today=timezone.localdate())
    from tianping.cases.actions import close_case, start_trial

    closed = accept_filing(actions.submit_filing(handed_in(), actor=filer), actor=people["lixia"])
    closed = assign_by_hand(closed, actor=people["liuqiang"], judge=people["wangjun"],
                            reason="专业对口")
    closed = start_trial(closed, actor=people["wangjun"])
    closed = close_case(closed, actor=people["wangjun"], mode="judgment",
                        closed_on=timezone.localdate(), documents=[
                            SimpleUploadedFile("判决书.pdf", PDF, content_type="application/pdf")])
    from tianping.payments.actions import apply_for_relief
    from tianping.payments.models import FeeDue

    relief = apply_for_relief(
        FeeDue.objects.get(case=closed), actor=people["lixia"], ground="legal_aid",
        statement="正在接受法律援助", applicant=closed.parties.get(role="plaintiff"),
        proof=SimpleUploadedFile("法律援助决定书.pdf", PDF, content_type="application/pdf"),
    )
    draft = handed_in()
    reasons = "原告与本案没有直接利害关系，不符合起诉条件。"
    proposed = actions.submit_filing(handed_in(), actor=filer)
    actions.propose_refusal(proposed, actor=people["lixia"], basis="cpl_122", reasons=reasons)
    refused = actions.submit_filing(handed_in(), actor=filer)
    proposal = actions.propose_refusal(refused, actor=people["lixia"], basis="cpl_122",
                                       reasons=reasons)
    actions.decide_refusal(proposal, actor=people["wangjun"], refuse=True)
    taken_in = actions.receive_for_other_court(
        actor=people["lixia"], assisting_court=court, court=Court.objects.get(code="内2501"),
        claims="归还借款", facts="借款未还",
    )
    from tianping.courts.models import Backup

    backup = Backup.objects.create(principal=people["wangjun"], backup=people["sunli"],
                                   away_from=timezone.localdate(),
                                   away_until=timezone.localdate())
    from tianping.accounts.registration import register
    from tianping.courts.models import CalendarDay, Membership

    applicant = register(
        full_name="巴图孟和", phone="13912345678", email="", id_type="resident_id",
        id_number="110105199001011232", password=DEMO_PASSWORD,
        lawyer={"licence_number": "11501201910123456", "law_firm": "草原律师事务所",
                "court": court},
    )
    calendar_day = CalendarDay.objects.create(court=court, day=timezone.localdate(),
                                              is_rest_day=True, name="那达慕")
    objects = {
        "filing": filing.code, "draft": draft.code, "accepted": accepted.code,
        "taken_in": taken_in.code, "proposed": proposed.code, "refused": refused.code,
        "case": case.code, "closed_case": closed.code, "court": "内2502",
        "request": str(request.pk), "relief": relief.code,
        "seat": str(seat.pk), "recusal": str(recusal.pk),
        "procedure_request": str(conversion.pk),
        "material_item": str(material_item.pk),
        "material_file": str(material_item.files.get().pk), "meeting": str(meeting.pk),
        "case_plaintiff": str(case.parties.get(role="plaintiff").pk),
        "backup": str(backup.pk), "wangjun_id": str(people["wangjun"].pk),
        "wangjun_membership": str(Membership.objects.get(user=people["wangjun"], court=court).pk),
        "courtroom": str(court.courtrooms.first().pk), "calendar_day": str(calendar_day.pk),
        "lawyer_application": str(applicant.lawyer_application.pk),
        "zhangsan_message": str(people["zhangsan"].notifications.first().pk),
        "draft_file": draft.attachments.first().file.name.rsplit("/", 1)[-1],
        "filing_file": str(filing.attachments.first().pk),
        "filing_party": str(filing.parties.first().pk),
        "case_document": document.file.name.rsplit("/", 1)[-1],
        "case_filing_file": accepted.attachments.first().file.name.rsplit("/", 1)[-1],
    }
    from tianping.mediation.models import Mediator, Partner, PartnerCoordinator

    justice = Partner.objects.get(court=court, kind="justice_bureau")  # the demo's (mediation)
    objects.update(
        partner=str(justice.pk), agreement=str(justice.agreements.first().pk),
        mediator=str(Mediator.objects.get(court=court, name="巴特尔").pk),
        station=str(court.mediation_stations.first().pk),
        coordinator=str(PartnerCoordinator.objects.get(user=people["nasen"]).pk),
    )
    from tianping.flows.mediation import apply_for_mediation
    from tianping.mediation import actions_mediations

    hutao = Mediator.objects.get(user=people["hutao"])
    today = timezone.localdate()
    waiting, appointed, on = (apply_for_mediation(handed_in(), actor=filer, today=today)
                              for _ in range(3))
    appointed, on = (actions_mediations.appoint(m, hutao, actor=people["lixia"], today=today,
                                                override="x") for m in (appointed, on))
    on = actions_mediations.accept(on, actor=people["hutao"], today=today)
    start = timezone.now() + timezone.timedelta(days=1)
    session = actions_mediations.schedule_session(
        on, actor=people["hutao"], starts_at=start, ends_at=start + timezone.timedelta(hours=1),
        mode="online", link="https://meet.example.org/tianping")
    parties = list(on.filing.parties.order_by("pk"))
    from tianping.flows.mediation_outcomes import draft as draft_agreement

    draft_agreement(on, actor=people["hutao"], template="general", text="一、双方和解。")
    objects.update(
        m_waiting=waiting.code, m_appointed=appointed.code, m_on=on.code,
        m_session=str(session.pk), hutao_entry=hutao.pk,
        m_party=parties[-1].pk, m_parties=[p.pk for p in parties],  # the defendant; all
        m_applicant=parties[0].pk,
    )
    from tianping.flows.mediation_groups import import_group
    from tianping.mediation.groups import Applicant

    group = import_group(
        actor=people["lixia"], court=court, title="恒达建筑欠薪", today=today,
        respondent={"name": "恒达建筑工程有限公司", "kind": "legal",
                    "id_number": "91152502MA0N2D4L8U", "address": "锡林浩特市"},
        applicants=[Applicant(2, "王五", "152502198503120022", "13900000001", "锡林浩特市",
                              Decimal("8000"))])
    objects["group"] = group.code
    from tianping.hearings import actions as hearings

    def hearing_on(days):  # a hearing of the case (not public), after its defence period
        start = timezone.make_aware(timezone.datetime.combine(
            today + timezone.timedelta(days=days), timezone.datetime.min.time())
        ) + timezone.timedelta(hours=9)
        return hearings.schedule(case, actor=people["wangjun"], starts_at=start,
                                 ends_at=start + timezone.timedelta(hours=1),
                                 place_kind="courtroom", courtroom=court.courtrooms.first(),
                                 is_public=False)

    hearing, held = hearing_on(30), hearing_on(31)
    type(held).objects.filter(pk=held.pk).update(  # held an hour ago, with its record
        starts_at=timezone.now() - timezone.timedelta(hours=2),
        ends_at=timezone.now() - timezone.timedelta(hours=1))
    held.refresh_from_db()
    hearings.record_held(held, actor=people["wangjun"], record=SimpleUploadedFile(
        "笔录.pdf", PDF, content_type="application/pdf"))
    objects.update(hearing=hearing.code, held_hearing=held.code)
    # what must not show to anyone outside: codes and numbers of the world's filings, cases
    # and mediations
    objects["secrets"] = [filing.code, draft.code, accepted.code, case.code, case.number,
                          closed.code, closed.number, taken_in.code, proposed.code,
                          refused.code] + [m.code for m in (waiting, appointed, on)] + [
                          m.number for m in (waiting, appointed, on)] + [group.code]
    from tianping.service import actions as service_actions

    plaintiff, defendant = case.parties.get(role="plaintiff"), case.parties.get(role="defendant")
    plaintiff.user = filer
    plaintiff.save()
    service_actions.confirm_address(case, plaintiff, actor=filer, recorded_how="online",
                                    consent=True, channels=["platform"])
    s_own = service_actions.serve(case, party=plaintiff, channels=["platform"], key="w",
                                  document=document, actor=people["wangjun"])
    s_other = service_actions.serve(case, party=defendant, channels=["postal"], key="w",
                                    document=document, actor=people["wangjun"],
                                    tracking_number="EMS1", posted_on=timezone.localdate())
    objects.update(plaintiff_party=str(plaintiff.pk), defendant_party=str(defendant.pk),
                   s_own=s_own.code, s_other=s_other.code,
                   s_attempt=str(s_other.attempts.get().pk))
    objects["secrets"] += [s_own.code, s_other.code]
    from django.core.files.base import ContentFile

    from tianping.cases.models import CaseDocument
    from tianping.documents.models import IssuedDocument
    from tianping.documents.queries import default_template

    summons = default_template("summons")  # an issued document, without laying out a PDF
    paper = CaseDocument(case=case, title="传票（李四）", content_type="application/pdf",
                         size=len(PDF), sha256="0" * 64, uploaded_by=people["wangjun"],
                         is_public=False)
    paper.file.save("summons.pdf", ContentFile(PDF), save=False)
    paper.save()
    issued = IssuedDocument.objects.create(case=case, document=paper, template=summons,
                                           kind="summons", party=defendant, addressee="李四",
                                           issued_by=people["wangjun"])
    objects.update(doc_template=str(summons.pk), issued_doc=str(issued.pk))
    from tianping.supervision import actions as supervision

    order, replied = (supervision.issue([c], actor=people["liuqiang"], reason="overdue",
                                        reply_due_on=today, today=today)
                      for c in (case, closed))
    supervision.reply(replied.items.get(), actor=people["wangjun"], text="已说明",
                      attachment=SimpleUploadedFile("说明.pdf", PDF,
                                                    content_type="application/pdf"))
    objects.update(order=order.code, replied_order=replied.code)
    objects["secrets"] += [order.code, replied.code]
    # a payment order (民督) of 张三's, issued, against 钱七 who has an account
    po_filing = actions.start_filing(actor=filer, court=court, channel=Channel.ONLINE,
                                     filer=filer, kind="payment_order")
    actions.save_draft(po_filing, actor=filer, claims="发出支付令", facts="借款到期未还",
                       amount=Decimal("5000"))
    actions.set_parties(po_filing, [
        {**PARTIES[0], "role": "applicant"},
        {**PARTIES[1], "role": "respondent", "name": "钱七"}], actor=filer)
    po_case = accept_filing(actions.submit_filing(po_filing, actor=filer),
                            actor=people["lixia"])
    people["po_debtor"] = get_user_model().objects.create_user(
        "qianqi", password=DEMO_PASSWORD, kind="litigant", full_name="钱七")
    po_debtor = po_case.parties.get(role="respondent")
    po_debtor.user = people["po_debtor"]
    po_debtor.save()
    objects.update(po_case=po_case.code, po_debtor_party=po_debtor.pk)
    objects["secrets"] += [po_case.code, po_case.number]
    # appeals: 张三 (plaintiff of closed_case, served its judgment) appealed; 高原 is the
    # intermediate court's filing clerk; a retrial application waits at 内25
    from tianping.appeals import actions as appeal_actions
    from tianping.appeals.models import RetrialApplication
    from tianping.appeals.tests.helpers import appeal_court_staff, serve_by_post

    people["gaoyuan"] = appeal_court_staff()["gaoyuan"]
    closed_plaintiff = closed.parties.get(role="plaintiff")
    serve_by_post(closed, closed_plaintiff, closed.documents.get(), timezone.localdate(),
                  actor=people["wangjun"])
    appeal = appeal_actions.file_appeal(closed, actor=filer, party=closed_plaintiff,
                                        grounds="事实错误", requests="改判", channel="online")
    retrial = RetrialApplication.objects.create(
        case=closed, applicant=closed_plaintiff, grounds="新证据", filed_by=filer,
        effective_on=timezone.localdate(), filed_on=timezone.localdate(),
        court=Court.objects.get(code="内25"))
    objects.update(appeal=appeal.code, retrial=retrial.code,
                   closed_plaintiff=closed_plaintiff.pk, case_document_id=document.pk)
    objects["secrets"] += [appeal.code, retrial.code]
    for part in PARTS:
        part.world(people, objects)
    return people, objects


def url_for(route: str, params: dict, objects: dict) -> str:
    """The route with each parameter filled from the world (or taken as it is)."""

    def fill(match):
        name = match.group("name")
        value = params.get(name, name)
        return objects.get(value, value)

    route = re.sub(r"<(?:\w+:)?(?P<name>\w+)>", fill, route)
    route = re.sub(r"\{(?P<name>\w+)\}", fill, route)
    return route if route.startswith("/") else "/" + route


def call(client, method: str, url: str, body=None):
    if method == "GET":
        return client.get(url)
    if method == "DELETE":
        return client.delete(url)
    if isinstance(body, dict) and body.get("multipart"):
        data = {k: SimpleUploadedFile("材料.pdf", PDF, content_type="application/pdf")
                if v == PDF_FILE else v for k, v in body.items() if k != "multipart"}
        return client.post(url, data)
    if url.startswith("/api/"):
        payload = json.dumps(body if body is not None else {}, ensure_ascii=False)
        return getattr(client, method.lower())(url, payload, content_type="application/json")
    return client.post(url, body or {})


def as_persona(client, people, name):
    client.logout()
    if name != "anonymous":
        client.force_login(people[name])
    return client


def refused(response, url: str) -> bool:
    if response.status_code in (401, 403, 404):
        return True
    location = response.headers.get("Location", "")
    return response.status_code == 302 and "/accounts/login/" in location


def body_of(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


ROUTES = dict(page_patterns())


def cases():
    for name, rule in PAGES.items():
        yield pytest.param(name, ROUTES.get(name, ""), rule, id=name)
    for key, rule in API.items():
        method, path = key.split(" ", 1)
        yield pytest.param(key, path, Rule(rule.allowed, rule.refused, (method,), rule.public,
                                           rule.params, rule.scoped, rule.body), id=key)


@pytest.mark.parametrize(("name", "route", "rule"), list(cases()))
def test_each_persona_reaches_only_what_the_matrix_allows(client, world, name, route, rule):
    people, objects = world
    url = url_for(route, rule.params, objects)
    body = filled(rule.body, objects)
    for method in rule.methods:
        if rule.public:
            response = call(as_persona(client, people, "anonymous"), method, url, body)
            assert response.status_code < 500, f"{method} {url}: {response.status_code}"
            continue
        for persona in ALWAYS_REFUSED + rule.refused:
            if persona == rule.allowed:
                continue
            response = call(as_persona(client, people, persona), method, url, body)
            if rule.scoped and persona != "anonymous" and not refused(response, url):
                shown = [s for s in objects["secrets"] if s in body_of(response)]
                assert response.status_code < 500 and shown == [], (
                    f"{persona} saw {shown} at {method} {url}: {response.status_code}"
                )
                continue
            assert refused(response, url), (
                f"{persona} was not refused {method} {url}: {response.status_code}"
            )
        if rule.allowed:
            response = call(as_persona(client, people, rule.allowed), method, url, body)
            assert response.status_code in (200, 201, 204, 302, 400, 409, 422), (
                f"{rule.allowed} could not {method} {url}: {response.status_code}"
            )


# The Django admin: the platform's superusers only. Every page of every model registered
# there (from the admin site's own registry, so a new model is covered) refuses everyone
# else, the court's administrator (admin, 内2502) included; the superuser gets through.
ADMIN_REFUSED = ALWAYS_REFUSED + ("zhangsan", "wangjun", "lixia", "chenzhi", "bayar", "admin")


def admin_urls(superuser):
    from django.contrib import admin
    from django.test import RequestFactory
    from django.urls import reverse

    request = RequestFactory().get("/admin/")
    request.user = superuser
    yield reverse("admin:index")
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        yield reverse("admin:app_list", args=(opts.app_label,))
        yield reverse(f"{prefix}_changelist")
        if model_admin.has_add_permission(request):
            yield reverse(f"{prefix}_add")
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            yield reverse(f"{prefix}_change", args=(obj.pk,))
            yield reverse(f"{prefix}_history", args=(obj.pk,))
            if model_admin.has_delete_permission(request, obj):
                yield reverse(f"{prefix}_delete", args=(obj.pk,))
    sarula = get_user_model().objects.get(username="sarula")
    yield reverse("admin:auth_user_password_change", args=(sarula.pk,))


def admin_refused(response) -> bool:
    location = response.headers.get("Location", "")
    to_sign_in = "/admin/login/" in location or "/accounts/login/" in location
    return response.status_code in (403, 404) or (response.status_code == 302 and to_sign_in)


def test_the_django_admin_is_for_superusers_only(client, world):
    people, _objects = world
    urls = sorted(set(admin_urls(people["platform"])))
    assert len(urls) > 20
    for url in urls:
        for persona in ADMIN_REFUSED:
            response = as_persona(client, people, persona).get(url)
            assert admin_refused(response), f"{persona} reached {url}: {response.status_code}"
        response = as_persona(client, people, "platform").get(url)
        assert response.status_code == 200, f"the superuser could not open {url}"


def test_the_admin_sign_in_page_refuses_a_signed_in_court_administrator(client, world):
    people, _objects = world
    as_persona(client, people, "admin")
    assert client.get("/admin/login/").status_code == 403
    assert client.get("/admin/").status_code == 302
