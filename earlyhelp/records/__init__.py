"""The child-record kernel: what every app that writes to a child's record shares.

The chronology (`chronology.add_entry`), the safeguarding team's tasks (`tasks.add_task`) and
the access event written for each view of a record (`access_events`). It sits below concerns,
casework, attendance and training, so that they depend on it and not on each other.
"""
