"""The shapes of the service API (each schema named once across the project)."""

import datetime
from typing import Literal

from ninja import Field, Schema

from tianping.lib.api_pages import PageIn
from tianping.lib.text import ApiList, ApiText

Key = ApiText(100)
KEY = Field(..., min_length=1,
            description="Idempotency key: a retry with the same key is the same request "
                        "(nothing is sent or counted twice).")


class ServiceAddressIn(Schema):
    postal_address: ApiText(300) = Field("")
    postal_code: ApiText(10) = Field("")
    recipient: ApiText(100) = Field("")
    phone: ApiText(30) = Field("", description="Mobile telephone for SMS.")
    email: ApiText(254) = Field("")
    abroad: bool = Field(False, description="Domiciled outside the mainland of China.")
    consent: bool = Field(False, description="Consents to electronic service.")
    channels: ApiList(str, 3) = Field(default_factory=list,
                                      description="Of platform, sms, email.")
    consented_on: datetime.date | None = None


class ServiceAddressOut(Schema):
    party: int
    party_name: str
    version: int | None = Field(description="None: no confirmation recorded yet.")
    postal_address: str = ""
    postal_code: str = ""
    recipient: str = ""
    phone: str = ""
    email: str = ""
    account: str = Field("", description="Username of the platform account.")
    abroad: bool = False
    consent: bool = False
    channels: list[str] = []
    consented_on: datetime.date | None = None
    recorded_how: str = Field("", description="form (signed form uploaded) or online.")
    recorded_at: datetime.datetime | None = None


class ServeIn(Schema):
    party: int = Field(..., ge=1, le=2**62)
    document: ApiText(100) = Field("",
                          description="Reference of a case document (its file's last part).")
    document_name: ApiText(60) = Field("",
                               description="Or a generated document's name, e.g. "
                                           "response-notice.")
    title: ApiText(200) = Field("", description="Title of a generated document.")
    channels: ApiList(str, 4) = Field(..., min_length=1,
                                      description="Of platform, sms, email, postal.")
    tracking_number: ApiText(40) = Field("", description="Court post (法院专递).")
    posted_on: datetime.date | None = None
    idempotency_key: Key = KEY


class PostalReceiptIn(Schema):
    attempt: int = Field(..., ge=1, le=2**62)
    receipt_on: datetime.date = Field(description="The date on the returned receipt.")


class DirectServiceIn(Schema):
    signed_on: datetime.date
    recipient: ApiText(100) = Field(..., min_length=1)
    idempotency_key: Key = KEY


class PublicNoticeIn(Schema):
    published_on: datetime.date = Field(description="The last posting or publication.")
    where: ApiText(200) = Field(..., min_length=1)
    abroad: bool | None = Field(None, description="None: from the party's address "
                                                  "confirmation.")
    idempotency_key: Key = KEY


class AttemptOut(Schema):
    id: int
    channel: str
    status: str
    address: str
    sent_at: datetime.datetime
    effective_at: datetime.datetime | None
    effective_on: datetime.date | None
    tracking_number: str
    posted_on: datetime.date | None
    receipt_on: datetime.date | None
    recipient: str
    witness: str
    reason: str
    published_on: datetime.date | None
    published_where: str
    abroad: bool


class ServiceOut(Schema):
    code: str
    case: str = Field(description="The case's code.")
    case_number: str
    party: int
    party_name: str
    title: str
    document: str = Field(description="Reference of the case document, or empty.")
    document_name: str
    effective_on: datetime.date | None = Field(description="The earliest effective attempt.")
    effective_channel: str
    first_read_at: datetime.datetime | None
    attempts: list[AttemptOut]


class ServedPageIn(PageIn):
    pass


class ServedItemOut(Schema):
    code: str
    case: str
    case_number: str
    party_name: str
    title: str
    effective_on: datetime.date | None
    first_read_at: datetime.datetime | None


class QueuePageIn(PageIn):
    kind: Literal["all", "postal", "notice"] = Field(
        "all", description="all: everything waiting; postal: court post whose receipt is not "
                           "back; notice: public notices still running.")


class QueueAttemptOut(Schema):
    id: int
    channel: str
    tracking_number: str
    posted_on: datetime.date | None
    effective_on: datetime.date | None = Field(description="A public notice's day of effect.")


class QueueItemOut(Schema):
    code: str
    case: str
    case_number: str
    party: int
    party_name: str
    title: str
    created_at: datetime.datetime
    waiting_days: int
    pending: list[QueueAttemptOut] = Field(description="The channels still waiting.")
