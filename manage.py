#!/usr/bin/env python
"""Django's manage.py; `.venv/bin/earlyhelp` is the same command."""

from earlyhelp.__main__ import main

if __name__ == "__main__":
    main()
