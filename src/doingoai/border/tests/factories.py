import datetime as dt

from doingoai.border.models import BorderGate, BorderIncident, BorderMarker


def make_gate(owner, **fields) -> BorderGate:
    values = {"kind": "international", "name": "Cửa khẩu quốc tế Thanh Thủy",
              "counterpart_name": "Thiên Bảo", "country_id": "CN"}
    return BorderGate.objects.create(owner=owner, **{**values, **fields})


def make_marker(owner, **fields) -> BorderMarker:
    values = {"number": "262", "location": "Xã Thanh Thủy", "country_id": "CN"}
    return BorderMarker.objects.create(owner=owner, **{**values, **fields})


def make_incident(owner, **fields) -> BorderIncident:
    values = {"title": "Người dân phía bạn canh tác lấn qua đường biên",
              "occurred_on": dt.date(2023, 8, 14), "place": "Gần mốc 262",
              "what_happened": "Canh tác lấn qua đường biên khoảng 20 m.",
              "counterpart_side": "Trạm biên phòng Thiên Bảo"}
    return BorderIncident.objects.create(owner=owner, **{**values, **fields})


def gate_form(owner) -> dict:
    return {"kind": "opening", "name": "Lối mở mốc 262", "country": "CN"}


def marker_form(owner) -> dict:
    return {"number": "263", "location": "Xã Thanh Thủy", "country": "CN"}


def incident_form(owner) -> dict:
    return {"title": "Trâu bò thả sang đất bạn", "occurred_on": "2023-09-01",
            "what_happened": "Gia súc đi lạc qua biên giới.", "status": "settled"}


FACTORIES = {BorderGate: make_gate, BorderMarker: make_marker, BorderIncident: make_incident}
FORM_DATA = {BorderGate: gate_form, BorderMarker: marker_form, BorderIncident: incident_form}
