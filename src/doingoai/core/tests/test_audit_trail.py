"""Who changed what and when is on the record's page; a deleted record goes to the trash
and comes back from it (issue 2, "Audit trail and recoverable delete")."""

from django.utils.html import escape
from django.utils.translation import gettext, override

from doingoai.core.tests.factories import make_partner
from doingoai.partners.pages import partners


def _form_data(partner, **changes):
    data = {"kind": partner.kind, "name_vi": partner.name_vi, "name_en": partner.name_en,
            "country": partner.country_id, "version": str(partner.version),
            "inline0-TOTAL_FORMS": "0", "inline0-INITIAL_FORMS": "0"}
    return {**data, **changes}


def _vi(message: str) -> str:
    with override("vi"):
        return escape(gettext(message))


def test_the_detail_page_shows_who_changed_which_field_from_what_to_what(hg_client, ha_giang):
    partner = make_partner(ha_giang, name_vi="Tỉnh Vân Nam", name_en="Yunan")
    response = hg_client.post(partners.reverse("edit", partner.pk),
                              _form_data(partner, name_en="Yunnan"))
    assert response.status_code == 302

    page = hg_client.get(partners.reverse("detail", partner.pk)).content.decode()
    history = page[page.index('id="history"'):]
    assert "Chuyên viên Hà Giang" in history
    assert _vi("changed").capitalize() in history
    assert "<del>Yunan</del> → <ins>Yunnan</ins>" in history


def test_a_deleted_record_leaves_the_list_waits_in_the_trash_and_comes_back(
    hg_client, ha_giang
):
    partner = make_partner(ha_giang, name_vi="Tổ chức ChildFund")
    detail_url = partners.reverse("detail", partner.pk)

    assert hg_client.post(partners.reverse("delete", partner.pk),
                          {"reason": "nhập trùng"}).status_code == 302
    assert detail_url not in hg_client.get(partners.reverse("list")).content.decode()
    assert hg_client.get(detail_url).status_code == 404
    assert "Tổ chức ChildFund" in hg_client.get(partners.reverse("trash")).content.decode()

    assert hg_client.post(partners.reverse("restore", partner.pk)).status_code == 302
    assert detail_url in hg_client.get(partners.reverse("list")).content.decode()
    assert "Tổ chức ChildFund" not in hg_client.get(partners.reverse("trash")).content.decode()
    page = hg_client.get(detail_url).content.decode()
    history = page[page.index('id="history"'):]
    assert _vi("moved to the trash").capitalize() in history
    assert _vi("restored").capitalize() in history
    assert "nhập trùng" in history


def test_restoring_needs_a_post(hg_client, ha_giang):
    partner = make_partner(ha_giang)
    partner.soft_delete()
    response = hg_client.get(partners.reverse("restore", partner.pk))
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.deleted_at is not None


def test_a_record_not_in_the_trash_cannot_be_restored(hg_client, ha_giang):
    partner = make_partner(ha_giang)
    assert hg_client.post(partners.reverse("restore", partner.pk)).status_code == 404


def test_the_history_names_a_choice_by_its_label_and_a_related_record_by_its_name(
    hg_client, ha_giang
):
    from doingoai.core.tests.factories import make_delegation
    from doingoai.delegations.pages import delegations

    ibaraki = make_partner(ha_giang, name_vi="Tỉnh Ibaraki", name_en="Ibaraki", country_id="JP")
    moriya = make_partner(ha_giang, name_vi="Thành phố Moriya", name_en="Moriya",
                          country_id="JP")
    response = hg_client.post(partners.reverse("edit", moriya.pk),
                              _form_data(moriya, parent=str(ibaraki.pk), country="JP"))
    assert response.status_code == 302
    page = hg_client.get(partners.reverse("detail", moriya.pk)).content.decode()
    history = page[page.index('id="history"'):]
    assert "<ins>Tỉnh Ibaraki</ins>" in history
    assert f"<ins>{ibaraki.pk}</ins>" not in history

    delegation = make_delegation(ha_giang)
    delegation.status = delegation.Status.SUBMITTED
    delegation.save()
    page = hg_client.get(delegations.reverse("detail", delegation.pk)).content.decode()
    history = page[page.index('id="history"'):]
    assert f"<del>{_vi('Draft')}</del> → <ins>{_vi('Submitted')}</ins>" in history
    assert "draft" not in history
