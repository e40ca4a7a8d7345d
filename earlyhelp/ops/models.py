"""No models. This module's presence makes `migrate` send post_migrate to this app, which
makes the database cache's table (earlyhelp/ops/apps.py)."""
