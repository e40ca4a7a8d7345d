"""The load test's simulated people: families searching and staff logging concerns.

Each person is a thread with its own `requests.Session` (its own cookies), going through
its journey again and again until the deadline, with a think time between pages. Every
request is one named step; a step fails unless it answers the expected status and the
page is the one expected (its <title>, and what the step must show), so being sent to
sign in or shown a form's errors counts as an error. After an error the person starts
the journey again (staff whose sign-in fails stop: a retry would only count to a lockout).
"""

import random
import re
import statistics
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode, urljoin

import requests
from django_otp.oath import TOTP

TIMEOUT = 30  # seconds: a request slower than this is an error
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SERVICE_LINK = re.compile(r'href="/directory/(\d+)/')
LOGGED = re.compile(r"/concerns/(\d+)/logged/$")
WORDS = [
    "young carers",
    "bereavement",
    "anxiety",
    "autism",
    "domestic abuse",
    "self harm",
    "parenting",
    "food",
    "counselling",
    "speech and language",
    "bullying",
    "mental health",
    "family support",
    "",
]


@dataclass(frozen=True)
class Child:
    id: int
    surname: str


@dataclass(frozen=True)
class StaffLogin:
    username: str
    password: str
    key: bytes  # the authenticator app's secret
    last_t: int  # the time step of the code that confirmed the app (never accepted again)
    school: str
    dsl: bool


@dataclass(frozen=True)
class Target:
    base: str  # http://127.0.0.1:<port>
    staff: list[StaffLogin]
    children: dict[str, list[Child]]  # school slug -> pupils
    schools: list[str]  # slugs with a published Offer
    services: list[int]  # ids of services a family can open
    topics: list[str]


class StepError(Exception):
    pass


@dataclass
class Results:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    examples: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, step: str, ms: float, error: str | None) -> None:
        with self.lock:
            self.times[step].append(ms)
            if error is not None:
                self.errors[step] += 1
                if len(self.examples) < 10:
                    self.examples.append(f"{step}: {error}")

    def table(self, seconds: float) -> str:
        lines = [f"  {'step':<28}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}"]
        total = 0
        for step, times in sorted(self.times.items(), key=_group):
            total += len(times)
            p95 = statistics.quantiles(times, n=20, method="inclusive")[18] if times[1:] else 0
            lines.append(
                f"  {step:<28}{len(times):>9}{self.errors.get(step, 0):>8}"
                f"{statistics.median(times):>9.0f}{p95:>9.0f}"
            )
        errors = sum(self.errors.values())
        lines.append(f"  {total} requests, {errors} errors, {total / seconds:.1f} requests/s")
        return "\n".join(lines)


def _group(item: tuple[str, list[float]]) -> int:
    """Families' steps first, then staff, then DSLs; each in the order first taken."""
    return ["family", "staff", "dsl"].index(item[0].split(":")[0])


class Person:
    def __init__(self, target: Target, results: Results, deadline: float, seed: int) -> None:
        self.target = target
        self.results = results
        self.deadline = deadline
        self.random = random.Random(seed)
        self.session = requests.Session()
        self.think = (1.0, 3.0)

    def run(self, journey: Callable[[], None], start_after: float) -> None:
        time.sleep(start_after)
        while time.monotonic() < self.deadline:
            try:
                journey()
            except StepError:
                if isinstance(self, Staff) and not self.signed_in:
                    return
        self.session.close()

    def pause(self) -> None:
        left = self.deadline - time.monotonic()
        time.sleep(max(0.0, min(self.random.uniform(*self.think), left)))
        if time.monotonic() >= self.deadline:
            raise _Stop

    def call(
        self,
        step: str,
        path: str,
        *,
        data: dict[str, object] | None = None,
        status: int = 200,
        title: str = "",
        shows: str | re.Pattern[str] = "",
    ) -> requests.Response:
        url = urljoin(self.target.base, path)
        started = time.perf_counter()
        error = None
        try:
            if data is None:
                response = self.session.get(url, allow_redirects=False, timeout=TIMEOUT)
            else:
                response = self.session.post(url, data=data, allow_redirects=False, timeout=TIMEOUT)
            error = _check(response, status=status, title=title, shows=shows)
        except requests.RequestException as failure:
            error = f"{type(failure).__name__}: {failure}"
        self.results.record(step, (time.perf_counter() - started) * 1000, error)
        if error is not None:
            raise StepError(error)
        return response


