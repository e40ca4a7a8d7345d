from tests.persona_clients import ed  # noqa: F401
