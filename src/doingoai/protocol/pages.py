from doingoai.core.records import Inline, RecordType
from doingoai.protocol import access
from doingoai.protocol.models import (
    Anniversary,
    Banquet,
    Ceremony,
    ChecklistItem,
    EntryDocument,
    EntryPerson,
    Gift,
    Interpreter,
    InterpreterBooking,
    Leader,
    Letter,
    NgoPermit,
    PressVisit,
    ScheduleItem,
)

leaders = RecordType(
    model=Leader, namespace="protocol", slug="leader",
    fields=["full_name", "position", "user", "notes"],
    list_columns=["full_name", "position"],
    access=access.get_leader_for_user,
)

schedule = RecordType(
    model=ScheduleItem, namespace="protocol", slug="schedule",
    fields=["kind", "title", "leader", "on", "starts_at", "ends_at", "place", "partner",
            "delegation", "event", "interpreter", "status", "briefing_note"],
    list_columns=["on", "starts_at", "ends_at", "title", "kind", "leader", "place",
                  "interpreter", "status"],
    filters=["kind", "status", "leader"],
    access=access.get_scheduleitem_for_user,
)

interpreters = RecordType(
    model=Interpreter, namespace="protocol", slug="interpreter",
    fields=["officer", "full_name", "languages", "organisation", "phone", "notes"],
    list_columns=["full_name", "languages", "organisation", "officer"],
    access=access.get_interpreter_for_user,
)

bookings = RecordType(
    model=InterpreterBooking, namespace="protocol", slug="booking",
    fields=["interpreter", "on", "starts_at", "ends_at", "language", "delegation", "event",
            "purpose"],
    list_columns=["on", "starts_at", "ends_at", "interpreter", "language", "delegation",
                  "event"],
    filters=["interpreter"],
    access=access.get_interpreterbooking_for_user,
)

entry_documents = RecordType(
    model=EntryDocument, namespace="protocol", slug="entry-document",
    fields=["kind", "issued_on", "delegation", "addressee", "subject", "entry_on", "exit_on",
            "border_gate", "signed_by", "notes"],
    detail_fields=["reference", "kind", "issued_on", "delegation", "addressee", "subject",
                   "entry_on", "exit_on", "border_gate", "signed_by", "notes"],
    list_columns=["reference", "kind", "issued_on", "delegation", "addressee", "subject"],
    filters=["kind"],
    inlines=[Inline(EntryPerson, "document", ["member", "passport_number", "born_on",
                                              "visa_kind"], extra=3)],
    access=access.get_entrydocument_for_user,
)

gifts = RecordType(
    model=Gift, namespace="protocol", slug="gift",
    fields=["direction", "item", "value", "currency", "partner", "occasion", "on",
            "schedule_item", "handling", "notes"],
    list_columns=["on", "direction", "item", "value", "currency", "partner", "occasion",
                  "handling"],
    filters=["direction", "handling"],
    access=access.get_gift_for_user,
)

banquets = RecordType(
    model=Banquet, namespace="protocol", slug="banquet",
    fields=["title", "on", "place", "schedule_item", "delegation", "guest_class", "covers",
            "cost", "currency", "notes"],
    detail_fields=["title", "on", "place", "schedule_item", "delegation", "guest_class",
                   "covers", "cost", "currency", "per_guest_vnd", "norm", "notes"],
    list_columns=["on", "title", "guest_class", "covers", "cost", "currency", "norm"],
    filters=["guest_class"],
    access=access.get_banquet_for_user,
)

ceremonies = RecordType(
    model=Ceremony, namespace="protocol", slug="ceremony",
    fields=["title", "on", "place", "event", "schedule_item", "notes"],
    list_columns=["on", "title", "place", "event"],
    inlines=[Inline(ChecklistItem, "ceremony", ["position", "task", "responsible", "done"],
                    extra=1)],
    access=access.get_ceremony_for_user,
)

anniversaries = RecordType(
    model=Anniversary, namespace="protocol", slug="anniversary",
    fields=["kind", "title", "partner", "day", "month", "since_year", "notes"],
    list_columns=["day", "month", "title", "kind", "partner", "since_year"],
    filters=["kind"],
    access=access.get_anniversary_for_user,
)

letters = RecordType(
    model=Letter, namespace="protocol", slug="letter",
    fields=["kind", "form", "issued_on", "partner", "anniversary", "addressee", "occasion",
            "signer", "body"],
    detail_fields=["reference", "kind", "form", "issued_on", "partner", "anniversary",
                   "addressee", "occasion", "signer", "body"],
    list_columns=["reference", "issued_on", "kind", "form", "addressee", "occasion"],
    filters=["kind", "form"],
    access=access.get_letter_for_user,
)

ngo_permits = RecordType(
    model=NgoPermit, namespace="protocol", slug="ngo-permit",
    fields=["partner", "kind", "number", "issued_by", "issued_on", "expires_on", "scope",
            "renewed_by", "notes"],
    list_columns=["number", "partner", "kind", "issued_on", "expires_on", "renewed_by"],
    filters=["kind"],
    access=access.get_ngopermit_for_user,
)

press_visits = RecordType(
    model=PressVisit, namespace="protocol", slug="press-visit",
    fields=["outlet", "country", "journalists", "topic", "requested_on", "starts_on",
            "ends_on", "status", "decision", "programme", "accompanied_by"],
    list_columns=["starts_on", "ends_on", "outlet", "country", "topic", "status",
                  "accompanied_by"],
    filters=["status"],
    access=access.get_pressvisit_for_user,
)

RECORD_TYPES = [leaders, schedule, interpreters, bookings, entry_documents, gifts, banquets,
                ceremonies, anniversaries, letters, ngo_permits, press_visits]
