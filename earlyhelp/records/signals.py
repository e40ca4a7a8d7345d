"""What one app that writes to a child's record tells the apps above it.

Concerns sit below casework (docs/architecture.md), so a concern's decision cannot call a
casework action. It sends a signal instead, inside the decision's transaction, and casework
(`casework.apps`) acts on it: an error there rolls the decision back with it.
"""

from django.dispatch import Signal

# A concern's "Step up to the front door" decision, for each child the concern is about.
# Keyword arguments: pupil, summary (the decision's reason), by (the member of staff).
stepped_up_to_front_door = Signal()
