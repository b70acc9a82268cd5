"""The shapes of the service API (each schema named once across the project)."""

import datetime

from ninja import Field, Schema

from tianping.lib.api_pages import PageIn

KEY = Field(..., min_length=1, max_length=100,
            description="Idempotency key: a retry with the same key is the same request "
                        "(nothing is sent or counted twice).")


class ServiceAddressIn(Schema):
    postal_address: str = Field("", max_length=300)
    postal_code: str = Field("", max_length=10)
    recipient: str = Field("", max_length=100)
    phone: str = Field("", max_length=30, description="Mobile telephone for SMS.")
    email: str = Field("", max_length=254)
    abroad: bool = Field(False, description="Domiciled outside the mainland of China.")
    consent: bool = Field(False, description="Consents to electronic service.")
    channels: list[str] = Field(default_factory=list, max_length=3,
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
    document: str = Field("", max_length=100,
                          description="Reference of a case document (its file's last part).")
    document_name: str = Field("", max_length=60,
                               description="Or a generated document's name, e.g. "
                                           "response-notice.")
    title: str = Field("", max_length=200, description="Title of a generated document.")
    channels: list[str] = Field(..., min_length=1, max_length=4,
                                description="Of platform, sms, email, postal.")
    tracking_number: str = Field("", max_length=40, description="Court post (法院专递).")
    posted_on: datetime.date | None = None
    idempotency_key: str = KEY


class PostalReceiptIn(Schema):
    attempt: int = Field(..., ge=1, le=2**62)
    receipt_on: datetime.date = Field(description="The date on the returned receipt.")


class DirectServiceIn(Schema):
    signed_on: datetime.date
    recipient: str = Field(..., min_length=1, max_length=100)
    idempotency_key: str = KEY


class PublicNoticeIn(Schema):
    published_on: datetime.date = Field(description="The last posting or publication.")
    where: str = Field(..., min_length=1, max_length=200)
    abroad: bool | None = Field(None, description="None: from the party's address "
                                                  "confirmation.")
    idempotency_key: str = KEY


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
