"""Brute-force lockout for signing in, built so that nobody can lock someone else out.

The password step counts failures three ways within 15 minutes:
- one username from one address: 5 failures lock that pair;
- one username from every address together: 20 failures lock the account (the cap across
  addresses, for guessing spread over many addresses);
- one address: only clearly abusive volumes, 300 failures across at least 20 usernames,
  lock the address for every username. A school's shared address, with a pupil guessing
  at a teacher's username, never reaches this.

A lock refuses the password alone, but never a correct password with a correct second factor
typed on the same form (forms.SignInForm): a locked-out member of staff signs in at once,
and a guesser without the second factor learns nothing about the password.

The second-factor step counts only WRONG codes, per account: 10 in 15 minutes stop further
codes for that account for the rest of the window. Successful sign-ins are never counted.
Counters live in the shared "ratelimit" cache (earlyhelp/lib/ratelimit.py).
"""

from earlyhelp.lib import ratelimit

PAIR_LIMIT = 5
ACCOUNT_LIMIT = 20
ADDRESS_LIMIT = 300
ADDRESS_ACCOUNTS = 20
CODE_LIMIT = 10
WINDOW = 15 * 60
LOCK_SECONDS = 15 * 60


def _name(username: str) -> str:
    return username.strip().casefold()


def _pair(username: str, address: str) -> str:
    return f"sign-in:pair:{_name(username)}:{address}"


def _account(username: str) -> str:
    return f"sign-in:account:{_name(username)}"


def _address(address: str) -> str:
    return f"sign-in:address:{address}"


def is_locked(username: str, address: str) -> bool:
    return any(
        ratelimit.is_blocked(key)
        for key in (_pair(username, address), _account(username), _address(address))
    )


def record_failure(username: str, address: str) -> bool:
    """Count a failed password; True if this failure locked the pair, account or address."""
    locked = False
    for key, limit in ((_pair(username, address), PAIR_LIMIT), (_account(username), ACCOUNT_LIMIT)):
        if not ratelimit.hit(key, limit=limit - 1, window=WINDOW):
            ratelimit.block(key, seconds=LOCK_SECONDS)
            locked = True
    if _address_is_abusive(username, address):
        ratelimit.block(_address(address), seconds=LOCK_SECONDS)
        locked = True
    return locked


def _address_is_abusive(username: str, address: str) -> bool:
    failures = ratelimit.count(_address(address), window=WINDOW)
    accounts_key = f"sign-in:address-accounts:{address}"
    if ratelimit.count(f"sign-in:address-account:{address}:{_name(username)}", window=WINDOW) == 1:
        accounts = ratelimit.count(accounts_key, window=WINDOW)
    else:
        accounts = ratelimit.peek(accounts_key)
    return failures >= ADDRESS_LIMIT and accounts >= ADDRESS_ACCOUNTS


def record_success(username: str, address: str) -> None:
    ratelimit.reset(_pair(username, address))


def codes_locked(user_id: int) -> bool:
    """Too many wrong second-factor codes for this account in the window."""
    return ratelimit.peek(f"challenge:{user_id}") >= CODE_LIMIT


def record_wrong_code(user_id: int) -> None:
    ratelimit.count(f"challenge:{user_id}", window=WINDOW)
