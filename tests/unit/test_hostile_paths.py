"""For any id or name, the URL on the wire stays inside its collection.

The operations are found, not listed: every public function of every ``requests`` and
``actions`` module under :mod:`oscloud.openstack` that takes a service client first. Each
is called once with plain arguments (its *baseline*), with a marker string in one of its
string parameters; then with a hostile value (``..``, ``a/../b``, ``%2E%2E``, ``?``,
``#``, whitespace, unicode, and whatever hypothesis makes of them) in the marker's place.

What the loopback server received, raw, must be the baseline's path with only the
marker's slot changed, and that slot must decode to exactly the value and hold no
``.`` or ``..`` segment, which a hop that normalises paths would act on. Or the operation
refuses the value before sending anything, with an oscloud error, a ``ValueError`` or a
``TypeError`` that says what is wrong. Operations that only build a URL (temporary URLs,
form posts) are checked on the URL they return.
"""

from __future__ import annotations

import functools
import inspect
import re
import types
import typing
import warnings
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import unquote, urlsplit

import attrs
import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oscloud import RetryPolicy, errors
from oscloud.pagination import Pager
from oscloud.provider import ProviderClient
from oscloud.service import ServiceClient
from tests.unit.helpers.identity import TOKEN_ID
from tests.unit.helpers.operations import key, operations, sample
from tests.unit.helpers.server import FakeServer, Reply

#: Where each service's client points on the loopback server, by package (a package not
#: listed gets ``/<package>/v1``).
SERVICES = {
    "compute": ("compute", "/compute/v2.1"),
    "blockstorage": ("block-storage", "/volume/v3/9c1d"),
    "objectstorage": ("object-store", "/object/v1/AUTH_9c1d"),
    "identity": ("identity", "/identity/v3"),
}

#: Operations that wait or poll: their requests are those of ``get`` and ``list``.
SKIPPED = frozenset({"wait_for_status", "wait_for_delete"})

#: Arguments the generic samples cannot give, by ``package.function`` and parameter.
ARGUMENTS: dict[tuple[str, str], Any] = {
    ("tempurl.generate", "method"): "GET",
    ("tempurl.generate", "expires"): 600,
    ("backups.reset_status", "status"): "available",
    ("snapshots.reset_status", "status"): "available",
    ("objects.upload_file", "path"): __file__,
}

#: Parameters that take a string but neither a name nor an id.
NOT_NAMES = frozenset({"method"})

#: Values the brief of issue 11 names, and their relatives.
HOSTILE = [
    ".",
    "..",
    "a/../b",
    "../../AUTH_other/c/o",
    "x/.",
    "%2E%2E",
    "%2F",
    "%",
    "a?b=c#d",
    " a\tb ",
    "a\r\nX-Injected: 1",
    "é/日本語",
    "\x00",
    "\ud800",
]

MARKER = "M4rk3r"


# -- the operations, found in the packages -----------------------------------------


def _admits_str(annotation: Any) -> bool:
    """A name or an id: ``str``, or ``str | int``; not a path, a key or an iterable."""
    if annotation is str:
        return True
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    return (
        origin in (typing.Union, types.UnionType)
        and str in args
        and all(a in (str, int, type(None)) for a in args)
    )


@attrs.frozen
class Case:
    """One string parameter of one operation."""

    operation: Callable[..., Any]
    param: str

    @property
    def id(self) -> str:
        return f"{key(self.operation)}:{self.param}"

    @property
    def service(self) -> str:
        return self.operation.__module__.split(".")[2]


def _cases() -> list[Case]:
    cases = []
    for operation in operations():
        if operation.__name__ in SKIPPED:
            continue
        hints = typing.get_type_hints(operation)
        for name, param in inspect.signature(operation).parameters.items():
            if (
                name not in ("client", *NOT_NAMES)
                and _admits_str(hints.get(name))
                and (param.default is param.empty or isinstance(param.default, str))
            ):
                cases.append(Case(operation, name))
    return cases


CASES = _cases()


# -- arguments ----------------------------------------------------------------------


