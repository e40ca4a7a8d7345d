"""When `load_demo` refuses, and that it never leaves the demo half loaded."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from earlyhelp.accounts.models import User
from earlyhelp.audit.models import AuditEvent
from earlyhelp.demo import loader
from earlyhelp.demo.fields import DemoDataError
from earlyhelp.demo.spec import DATA_DIR, read_demo_data
from earlyhelp.directory.models import Service
from earlyhelp.schools.actions import create_local_authority
from earlyhelp.schools.models import School

COMMAND_MODULE = "earlyhelp.demo.management.commands.load_demo"


def nothing_written() -> bool:
    return not (
        School.objects.exists()
        or Service.objects.exists()
        or User.objects.exists()
        or AuditEvent.objects.exists()
    )


@override_settings(PRODUCTION=True)
def test_refuses_to_run_in_production(db):
    with pytest.raises(CommandError, match="refuses to run in production"):
        call_command("load_demo", stdout=StringIO())
    assert nothing_written()


def test_refuses_when_part_of_the_demo_is_already_there(db):
    create_local_authority(
        by=None,
        name="Worcestershire",
        front_door_name="Family Front Door",
        front_door_phone="+441905822666",
        out_of_hours_phone="+441905768020",
    )
    with pytest.raises(CommandError, match="make demo-reset"):
        call_command("load_demo", stdout=StringIO())
    assert not School.objects.exists()


def test_a_failure_part_way_leaves_nothing_behind(db, monkeypatch):
    published = []

    def publish_then_fail(**kwargs):
        published.append(kwargs["offer"])
        if len(published) == 3:
            raise RuntimeError("the third Offer failed")

    monkeypatch.setattr(loader, "publish_offer", publish_then_fail)
    with pytest.raises(RuntimeError):
        call_command("load_demo", stdout=StringIO())
    assert nothing_written()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_a_wrong_data_file_stops_the_command_before_anything_is_written(db, data_copy, monkeypatch):
    edit(data_copy / "county_services.toml", '"01905 619886"', '"01905 61988"')
    monkeypatch.setattr(f"{COMMAND_MODULE}.DATA_DIR", data_copy)
    with pytest.raises(CommandError) as error:
        call_command("load_demo", stdout=StringIO())
    message = str(error.value)
    assert "county_services.toml, service 'worcestershire-young-carers'" in message
    assert "'01905 61988' cannot be dialled" in message
    assert nothing_written()


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "national_services.toml",
            'costly_kept_because = "The charity',
            'description = "The charity',
            "national_services.toml, service 'freedom-charity', phones[0]: phone '0845 607 0133' "
            "is a costly 084/087/09 number",
        ),
        (
            "national_services.toml",
            'topics = ["mental-health", "emergency"]',
            'topics = ["mental-health", "emergencies"]',
            "service 'samaritans': topics: 'emergencies' is not one of",
        ),
        (
            "county_services.toml",
            'urls = ["https://www.mentorlink.org.uk"]',
            'urls = ["https://www.mentorlink.org.uk/"]',
            "service 'mentor-link': write URL 'https://www.mentorlink.org.uk/' as "
            "'https://www.mentorlink.org.uk'",
        ),
        (
            "county_services.toml",
            'emails = ["info@sandycroft.org"]',
            'emails = ["info@sandycroft"]',
            "service 'sandycroft-centre': email 'info@sandycroft' is not a valid address",
        ),
        (
            "schools/westlands.toml",
            'service = "worcestershire-young-carers"',
            'service = "young-carers"',
            "westlands.toml, support[",
        ),
        (
            "schools/pitcheroak.toml",
            'roles = ["mental_health_lead"]',
            'roles = ["wellbeing_lead"]',
            "pitcheroak.toml, person[4] (Hayley Whitehouse): roles: 'wellbeing_lead'",
        ),
        (
            "schools/st-johns.toml",
            'staff = "Rhys Bevan"',
            'staff = "Rhys Elwell"',
            "shares a surname with a person in the seed Offers",
        ),
    ],
)
def test_data_errors_name_the_file_and_the_entry(data_copy, file, old, new, expected):
    edit(data_copy / file, old, new)
    with pytest.raises(DemoDataError) as error:
        read_demo_data(data_copy)
    assert expected in str(error.value)


def test_the_data_files_as_committed_are_valid():
    data = read_demo_data()
    assert len(data.schools) == 3
