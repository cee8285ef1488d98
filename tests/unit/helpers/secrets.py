"""Every secret the unit tests hand to oscloud, in one place: what the secret scan looks for.

The autouse fixture of ``tests/unit/conftest.py`` fails a test in which any of
:data:`KNOWN_SECRETS` appears in a log record, a warning or the text of an exception the
test saw. Give a new test a secret from here (or add it here) so that a leak is found.
A secret is distinctive on purpose: a substring search must find it and nothing else.
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from oscloud.errors import OSCloudError

#: The password of the ``auth_options`` fixture and of the fake Keystone's users.
PASSWORD = "s3cret-password"
#: The token of the ``provider`` fixture; the fake Keystone issues ``TOKEN_ID-<n>``.
TOKEN_ID = "gAAAAABfake-token-0001"
#: An application credential secret.
APP_CREDENTIAL_SECRET = "rEaqvJka48mpv-app-credential-Sekr1t"
#: A TOTP passcode (six digits, as Keystone's).
TOTP_PASSCODE = "830512"
#: A temp-URL key of an account or container.
TEMP_URL_KEY = "s3cr3t-temp-url-key"

#: What every secret written in a test module contains, so that one search finds them all.
MARKER = "Sekr1t"

#: The secrets written in test modules and fixtures elsewhere (kept there, listed here).
ELSEWHERE = (
    "gAAAAAtoken-Sekr1t-0002",  # test_auth.py
    "rEaqvJka48mpv",  # identity v3 tokens: an application credential secret
    "old-v2-token",  # identity v2.0 tokens: token authentication
    "gAAAAservice-token",  # test_provider_redirects.py: X-Service-Token
    "gAAAAsubject",  # test_provider_redirects.py: X-Subject-Token
    "gAAAAstill-good",  # test_provider_reauth.py
    "another-token",  # test_service.py
    "container-key",  # object storage containers: X-Container-Meta-Temp-URL-Key
    "MySecretPass",  # compute servers: an adminPass
)

#: Every secret the scan looks for.
KNOWN_SECRETS: tuple[str, ...] = (
    PASSWORD,
    TOKEN_ID,
    APP_CREDENTIAL_SECRET,
    TOTP_PASSCODE,
    TEMP_URL_KEY,
    MARKER,
    *ELSEWHERE,
)


def found_in(text: str) -> list[str]:
    """The known secrets that ``text`` contains."""
    return [secret for secret in KNOWN_SECRETS if secret in text]


def shown_without_secrets(text: str, limit: int = 300) -> str:
    """``text`` with each known secret replaced by a placeholder, cut to ``limit``."""
    for index, secret in enumerate(KNOWN_SECRETS):
        text = text.replace(secret, f"<known secret #{index}>")
    return text if len(text) <= limit else text[:limit] + "…"


class SecretScan:
    """What one test produced that could show a secret: exceptions, warnings, log records.

    Every :class:`~oscloud.errors.OSCloudError` built during the test is recorded (by
    wrapping its ``__init__``), and every exception ``pytest.raises`` caught; warnings are
    recorded and shown again afterwards, so that pytest still reports them. :meth:`leaks`
    reads their text, their string attributes (``message``, ``body``, ``reason``…) and
    the exceptions chained to them, which a traceback would print.
    """

    def __init__(self) -> None:
        self.exceptions: list[BaseException] = []
        self.warnings: list[warnings.WarningMessage] = []

    @contextlib.contextmanager
    def watching(self) -> Iterator[None]:
        """Record while the test runs (its setup, call and teardown)."""
        built = self.exceptions
        original_init = OSCloudError.__init__

        def recording_init(error: OSCloudError, *args: object) -> None:
            original_init(error, *args)
            built.append(error)

        original_raises = pytest.raises

        def recording_raises(*args: Any, **kwargs: Any) -> Any:
            caught = original_raises(*args, **kwargs)
            if isinstance(caught, pytest.ExceptionInfo):  # the function form
                built.append(caught.value)
                return caught
            return _RecordingRaises(caught, built)

        OSCloudError.__init__ = recording_init  # type: ignore[method-assign]
        pytest.raises = recording_raises
        try:
            with warnings.catch_warnings(record=True) as shown:
                try:
                    yield
                finally:
                    self.warnings = list(shown)
        finally:
            OSCloudError.__init__ = original_init  # type: ignore[method-assign]
            pytest.raises = original_raises
        for message in self.warnings:  # shown again, for pytest's own report
            warnings.warn_explicit(
                message.message, message.category, message.filename, message.lineno
            )

    def leaks(self, records: Iterable[logging.LogRecord]) -> list[str]:
        """Where a known secret appeared, each place described without the secret."""
        found = []
        for record in records:
            text = record.getMessage() + "\n" + (record.exc_text or "")
            if found_in(text):
                found.append(f"log record {record.name}:{record.levelname}: {text}")
        for message in self.warnings:
            if found_in(str(message.message)):
                found.append(f"warning {message.category.__name__}: {message.message}")
        for exception in self.exceptions:
            for chained in _chain(exception):
                for text in _texts(chained):
                    if found_in(text):
                        found.append(f"exception {type(chained).__name__}: {text}")
        return [shown_without_secrets(place) for place in dict.fromkeys(found)]


class _RecordingRaises:
    """``pytest.raises(...)`` as a context manager, remembering what it caught."""

    def __init__(self, context: Any, seen: list[BaseException]) -> None:
        self._context = context
        self._seen = seen

    def __enter__(self) -> Any:
        return self._context.__enter__()

    def __exit__(self, kind: Any, value: BaseException | None, traceback: Any) -> Any:
        if value is not None:
            self._seen.append(value)
        return self._context.__exit__(kind, value, traceback)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._context, name)


def _chain(exception: BaseException) -> Iterator[BaseException]:
    """``exception`` and the exceptions a traceback of it shows (causes, contexts)."""
    pending, seen = [exception], set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if current.__cause__ is not None:
            pending.append(current.__cause__)
        elif current.__context__ is not None and not current.__suppress_context__:
            pending.append(current.__context__)


def _texts(exception: BaseException) -> Iterator[str]:
    """The texts an exception shows: ``str``, ``repr``, notes and string attributes."""
    yield str(exception)
    yield repr(exception)
    yield from getattr(exception, "__notes__", ())
    for value in getattr(exception, "__dict__", {}).values():
        if isinstance(value, str):
            yield value