class _Stop(StepError):
    """The deadline passed during a think time: no more requests."""


def _check(response: requests.Response, *, status: int, title: str, shows: object) -> str | None:
    where = f"{response.request.method} {response.request.path_url} -> {response.status_code}"
    if response.status_code != status:
        return f"{where}, expected {status} (location {response.headers.get('Location', '-')})"
    if status != 200:
        return None
    text = response.text
    if title and f"<title>{title}" not in text:
        found = re.search(r"<title>([^<]*)", text)
        return f"{where}, title {found.group(1) if found else '?'!r}, expected {title!r}"
    if isinstance(shows, re.Pattern) and not shows.search(text):
        return f"{where}, page lacks {shows.pattern!r}"
    if isinstance(shows, str) and shows not in text:
        return f"{where}, page lacks {shows!r}"
    return None


def _token(response: requests.Response) -> str:
    found = TOKEN.search(response.text)
    if found is None:
        raise StepError("no CSRF token in the form")
    return found.group(1)


def _location(response: requests.Response, ends: str | re.Pattern[str]) -> str:
    location = response.headers.get("Location", "")
    path = location.split("?")[0]
    ok = ends.search(path) if isinstance(ends, re.Pattern) else path.endswith(ends)
    if not ok:
        raise StepError(f"redirected to {location!r}, expected {ends!r}")
    return location


class Family(Person):
    """Home, a directory search with words and filters, a service, a school's Offer."""

    def journey(self) -> None:
        self.call("family: home", "/", title="Early help for children and families")
        self.pause()
        found = self.call("family: search", f"/directory/?{self._query()}", title="Find support")
        self.pause()
        ids = SERVICE_LINK.findall(found.text) or self.target.services
        self.call("family: service", f"/directory/{self.random.choice(ids)}/", shows="<h1")
        self.pause()
        slug = self.random.choice(self.target.schools)
        self.call("family: school Offer", f"/schools/{slug}/", title="", shows="Early Help Offer")
        self.pause()

    def _query(self) -> str:
        params: dict[str, object] = {"q": self.random.choice(WORDS)}
        if self.random.random() < 0.5:
            params["topics"] = self.random.sample(self.target.topics, self.random.randint(1, 2))
        if self.random.random() < 0.4:
            params["age"] = self.random.randint(0, 18)
        if self.random.random() < 0.3:
            params["open_now"] = "on"
        return urlencode(params, doseq=True)


