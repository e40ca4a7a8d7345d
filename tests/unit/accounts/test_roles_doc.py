"""docs/security.md's roles table says what roles.py grants."""

from pathlib import Path

from earlyhelp.accounts.roles import ROLE_PERMISSIONS, Permission, Role

DOC = Path(__file__).resolve().parents[3] / "docs" / "security.md"
COLUMNS = [
    Role.DSL, Role.DEPUTY_DSL, Role.HEADTEACHER, Role.SENCO, Role.GOVERNOR, Role.STAFF,
    Role.ATTENDANCE_OFFICER, Role.OFFER_EDITOR, Role.LA_OFFICER, Role.DIRECTORY_EDITOR,
]  # fmt: skip


def test_the_roles_table_matches_the_code():
    rows = {
        line.split("|")[1].strip(" `"): [cell.strip() for cell in line.split("|")[2:-1]]
        for line in DOC.read_text().splitlines()
        if line.startswith("| `")
    }
    for permission in Permission:
        granted = ["✓" if permission in ROLE_PERMISSIONS[r] else "" for r in COLUMNS]
        assert rows.get(permission.value) == granted, permission
