"""Data protection: key rotation, backup and restore, retention and legal hold, subject access.

The operator's side of issue 5. Commands live in `management/commands/`, the reasoning in
docs/security.md.
"""
