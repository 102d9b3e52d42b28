import datetime as dt
import io
import json

import pytest
from django.core.management import call_command, get_commands
from django.core.management.base import CommandError

SEED_HA_GIANG_2015_2020 = {
    # indicator: (value, unit, of, qualifier)
    "agreements.signed": (85, "count", None, "exact"),
    "ngo.projects": (223, "count", None, "exact"),
    "ngo.amount_disbursed": (350_000_000_000, "VND", None, "under"),
    "oda.projects": (21, "count", None, "exact"),
    "conferences.organised": (25, "count", None, "exact"),
    "conferences.attended": (22, "count", None, "exact"),
    "delegations.outgoing": (422, "count", None, "exact"),
    "delegations.outgoing_persons": (2689, "persons", None, "exact"),
    "delegations.incoming": (381, "count", None, "exact"),
    "delegations.incoming_persons": (3236, "persons", None, "exact"),
    "friendship.border_communes": (34, "count", 34, "exact"),
    "friendship.district_pairs": (3, "count", None, "exact"),
    "friendship.border_posts": (12, "count", 12, "exact"),
}
SEED_BAC_KAN_2011_2021 = {
    "ngo.organisations": (25, "count", None, "exact"),
    "ngo.projects": (97, "count", None, "exact"),
    "ngo.amount_total": (12_900_000, "USD", None, "exact"),
}


def run_report(*args):
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return json.loads(out.getvalue())


def by_indicator(result):
    return {f["indicator"]: (f["value"], f["unit"], f["of"], f["qualifier"])
            for f in result["figures"]}


def test_the_json_gives_the_seed_figures_of_hà_giang(ha_giang_figures):
    result = run_report("--place", "Ha Giang", "--period", "2015-2020", "--format", "json")
    assert result["place"] == "Hà Giang"
    assert result["period"] == "2015-2020"
    assert by_indicator(result) == SEED_HA_GIANG_2015_2020
    assert {f["basis"] for f in result["figures"]} == {"reported"}
    assert all("“" in f["source"] for f in result["figures"])
    assert "gần 350 tỷ đồng" in result["prose"] and "422 đoàn/2.689 lượt" in result["prose"]


def test_the_json_gives_the_seed_figures_of_bắc_kạn(bac_kan_figures):
    result = run_report("--place", "Bắc Kạn", "--period", "2011-2021")
    assert by_indicator(result) == SEED_BAC_KAN_2011_2021
    assert "12,9 triệu USD" in result["prose"]


def test_the_place_can_be_its_official_code_and_the_prose_english(ha_giang, ha_giang_figures):
    result = run_report("--place", ha_giang.code, "--period", "giai đoạn 2015 – 2020",
                        "--lang", "en")
    assert result["place"] == "Hà Giang"
    assert "2,689 person-trips" in result["prose"]


def test_the_csv_goes_to_standard_output(ha_giang_figures):
    out = io.StringIO()
    call_command("report", "--place", "Hà Giang", "--period", "2015-2020", "--format", "csv",
                 stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("indicator,name,computed,")
    assert any(line.startswith("delegations.outgoing_persons,") and ",2689," in line
               for line in lines)


def test_a_binary_format_is_written_to_the_output_file(ha_giang_figures, tmp_path):
    target = tmp_path / "report.docx"
    call_command("report", "--place", "Hà Giang", "--period", "2015-2020", "--format", "docx",
                 "--output", str(target), stderr=io.StringIO())
    assert target.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(("args", "words"), [
    (["--place", "Atlantis", "--period", "2020"], "No province or city named"),
    (["--place", "Hà Giang", "--period", "2020-Q7"], "Not a valid period"),
])
def test_an_unknown_place_or_a_malformed_period_is_an_error(db, args, words):
    with pytest.raises(CommandError) as error:
        call_command("report", *args)
    assert error.value.returncode == 2
    assert words in str(error.value)
    assert ("Không tìm thấy" in str(error.value)) or ("không hợp lệ" in str(error.value))


def test_the_console_script_exits_with_code_2_on_a_bad_period(db, capsys):
    from doingoai.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["report", "--place", "Hà Giang", "--period", "someday"])
    assert exit_.value.code == 2
    assert "Not a valid period" in capsys.readouterr().err


@pytest.mark.skipif("demo" not in get_commands(), reason="the demo command is not there yet")
def test_the_demo_data_gives_the_seed_figures(db):
    call_command("demo", "--quiet")
    figures = by_indicator(run_report("--place", "Hà Giang", "--period", "2015-2020"))
    for code, expected in SEED_HA_GIANG_2015_2020.items():
        assert figures[code] == expected, code
    figures = by_indicator(run_report("--place", "Bắc Kạn", "--period", "2011-2021"))
    for code, expected in SEED_BAC_KAN_2011_2021.items():
        assert figures[code] == expected, code


def test_the_json_gives_the_office_work_computed_from_the_records(ha_giang):
    from doingoai.reports.tests.records import make_records

    make_records(ha_giang)
    result = run_report("--place", "Hà Giang", "--period", "2023")
    figures = {f["indicator"]: f for f in result["figures"]}
    expected = {
        "consular.cases": (2, "count"), "consular.cases_closed": (2, "count"),
        "consular.persons": (3, "persons"), "foreigners.resident": (1, "persons"),
        "passports.handed_out": (2, "count"), "passports.overdue": (1, "count"),
        "border.incidents": (2, "count"), "trade.exports": (2_500_000, "USD"),
        "trade.imports": (900_000, "USD"),
    }
    for code, (value, unit) in expected.items():
        assert (figures[code]["value"], figures[code]["unit"]) == (value, unit), code
        assert figures[code]["basis"] == "computed", code
    assert "tiếp nhận 2 vụ việc lãnh sự" in result["prose"]
    assert "kim ngạch xuất khẩu đạt 2,5 triệu USD" in result["prose"]


def test_a_bắc_kạn_report_never_counts_hà_giangs_consular_cases(client, ha_giang, bac_kan,
                                                                 bk_specialist):
    from django.urls import reverse

    from doingoai.consular.tests.factories import make_case
    from doingoai.reports.tests.records import declare_complete, make_records
    from doingoai.testing import client_for

    make_records(ha_giang)
    make_case(bac_kan, opened_on=dt.date(2023, 3, 1))
    declare_complete(bac_kan, dt.date(2023, 1, 1), ["consular"])
    cli = by_indicator(run_report("--place", "Bắc Kạn", "--period", "2023"))
    assert cli["consular.cases"][0] == 1
    assert cli["consular.persons"][0] == 1
    assert "border.incidents" not in cli  # Bắc Kạn declares no border records
    page = client_for(client, bk_specialist).get(reverse("reports:report"),
                                                 {"place": bac_kan.pk, "period": "2023"})
    assert page.status_code == 200
    assert page.context["report"].line("consular.cases").value == 1
    assert page.context["report"].line("trade.exports").value is None
    export = client_for(client, bk_specialist).get(
        reverse("reports:report-export"),
        {"place": ha_giang.pk, "period": "2023", "format": "json"})
    assert export.status_code == 403