class Staff(Person):
    """Sign in once (password, then the app's code); then log concerns and read "Your
    concerns". A DSL also reads the inbox and the child's chronology, and decides on the
    concern they logged (their own, so two DSLs never race for one concern)."""

    def __init__(
        self, login: StaffLogin, target: Target, results: Results, deadline: float, seed: int
    ) -> None:
        super().__init__(target, results, deadline, seed)
        self.login = login
        self.signed_in = False

    def journey(self) -> None:
        if not self.signed_in:
            self.sign_in()
            self.signed_in = True
            self.pause()
        if self.login.dsl:
            self.read_records()
        concern = self.log_concern()
        if self.login.dsl:
            self.decide(concern)

    def sign_in(self) -> None:
        page = self.call("staff: sign-in page", "/staff/sign-in/", title="Sign in")
        posted = self.call(
            "staff: sign in (password)",
            "/staff/sign-in/",
            data={
                "csrfmiddlewaretoken": _token(page),
                "username": self.login.username,
                "password": self.login.password,
            },
            status=302,
        )
        challenge = self.call(
            "staff: two-factor page",
            _location(posted, "/staff/two-factor/"),
            title="Check it is you",
        )
        answered = self.call(
            "staff: sign in (code)",
            "/staff/two-factor/?next=/staff/",
            data={
                "csrfmiddlewaretoken": _token(challenge),
                "code": self._code(),
                "next": "/staff/",
            },
            status=302,
        )
        if self.login.dsl:  # asked to add a passkey; they carry on to the staff home
            _location(answered, "/staff/two-factor/passkey/")
        else:
            _location(answered, "/staff/")
        self.call("staff: home", "/staff/", title="Your schools")

    def _code(self) -> str:
        totp = TOTP(self.login.key, step=30, t0=0, digits=6, drift=0)
        totp.time = time.time()
        if totp.t() <= self.login.last_t:  # the confirming code's step is never accepted again
            totp.time += 30 * (self.login.last_t + 1 - totp.t())
        return f"{totp.token():06d}"

    def log_concern(self) -> int:
        """The common case on one page: the pupil ticked from a search of the roll."""
        school = f"/staff/schools/{self.login.school}/concerns"
        child = self.random.choice(self.target.children[self.login.school])
        self.call("staff: log concern (start)", f"{school}/new/", title="Log a concern")
        self.pause()
        found = self.call(
            "staff: find pupil",
            f"{school}/new/?{urlencode({'q': child.surname})}",
            title="Log a concern",
            shows=re.compile(rf'value="{child.id}"'),
        )
        self.pause()
        logged = self.call(
            "staff: log concern (save)",
            f"{school}/new/",
            data=self._concern(_token(found), child),
            status=302,
        )
        concern = int(LOGGED.findall(_location(logged, LOGGED))[0])
        self.call("staff: concern logged", f"{school}/{concern}/logged/", title="Concern logged")
        self.pause()
        self.call(
            "staff: your concerns",
            f"{school}/",
            title="Your concerns",
            shows=f"open concern {concern}<",
        )
        self.pause()
        return concern

    def _concern(self, token: str, child: Child) -> dict[str, object]:
        today = date.today()
        return {
            "csrfmiddlewaretoken": token,
            "ticked": str(child.id),
            "account": "A fictional account for the load test: what was seen and said, "
            "in the child's own words, written as a member of staff would.",
            "occurred_on_0": str(today.day),
            "occurred_on_1": str(today.month),
            "occurred_on_2": str(today.year),
            "occurred_time": "",
            "location": "Classroom 4",
            "categories": self.random.sample(["neglect", "bullying", "mental_health"], 1),
            "action_taken": "Listened and reassured them.",
            "told_dsl": "no",
            "told_dsl_who": "",
        }

    def read_records(self) -> None:
        school = f"/staff/schools/{self.login.school}"
        self.call("dsl: inbox", f"{school}/concerns/inbox/", title="Inbox")
        self.pause()
        child = self.random.choice(self.target.children[self.login.school])
        self.call(
            "dsl: chronology", f"{school}/children/{child.id}/chronology/", title="Chronology:"
        )
        self.pause()

    def decide(self, concern: int) -> None:
        school = f"/staff/schools/{self.login.school}"
        self.call("dsl: concern", f"{school}/concerns/{concern}/", title=f"Concern {concern} ")
        page = self.call(
            "dsl: triage form",
            f"{school}/concerns/{concern}/triage/",
            title=f"Decide on concern {concern}",
        )
        self.pause()
        decided = self.call(
            "dsl: triage (save)",
            f"{school}/concerns/{concern}/triage/",
            data={
                "csrfmiddlewaretoken": _token(page),
                "outcome": "monitor",
                "reason": "Monitor: the load test's fictional reason for the decision.",
                "service_name": "",
                "link_pupil": "",
                "link_part": "subject",
            },
            status=302,
        )
        _location(decided, "/concerns/inbox/")
        self.call(
            "dsl: inbox", f"{school}/concerns/inbox/", title="Inbox", shows=f"concern {concern}<"
        )
        self.pause()
