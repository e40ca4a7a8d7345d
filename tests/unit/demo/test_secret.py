import stat

from django.test import override_settings

from earlyhelp.demo.secret import demo_password


def test_the_demo_password_is_made_once_kept_private_and_reused(tmp_path):
    path = tmp_path / "var" / "demo-secret"
    with override_settings(DEMO_SECRET_FILE=path):
        first = demo_password()
        assert demo_password() == first
    assert len(first) >= 12
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_each_installation_gets_its_own_password(tmp_path):
    with override_settings(DEMO_SECRET_FILE=tmp_path / "a"):
        one = demo_password()
    with override_settings(DEMO_SECRET_FILE=tmp_path / "b"):
        other = demo_password()
    assert one != other
