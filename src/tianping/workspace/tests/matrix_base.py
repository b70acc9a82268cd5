"""The access matrix's vocabulary (rules, body objects, common rules), shared by the
matrix and each app's part of it (`matrix_<app>.py`: its PAGES, API and `world`)."""

from dataclasses import dataclass, field

from django.utils import timezone

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PARTIES = [
    {"role": "plaintiff", "kind": "natural", "name": "张三", "doc_type": "resident_id",
     "id_number": "152502198503120022", "phone": "13900000000", "address": "锡林浩特市"},
    {"role": "defendant", "kind": "natural", "name": "李四", "doc_type": "resident_id",
     "id_number": "110105199001011232", "address": "北京市"},
]
ALWAYS_REFUSED = ("anonymous", "outsider", "sarula")  # no sign-in; no case; another court


@dataclass(frozen=True)
class Rule:
    """Who gets through (`allowed`), who must be refused besides ALWAYS_REFUSED, and with
    which method. `public` endpoints are open to all and only checked not to fail."""

    allowed: str = ""
    refused: tuple[str, ...] = ()
    methods: tuple[str, ...] = ("GET",)
    public: bool = False
    params: dict = field(default_factory=dict)
    scoped: bool = False  # a list or a start page: others may open it, but see none of ours
    body: object = None  # what a request carries, so that it reaches the permission check


@dataclass(frozen=True)
class Obj:
    """In a request's body: the world's object of this name (see `world`)."""

    name: str


def filled(body, objects):
    """BODY with each `Obj` replaced by the world's object of that name."""
    if isinstance(body, Obj):
        return objects[body.name]
    if isinstance(body, dict):
        return {k: filled(v, objects) for k, v in body.items()}
    if isinstance(body, list):
        return [filled(v, objects) for v in body]
    return body


PUBLIC = Rule(public=True)
FILER = Rule("zhangsan", ("lixia", "wangjun"))
FILER_POST = Rule("zhangsan", ("lixia", "wangjun"), ("POST",))
CLERK = Rule("lixia", ("zhangsan", "wangjun"))
CLERK_POST = Rule("lixia", ("zhangsan", "wangjun"), ("POST",))
JUDGE = Rule("wangjun", ("zhangsan", "lixia"))
JUDGE_POST = Rule("wangjun", ("zhangsan", "lixia"), ("POST",))
STAFF = Rule("wangjun", ("zhangsan",))
LEADER_POST = Rule("liuqiang", ("zhangsan", "lixia"), ("POST",))
PARTY = Rule("zhangsan", ("lixia", "wangjun"))
SIGNED_IN = Rule("zhangsan", ())  # any signed-in user, about themself only
STAFF_ONLY = Rule("wangjun", ("zhangsan",))
LEADERS = Rule("chenzhi", ("zhangsan", "lixia"))
OF_COURT = {"code": "court"}
COURT_ADMIN_WHO = ("admin", ("zhangsan", "wangjun", "lixia", "chenzhi", "bayar"))
COURT_ADMIN = Rule(*COURT_ADMIN_WHO, params=OF_COURT)
ROSTER_KEEPER = ("admin", ("zhangsan", "wangjun", "lixia", "bayar", "nasen", "hutao"))
TEMPLATE_EDITOR = ("admin", ("zhangsan", "wangjun", "lixia", "lilawyer"))

TODAY = timezone.localdate().isoformat()
ON = {"on": TODAY, "note": "核对"}
PARTY_ROWS = [dict(row) for row in PARTIES]
HANDED_IN = {"claims": "归还货款", "facts": "买卖合同", "parties": PARTY_ROWS, "court": "内2502"}
PDF_FILE = "pdf"  # a body value replaced by a fresh PDF upload


def api(allowed, refused=(), *, code=None, body=None, method="POST", scoped=False, **params):
    if code:
        params["code"] = code
    return Rule(allowed, refused, (method,), params=params, body=body, scoped=scoped)


