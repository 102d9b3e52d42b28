"""Issue 5's browser test: a Hà Giang specialist pastes a press article (seed 003,
"Tăng cường đối ngoại, hợp tác quốc tế", Báo Hà Giang, 01/02/2023), sees its figures
highlighted, accepts one with a corrected value and rejects another through the htmx
candidate forms, then finds the accepted figure among the reported figures, with its quote,
and in the periodic report of Hà Giang for 2022, with a link to that quote.

Selectors do not depend on the interface language (ids, names, hrefs, button values), so
the test holds whether the Vietnamese catalogue is compiled or not.
"""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

import doingoai.figures
from doingoai.figures.models import Candidate, ReportedFigure, SourceDocument

pytestmark = pytest.mark.browser

ARTICLE = (
    Path(doingoai.figures.__file__).parent / "data" / "seeds" / "003_6bb18e9a3ba038bf.txt"
).read_text(encoding="utf-8")
TITLE = "Tăng cường đối ngoại, hợp tác quốc tế"
# Two of the figures the article states for 2022.
SIGNED = ("agreements.signed", "12 thỏa thuận")
ATTENDED = ("conferences.attended", "8 hội nghị")


def candidate_of(document, indicator, text) -> Candidate:
    return document.candidates.get(indicator_id=indicator, text=text)


def test_a_specialist_takes_an_article_from_upload_to_accepted_figures_in_the_report(
    pages, ha_giang, hg_specialist
):
    hg = pages.login("hg.specialist")

    # Paste the article with its title and date, and have it read.
    hg.goto("/figures/read/")
    hg.fill("#id_title", TITLE)
    hg.fill("#id_published_on", "2023-02-01")
    hg.fill("#id_text", ARTICLE)
    hg.locator("main form[method=post] button[name=read]").click()
    hg.wait_for_url(re.compile(r"/figures/sources/\d+/review/$"))
    document = SourceDocument.objects.get(title=TITLE)
    assert document.owner == ha_giang
    expect(hg.locator("main h1")).to_have_text(TITLE)

    # Every figure read is highlighted in the text, with its form beside it.
    marks = hg.locator("article.doc-text mark")
    count = document.candidates.count()
    assert count >= 5
    expect(marks).to_have_count(count)
    expect(hg.locator("article.candidate")).to_have_count(count)
    signed = candidate_of(document, *SIGNED)
    attended = candidate_of(document, *ATTENDED)
    expect(hg.locator(f"mark#c{signed.pk}")).to_have_text(SIGNED[1])
    expect(hg.locator(f"mark#c{attended.pk}")).to_have_text(ATTENDED[1])
    pages.keep_screenshot(hg, "figures-review")

    # Accept the agreements signed, correcting the value as the office's own records have it;
    # htmx swaps the candidate's card in place.
    card = hg.locator(f"#candidate-{signed.pk}")
    expect(hg.locator(f"#id_c{signed.pk}-period")).to_have_value("2022")
    hg.fill(f"#id_c{signed.pk}-value", "13")
    card.locator("button[name=action][value=accept]").click()
    card = hg.locator(f"#candidate-{signed.pk}")
    expect(card).to_have_class(re.compile(r"\bcand-accepted\b"))
    signed.refresh_from_db()
    assert signed.status == "accepted"
    figure = signed.figure
    assert figure is not None
    figure_url = f"/figures/figures/{figure.pk}/"
    expect(card.locator(f'a[href="{figure_url}"]')).to_have_count(1)

    # Reject the conferences attended.
    card = hg.locator(f"#candidate-{attended.pk}")
    card.locator("button[name=action][value=reject]").click()
    expect(hg.locator(f"#candidate-{attended.pk}")).to_have_class(re.compile(r"\bcand-rejected\b"))
    attended.refresh_from_db()
    assert attended.status == "rejected"
    assert attended.figure is None
    pages.keep_screenshot(hg, "figures-reviewed")
    # The swaps happened in place: still on the review page, no reload.
    assert hg.url.endswith(f"/figures/sources/{document.pk}/review/")

    # The accepted figure is a reported figure of Hà Giang for 2022, with its quote.
    assert (figure.indicator_id, figure.period, figure.value, figure.unit) == (
        "agreements.signed",
        "2022",
        Decimal("13"),
        "count",
    )
    assert figure.place == ha_giang
    assert figure.source == document
    assert figure.quote == SIGNED[1]
    assert document.text[figure.start : figure.end] == SIGNED[1]
    assert list(ReportedFigure.objects.filter(source=document)) == [figure]

    hg.goto("/figures/figures/")
    rows = hg.locator("#rows")
    link = rows.locator(f'a[href="{figure_url}"]')
    expect(link).to_have_count(1)
    expect(rows.locator("tr").filter(has=hg.locator(f'a[href="{figure_url}"]'))).to_contain_text(
        "13"
    )
    # The rejected reading did not become one.
    expect(rows.locator('a[href^="/figures/figures/"]')).to_have_count(1)
    link.click()
    hg.wait_for_url(re.compile(re.escape(figure_url) + "$"))
    main = hg.locator("main")
    expect(main).to_contain_text(SIGNED[1])
    expect(main).to_contain_text(TITLE)
    pages.keep_screenshot(hg, "figure-detail")

    # The periodic report of Hà Giang for 2022 shows the figure, linked to its quote.
    hg.goto(f"/reports/?place={ha_giang.pk}&period=2022")
    expect(hg.locator("main h2").first).to_be_visible()
    source_link = hg.locator(f'main table a[href="{figure_url}"]')
    expect(source_link).to_have_count(1)
    expect(source_link).to_have_attribute("title", SIGNED[1])
    row = hg.locator("main table tr").filter(has=hg.locator(f'a[href="{figure_url}"]'))
    expect(row).to_contain_text("agreements.signed")
    expect(row).to_contain_text("13")
    pages.keep_screenshot(hg, "report-with-figure")
    source_link.click()
    hg.wait_for_url(re.compile(re.escape(figure_url) + "$"))
    expect(hg.locator("main")).to_contain_text(SIGNED[1])

    assert pages.failed_requests == []
    assert pages.console_errors == []
