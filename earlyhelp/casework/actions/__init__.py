"""Every write to early help, referrals, meetings and file transfers.

Each action is keyword-only, takes the actor as `by=`, runs in one transaction, writes an
audit event and the child's chronology entry, and raises a typed error (`errors.py`) when
the record is not in a state that allows it.
"""
