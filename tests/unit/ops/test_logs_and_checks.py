"""JSON log lines with the request id, and the deploy check that refuses per-host caches."""

import json
import logging
import sys
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from earlyhelp.ops import requestid
from earlyhelp.ops.checks import shared_caches
from earlyhelp.ops.logs import JsonFormatter, RequestIdFilter


def record(message: str, **extra: Any) -> logging.LogRecord:
    made = logging.LogRecord("earlyhelp.test", logging.WARNING, __file__, 1, message, (), None)
    made.__dict__.update(extra)
    return made


def test_a_log_line_is_one_json_object_with_the_request_id() -> None:
    token = requestid.activate("abc123")
    try:
        line = JsonFormatter().format(record("Offer published", status=200, path="/x/"))
    finally:
        requestid.deactivate(token)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["request_id"] == "abc123"
    assert entry["level"] == "WARNING" and entry["logger"] == "earlyhelp.test"
    assert entry["message"] == "Offer published"
    assert entry["status"] == 200 and entry["path"] == "/x/"
    assert entry["time"].endswith("+00:00")


def test_an_exception_stays_inside_its_line() -> None:
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        made = record("failed")
        made.exc_info = sys.exc_info()
    entry = json.loads(JsonFormatter().format(made))
    assert "RuntimeError: boom" in entry["exception"] and entry["request_id"] is None


def test_text_lines_show_the_request_id_too() -> None:
    made = record("hello")
    token = requestid.activate("r-9")
    try:
        RequestIdFilter().filter(made)
    finally:
        requestid.deactivate(token)
    assert made.__dict__["request_id"] == "r-9"


FILE_CACHE = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": "/x"}
LOCAL_CACHE = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
REDIS_CACHE = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://r"}
DB_CACHE = {"BACKEND": "earlyhelp.lib.dbcache.DatabaseCache", "LOCATION": "earlyhelp_cache"}


def test_production_refuses_a_cache_in_files_or_in_one_process(settings: Any) -> None:
    settings.PRODUCTION = True
    settings.CACHES = {"default": REDIS_CACHE, "pdf": FILE_CACHE, "ratelimit": LOCAL_CACHE}
    errors = shared_caches()
    assert [error.id for error in errors] == ["ops.E001", "ops.E001"]
    assert "'pdf' cache keeps its entries in files on one host" in errors[0].msg
    assert "REDIS_URL" in str(errors[1].hint)


def test_production_accepts_redis_or_the_database(settings: Any) -> None:
    settings.PRODUCTION = True
    settings.CACHES = {"default": REDIS_CACHE, "pdf": DB_CACHE, "ratelimit": DB_CACHE}
    assert shared_caches() == []


@pytest.mark.django_db  # other apps' deploy checks read the database
def test_check_deploy_fails_on_a_file_cache_in_production(settings: Any) -> None:
    settings.PRODUCTION = True
    settings.CACHES = {**settings.CACHES, "ratelimit": FILE_CACHE}
    with pytest.raises(SystemCheckError, match=r"ops\.E001"):
        call_command("check", deploy=True)


def test_outside_production_memory_caches_are_fine(settings: Any) -> None:
    settings.PRODUCTION = False
    settings.CACHES = {"default": LOCAL_CACHE}
    assert shared_caches() == []
