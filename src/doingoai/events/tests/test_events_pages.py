"""The conference, seminar and talks pages."""

from doingoai.core.tests.factories import REQUIRED_VI, make_partner, valid_form_data, vi
from doingoai.events.models import Event
from doingoai.events.pages import events


def test_an_event_is_created_through_its_page(hg_client, ha_giang):
    response = hg_client.post(events.reverse("create"), valid_form_data(events, ha_giang))
    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.owner, event.title) == (ha_giang, "Hội thảo hợp tác biên giới")


def test_an_event_cannot_end_before_it_starts(hg_client, ha_giang):
    data = {**valid_form_data(events, ha_giang), "starts_on": "2023-10-02",
            "ends_on": "2023-10-01"}
    response = hg_client.post(events.reverse("create"), data)
    assert response.status_code == 400
    assert vi("An event cannot end before it starts.") in response.content.decode()
    assert not Event.all_objects.exists()


def test_an_event_without_a_start_date_is_refused_in_vietnamese(hg_client, ha_giang):
    data = {**valid_form_data(events, ha_giang), "starts_on": ""}
    response = hg_client.post(events.reverse("create"), data)
    assert response.status_code == 400
    assert REQUIRED_VI in response.content.decode()
    assert not Event.all_objects.exists()


def test_an_event_cannot_name_another_provinces_partner(hg_client, ha_giang, bac_kan):
    theirs = make_partner(bac_kan, name_vi="Quận Gangnam")
    data = {**valid_form_data(events, ha_giang), "partners": [str(theirs.pk)]}
    response = hg_client.post(events.reverse("create"), data)
    assert response.status_code == 400
    assert "partners" in response.context["form"].errors
    assert not Event.all_objects.exists()