@functools.cache
def _others(case: Case) -> dict[str, Any]:
    """The case's other arguments: the required ones, and those :data:`ARGUMENTS` sets."""
    operation = case.operation
    hints = typing.get_type_hints(operation)
    kwargs: dict[str, Any] = {}
    for name, param in inspect.signature(operation).parameters.items():
        if name in ("client", case.param):
            continue
        if (key(operation), name) in ARGUMENTS:
            kwargs[name] = ARGUMENTS[(key(operation), name)]
        elif param.default is param.empty:
            kwargs[name] = sample(name, hints.get(name))
    return kwargs


def _arguments(case: Case, value: str) -> dict[str, Any]:
    return {**_others(case), case.param: value}


# -- calling ------------------------------------------------------------------------


@attrs.frozen
class Outcome:
    """What one call did: the paths the server received (or the URL it returned), or
    the error that refused the input before anything was sent."""

    paths: list[str]
    error: BaseException | None


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeServer]:
    with FakeServer() as server:
        yield server


_PROVIDERS: dict[str, ProviderClient] = {}


def _client(fake: FakeServer, case: Case, microversion: str | None) -> ServiceClient:
    """A client of the case's service: one provider (one pooled session) per server."""
    provider = _PROVIDERS.get(fake.url)
    if provider is None:
        provider = ProviderClient(
            identity_endpoint=fake.url + "/identity/v3/",
            timeout=(5.0, 5.0),
            retry=RetryPolicy(max_attempts=1, sleep=lambda _: None),
        )
        provider.set_token(TOKEN_ID)
        provider.session.trust_env = False  # no proxy look-ups: thousands of calls
        _PROVIDERS[fake.url] = provider
    # A service not listed (a new one) gets an endpoint of its own name.
    service_type, path = SERVICES.get(case.service, (case.service, f"/{case.service}/v1"))
    client = ServiceClient(provider=provider, endpoint=fake.url + path, type=service_type)
    return client.with_microversion(microversion)


def _call(fake: FakeServer, case: Case, value: str, microversion: str | None) -> Outcome:
    before = len(fake.requests)
    error: BaseException | None = None
    returned: Any = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # deprecated APIs too
            returned = case.operation(_client(fake, case, microversion), **_arguments(case, value))
        if isinstance(returned, Pager):
            next(iter(returned), None)
        elif isinstance(getattr(returned, "err", None), BaseException):
            error = returned.err
    except Exception as err:  # the test judges every exception below
        error = err
    paths = [request.path for request in fake.requests[before:]]
    url = returned if isinstance(returned, str) else getattr(returned, "url", None)
    if not paths and isinstance(url, str):
        paths = [urlsplit(url).path]
    return Outcome(paths, error)


_MICROVERSIONS: dict[str, str | None] = {}


def _baseline(fake: FakeServer, case: Case) -> Outcome:
    """The call with the marker, at a microversion the operation accepts."""
    version = _MICROVERSIONS.get(case.id)
    for _ in range(4):
        outcome = _call(fake, case, MARKER, version)
        if not isinstance(outcome.error, errors.MicroversionError):
            _MICROVERSIONS[case.id] = version
            return outcome
        needed = re.search(r"microversion (\d+\.\d+) or later", str(outcome.error))
        assert needed, outcome.error
        version = needed.group(1)
    pytest.fail(f"{case.id}: no microversion is accepted")


# -- judging ------------------------------------------------------------------------


_PATH_CHARS = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*")


def _check(case: Case, baseline: Outcome, value: str, outcome: Outcome) -> None:
    if not outcome.paths:
        assert outcome.error is not None, f"{case.id}({value!r}) sent nothing and said nothing"
        assert isinstance(outcome.error, (errors.OSCloudError, ValueError, TypeError)), (
            f"{case.id}({value!r}) raised {type(outcome.error).__name__}: {outcome.error}"
        )
        message = str(outcome.error)
        assert (
            case.param.replace("_", " ") in message.replace("_", " ")
            or repr(value)[1:-1] in message
            or "path segment" in message
        ), f"{case.id}({value!r}): the error names neither the input nor the value: {message}"
        return
    assert len(outcome.paths) == len(baseline.paths) or not baseline.paths
    for sent, expected in zip(outcome.paths, baseline.paths, strict=False):
        _check_path(case, value, sent, expected)


