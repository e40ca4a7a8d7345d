"""Views for signing in and out, second factors, and the session's time limit."""
