"""`earlyhelp load_demo` on an empty database, and run a second time."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from earlyhelp.accounts.models import Membership, User
from earlyhelp.audit.models import AuditEvent
from earlyhelp.demo.secret import demo_password
from earlyhelp.directory.models import Service
from earlyhelp.offers.models import OfferEntry, OfferVersion
from earlyhelp.schools.models import KeyPerson, LocalAuthority, School

SCHOOLS = [
    "Pitcheroak School",
    "St John’s C of E Middle School Academy",
    "Westlands First School",
]


def test_loads_three_worcestershire_schools_with_published_offers(demo):
    schools = School.objects.select_related("offer", "local_authority").order_by("name")
    assert [s.name for s in schools] == SCHOOLS
    assert {s.local_authority.name for s in schools} == {"Worcestershire"}
    assert all(s.offer.published_version is not None for s in schools)
    assert "Loaded the demo: 3 schools with published Offers" in demo


def test_the_county_front_door_numbers_are_stored(demo):
    county = LocalAuthority.objects.get(name="Worcestershire")
    assert county.front_door_name == "Family Front Door"
    assert county.front_door_phone == "+441905822666"
    assert county.out_of_hours_phone == "+441905768020"


def test_running_it_again_changes_nothing_and_prints_the_logins(demo):
    models = [AuditEvent, User, Membership, Service, School, KeyPerson, OfferEntry, OfferVersion]
    before = [model._default_manager.count() for model in models]
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert [model._default_manager.count() for model in models] == before
    assert "The demo is already loaded." in out.getvalue()
    assert "westlands.dsl" in out.getvalue()


def test_prints_a_login_for_every_role_at_every_school_and_the_county(demo, demo_data):
    assert f"password: {demo_password()}" in demo
    assert len(demo_data.logins) == 8 * 3 + 2
    for login in demo_data.logins:
        line = next(line for line in demo.splitlines() if line.split()[:1] == [login.username])
        assert login.role.label in line
        assert login.display_name in line
    assert "worcestershire.la-officer" in demo
    assert "worcestershire.directory-editor" in demo


def test_every_printed_login_signs_in_and_holds_its_role_at_its_place(demo, demo_data, client):
    places = [(demo_data.county.name, demo_data.county.logins)]
    places += [(school.details.name, school.logins) for school in demo_data.schools]
    for place, logins in places:
        for login in logins:
            assert client.login(username=login.username, password=demo_password())
            membership = Membership.objects.select_related("school", "local_authority").get(
                user__username=login.username
            )
            assert membership.role == login.role
            assert str(membership.school or membership.local_authority) == place
            client.logout()


def test_staff_logins_use_fictional_names_not_the_seed_people(demo):
    real = {p.name for p in KeyPerson.objects.all()}
    real_surnames = {name.split()[-1] for name in real}
    for user in User.objects.all():
        assert user.get_full_name() not in real
        assert user.last_name not in real_surnames
        assert user.email.endswith("@example.org")


def test_the_offers_are_published_by_each_schools_offer_editor(demo):
    for version in OfferVersion.objects.select_related("offer__school"):
        editor = User.objects.get(pk=version.published_by_id)
        assert editor.memberships.get().role == "offer_editor"
        assert editor.memberships.get().school == version.offer.school


def test_a_demo_login_signs_in_with_the_code_demo_code_prints(demo, client):
    assert "earlyhelp demo-code USERNAME" in demo
    response = client.post(
        reverse("accounts:sign-in"),
        {"username": "westlands.dsl", "password": demo_password()},
    )
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:two-factor-challenge"))
    out = StringIO()
    call_command("demo_code", "westlands.dsl", stdout=out)
    response = client.post(
        reverse("accounts:two-factor-challenge"),
        {"code": out.getvalue().strip(), "next": "/staff/"},
    )
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 200