def _check_path(case: Case, value: str, sent: str, expected: str) -> None:
    where = f"{case.id}({value!r}) sent {sent!r}"
    assert _PATH_CHARS.fullmatch(sent), f"{where}: not a well-escaped path"
    assert not {".", ".."} & set(sent.split("/")), f"{where}: a dot segment"
    if MARKER not in expected:
        assert sent == expected, f"{where}, not {expected!r}: the value moved the path"
        return
    prefix, _, suffix = expected.partition(MARKER)
    assert sent.startswith(prefix) and sent.endswith(suffix), f"{where}: outside {prefix!r}"
    slot = sent[len(prefix) : len(sent) - len(suffix)]
    assert unquote(slot) == value, f"{where}: the value arrived as {unquote(slot)!r}"


# -- the tests ----------------------------------------------------------------------


def test_every_service_has_operations_with_names_in_their_paths(fake: FakeServer) -> None:
    in_path = {
        case.service for case in CASES if any(MARKER in p for p in _baseline(fake, case).paths)
    }

    assert in_path >= set(SERVICES) - {"identity"}  # identity's ids travel in headers
    assert len(CASES) >= 250


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_hostile_names_stay_inside_or_are_refused(fake: FakeServer, case: Case) -> None:
    baseline = _baseline(fake, case)
    assert baseline.paths, f"{case.id}: the baseline call sent nothing ({baseline.error!r})"
    version = _MICROVERSIONS[case.id]

    for value in HOSTILE:
        _check(case, baseline, value, _call(fake, case, value, version))


_PIECES = st.sampled_from(
    [".", "..", "/", "%", "%2E", "%2e", "%2F", "2E", "?", "#", " ", "\t", "é", "日", "a", "~"]
)
_VALUES = st.one_of(st.lists(_PIECES, min_size=1, max_size=6).map("".join), st.text(max_size=8))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(CASES), value=_VALUES)
def test_any_name_stays_inside_or_is_refused(fake: FakeServer, case: Case, value: str) -> None:
    baseline = _baseline(fake, case)

    outcome = _call(fake, case, value, _MICROVERSIONS[case.id])

    _check(case, baseline, value, outcome)


def test_object_names_reach_the_wire_escaped_exactly(fake: FakeServer) -> None:
    case = next(c for c in CASES if c.id == "objects.get:object_name")
    baseline = _baseline(fake, case)

    outcome = _call(fake, case, "../../AUTH_other/c/o", _MICROVERSIONS[case.id])

    assert baseline.paths == [f"/object/v1/AUTH_9c1d/container-1/{MARKER}"]
    assert outcome.paths == ["/object/v1/AUTH_9c1d/container-1/%2E%2E/%2E%2E/AUTH_other/c/o"]


# -- the transport sends the path it is given ------------------------------------------


@pytest.mark.parametrize("own_session", [True, False], ids=["own", "caller's"])
def test_escapes_in_a_path_reach_the_wire_as_they_were_written(
    server: FakeServer, own_session: bool
) -> None:
    session = None if own_session else requests.Session()
    provider = ProviderClient(session=session, retry=RetryPolicy(max_attempts=1))
    path = "/object/v1/AUTH_9c1d/c/%2E%2E/%2E/%7Euser/%41%2D%5F/a%20b/%252E"
    server.route("GET", path, Reply(200, b"ok"))

    # urllib3 writes hex digits in upper case, which means the same.
    written = path.replace("/%2E/%7E", "/%2e/%7e")
    response = provider.request("GET", server.url + written, params={"marker": "%2E"})

    (received,) = server.received("GET", path)
    assert received.raw_query == "marker=%252E"
    assert response.content == b"ok"


def test_a_path_requests_must_escape_is_escaped_once(server: FakeServer) -> None:
    provider = ProviderClient(retry=RetryPolicy(max_attempts=1))
    server.route("GET", "/x/a%20b/%C3%A9/%2E%2E", Reply(200, b"ok"))

    provider.request("GET", server.url + "/x/a b/é/%2E%2E")

    assert [r.path for r in server.requests] == ["/x/a%20b/%C3%A9/%2E%2E"]
