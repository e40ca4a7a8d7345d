"""Brute-force lockout for the sign-in form, by (username, address) pair and by address.

Five failed sign-ins for one username from one address within 15 minutes lock that pair
for 15 minutes; the same person signs in from another address (their school) unaffected,
so nobody can lock a colleague out from elsewhere. An address that fails 50 times across
any usernames in 15 minutes is locked for every username for 15 minutes. Counters live in
the shared "ratelimit" cache (earlyhelp/lib/ratelimit.py).
"""

from earlyhelp.lib import ratelimit

PAIR_LIMIT = 5
ADDRESS_LIMIT = 50
WINDOW = 15 * 60
LOCK_SECONDS = 15 * 60


def _pair(username: str, address: str) -> str:
    return f"sign-in:pair:{username.strip().casefold()}:{address}"


def _address(address: str) -> str:
    return f"sign-in:address:{address}"


def is_locked(username: str, address: str) -> bool:
    return ratelimit.is_blocked(_pair(username, address)) or ratelimit.is_blocked(_address(address))


def record_failure(username: str, address: str) -> bool:
    """Count a failed sign-in; True if this failure locked the pair or the address."""
    locked = False
    if not ratelimit.hit(_pair(username, address), limit=PAIR_LIMIT - 1, window=WINDOW):
        ratelimit.block(_pair(username, address), seconds=LOCK_SECONDS)
        locked = True
    if not ratelimit.hit(_address(address), limit=ADDRESS_LIMIT - 1, window=WINDOW):
        ratelimit.block(_address(address), seconds=LOCK_SECONDS)
        locked = True
    return locked


def record_success(username: str, address: str) -> None:
    ratelimit.reset(_pair(username, address))
