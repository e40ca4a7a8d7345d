"""Running earlyhelp on several app servers: health and readiness probes, request ids and
JSON logs, Prometheus metrics, and the deploy checks that refuse per-host state (issue 17,
docs/deployment.md). Depends only on Django, django-tasks-db and prometheus-client."""
