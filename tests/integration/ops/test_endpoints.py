"""/healthz, /readyz and /metrics, and the request id every response carries."""

import json
import logging
import re
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.tasks import task
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db


@task
def waiting_task() -> None:
    """Enqueued by a test; no worker runs it."""


def test_healthz_answers_without_the_database_and_from_any_host(
    client: Client, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(0):
        response = client.get("/healthz", HTTP_HOST="10.1.2.3")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_readyz_reports_each_check(client: Client) -> None:
    response = client.get("/readyz", HTTP_HOST="10.1.2.3")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert set(body["checks"]) == {"database", "cache", "storage", "tasks"}
    assert all(check["ok"] for check in body["checks"].values())
    assert body["checks"]["tasks"]["waiting"] == 0


def test_readyz_fails_when_a_task_has_waited_too_long(client: Client, settings: Any) -> None:
    settings.READYZ_TASK_MAX_WAIT = 600
    with time_machine.travel(timezone.now(), tick=False) as clock:
        waiting_task.enqueue()
        clock.shift(timedelta(minutes=5))
        assert client.get("/readyz").status_code == 200
        clock.shift(timedelta(minutes=6))
        response = client.get("/readyz")
    assert response.status_code == 503
    tasks = response.json()["checks"]["tasks"]
    assert tasks == {"ok": False, "error": "TaskBacklogError"}


def test_readyz_fails_without_its_cache_and_never_shows_the_address(
    client: Client, settings: Any
) -> None:
    secret_url = "redis://:hunter2-password@127.0.0.1:1/0"
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": secret_url,
        },
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == {"ok": False, "error": "ConnectionError"}
    assert response.json()["checks"]["database"]["ok"]
    assert (
        "hunter2" not in response.content.decode() and "127.0.0.1" not in response.content.decode()
    )


def test_metrics_does_not_exist_without_a_token(client: Client, settings: Any) -> None:
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404


@pytest.mark.parametrize("header", [None, "Bearer wrong-token", "Basic b3BlcmF0b3I6eA=="])
def test_metrics_refuses_without_the_right_token(
    client: Client, settings: Any, header: str | None
) -> None:
    settings.METRICS_TOKEN = "operators-only-token"
    response = client.get("/metrics", headers={"Authorization": header} if header else {})
    assert response.status_code == 401
    assert b"earlyhelp_" not in response.content


def test_metrics_with_the_token_counts_requests_and_the_backlog(
    client: Client, settings: Any
) -> None:
    settings.METRICS_TOKEN = "operators-only-token"
    client.get("/")
    waiting_task.enqueue()
    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer operators-only-token")
    assert response.status_code == 200
    text = response.content.decode()
    assert re.search(
        r'earlyhelp_http_requests_total\{method="GET",status="200",view="core:home"\} \d', text
    )
    assert "earlyhelp_http_request_duration_seconds_bucket" in text
    assert "earlyhelp_tasks_waiting 1.0" in text


def test_every_response_carries_a_new_request_id(client: Client) -> None:
    first, second = client.get("/"), client.get("/")
    assert re.fullmatch(r"[0-9a-f]{32}", first["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_a_proxys_request_id_is_kept_and_a_bad_one_replaced(client: Client) -> None:
    kept = client.get("/", HTTP_X_REQUEST_ID="lb-7f3a.42_x")
    assert kept["X-Request-ID"] == "lb-7f3a.42_x"
    replaced = client.get("/", HTTP_X_REQUEST_ID="evil\nid with spaces")
    assert re.fullmatch(r"[0-9a-f]{32}", replaced["X-Request-ID"])


def test_each_request_is_logged_once_with_its_id(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="earlyhelp.request"):
        response = client.get("/directory/?q=secret+words", HTTP_X_REQUEST_ID="req-1")
    [record] = [r for r in caplog.records if r.name == "earlyhelp.request"]
    assert record.getMessage() == f"GET /directory/ {response.status_code}"
    assert record.__dict__["request_id"] == "req-1"
    assert "secret" not in json.dumps({k: str(v) for k, v in record.__dict__.items()})
