"""Loaded by `make test`'s passes (`-p tests.plugins.coverage_preload`) before pytest-cov
starts measuring: imports phonenumbers' geocoder data (38 MB of dict literals) untraced.

On Python 3.12 a trace function slows every line of every module, measured or not, and
importing that data under coverage took minutes of CPU instead of 0.4 s. It is not our
code, so nothing is lost by importing it before coverage starts.
"""

import phonenumbers.geocoder  # noqa: F401
