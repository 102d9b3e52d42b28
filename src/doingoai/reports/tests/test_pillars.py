"""Issue 11 §3: part I of the report goes by pillar (Party, State, people), then by field
with lettered subsections; each sentence is written once, in ``prose``."""

import datetime as dt

import pytest

from doingoai.lib.periods import parse_period
from doingoai.organisations.models import Organisation
from doingoai.reports import pillars, prose
from doingoai.reports.document import outline
from doingoai.reports.report import build_report
from doingoai.reports.tests.records import declare_complete, delegation, make_records


def headings(report, lang="vi"):
    return [(section.level, section.heading) for section in outline(report, lang)]


def part_one(report, lang="vi"):
    found = []
    for level, heading in headings(report, lang):
        if heading.startswith(("II.",)):
            break
        found.append((level, heading))
    return found


@pytest.fixture
def report(ha_giang, ha_giang_figures):
    make_records(ha_giang)
    return build_report([ha_giang], parse_period("2023"))


def test_part_one_goes_by_field_with_lettered_subsections_in_the_reports_order(report):
    assert part_one(report) == [
        (1, "I. TÌNH HÌNH, KẾT QUẢ THỰC HIỆN CÔNG TÁC ĐỐI NGOẠI"),
        (2, "1. Đối ngoại nhân dân"),
        (2, "2. Kết quả trên các lĩnh vực"),
        (3, "a) Hợp tác với các địa phương nước ngoài"),
        (3, "b) Viện trợ phi chính phủ nước ngoài (PCPNN)"),
        (3, "c) Vốn hỗ trợ phát triển chính thức (ODA)"),
        (3, "d) Kinh tế đối ngoại, thu hút đầu tư trực tiếp nước ngoài (FDI) và xúc tiến "
            "đầu tư"),
        (3, "đ) Đoàn ra, đoàn vào"),
        (3, "e) Hội nghị, hội thảo quốc tế"),
        (3, "g) Công tác biên giới"),
        (3, "h) Công tác lãnh sự và bảo hộ công dân"),
    ]


def test_a_pillar_the_registers_know_nothing_of_is_left_out(report):
    # No delegation or event of the records names its sending body: no Party, no State.
    found = [heading for _level, heading in part_one(report)]
    assert not any("Đối ngoại Đảng" in h or "Ngoại giao nhà nước" in h for h in found)


def test_the_foreign_localities_are_named_from_the_partners_register_under_a(report):
    sections = {s.heading: s.paragraphs for s in outline(report)}
    localities = sections["a) Hợp tác với các địa phương nước ngoài"]
    assert "Các địa phương nước ngoài có quan hệ hợp tác, hữu nghị: Tỉnh Vân Nam (Trung " \
           "Quốc)." in localities
    # Moriya's relation ended in 2022.
    assert not any("Moriya" in text for text in localities)


def test_each_field_repeats_the_clause_of_the_running_prose_word_for_word(report):
    running = report.prose("vi")
    for name, text in prose.by_field(report, "vi"):
        if name == prose.NOTE:
            continue
        _lead, _word, clauses = text.partition(" đã ") if " đã " in text else \
            text.partition(" có ")
        for clause in clauses.rstrip(".").split("; "):
            # ODA told alone says what the running prose's "tiếp nhận và triển khai … và"
            # already said.
            assert clause.removeprefix("tiếp nhận ") in running, clause


def test_a_border_subsection_is_not_written_for_an_inland_province(bac_kan, bac_kan_figures):
    report = build_report([bac_kan], parse_period("2011-2021"))
    found = [heading for _level, heading in part_one(report)]
    assert found[-1] == "a) Viện trợ phi chính phủ nước ngoài (PCPNN)"
    assert not any("biên giới" in h for h in found)


def body(province, name, kind):
    return Organisation.objects.create(owner=province, name=name, kind=kind)


def test_delegations_are_counted_under_the_pillar_of_their_sending_body(ha_giang):
    declare_complete(ha_giang)
    party = body(ha_giang, "Ban Tuyên giáo Tỉnh ủy", "party")
    office = body(ha_giang, "Sở Ngoại vụ", "office")
    union = body(ha_giang, "Liên hiệp các tổ chức hữu nghị tỉnh", "mass")
    for owner_body, direction, day in ((party, "outgoing", 1), (office, "outgoing", 2),
                                       (office, "incoming", 3), (union, "incoming", 4)):
        trip = delegation(ha_giang, direction, dt.date(2023, 3, day), 2)
        trip.organisation = owner_body
        trip.save()
    report = build_report([ha_giang], parse_period("2023"))
    sections = {s.heading: s.paragraphs for s in outline(report)}
    assert sections["1. Đối ngoại Đảng"] == [
        "Ban Tuyên giáo Tỉnh ủy đã cử 1 đoàn đi nước ngoài (theo hồ sơ trên hệ thống)."]
    assert sections["2. Ngoại giao nhà nước"] == [
        "Sở Ngoại vụ đã cử 1 đoàn đi nước ngoài; đón 1 đoàn nước ngoài (theo hồ sơ trên hệ "
        "thống)."]
    assert sections["3. Đối ngoại nhân dân"] == [
        "Liên hiệp các tổ chức hữu nghị tỉnh đã đón 1 đoàn nước ngoài (theo hồ sơ trên hệ "
        "thống)."]


def test_a_pillar_only_names_its_bodies_when_the_register_does_not_cover_the_period(ha_giang):
    union = body(ha_giang, "Liên hiệp các tổ chức hữu nghị tỉnh", "mass")
    trip = delegation(ha_giang, "outgoing", dt.date(2023, 3, 1), 2)
    trip.organisation = union
    trip.save()
    told = pillars.pillar_sentences(build_report([ha_giang], parse_period("2023")))
    assert told == {pillars.PEOPLE: [
        "Các đoàn ra, đoàn vào và sự kiện quốc tế có trong hồ sơ của kỳ này do Liên hiệp các "
        "tổ chức hữu nghị tỉnh thực hiện."]}


def test_the_english_outline_has_the_same_parts(report):
    assert [level for level, _h in part_one(report, "en")] == \
        [level for level, _h in part_one(report, "vi")]
    assert (2, "2. Results by field") in part_one(report, "en")


def test_each_donor_is_named_under_the_field_of_its_aid_not_jica_among_the_ngos(report):
    sections = {s.heading: s.paragraphs for s in outline(report)}
    ngo = " ".join(sections["b) Viện trợ phi chính phủ nước ngoài (PCPNN)"])
    oda = " ".join(sections["c) Vốn hỗ trợ phát triển chính thức (ODA)"])
    assert "Các nhà tài trợ chính: ChildFund; Plan International." in ngo
    assert "JICA" not in ngo
    assert "Các nhà tài trợ chính: JICA." in oda
