"""Authentication options: who you are, how you prove it, and what the token is scoped to."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import attrs

from oscloud._redact import remember_secrets
from oscloud.errors import InvalidAuthOptionsError

__all__ = ["AuthOptions", "Scope", "check_token"]

_SENDABLE_TOKEN = r"[\x21-\x7e]+"  # compiled on first use, by the re module's cache


@attrs.frozen(kw_only=True)
class Scope:
    """What a token is scoped to: a project, a domain, the system, or nothing.

    Build one with the class methods rather than by hand.

    Example:
        >>> Scope.project(name="demo", domain_name="Default")
        Scope(project_id=None, project_name='demo', domain_id=None, domain_name='Default', system=False, unscoped=False)
        >>> Scope.domain(id="default").kind
        'domain'
    """  # noqa: E501

    project_id: str | None = None
    project_name: str | None = None
    domain_id: str | None = None
    domain_name: str | None = None
    system: bool = False
    unscoped: bool = False

    @classmethod
    def project(
        cls,
        *,
        id: str | None = None,
        name: str | None = None,
        domain_id: str | None = None,
        domain_name: str | None = None,
    ) -> Scope:
        """Scope to a project by id, or by name and the project's domain.

        Example:
            >>> Scope.project(id="a1b2").kind
            'project'
        """
        if not (id or name):
            raise InvalidAuthOptionsError(
                "Scope.project: give id, or name with the project's domain"
            )
        scope = cls(project_id=id, project_name=name, domain_id=domain_id, domain_name=domain_name)
        scope.validate()
        return scope

    @classmethod
    def domain(cls, *, id: str | None = None, name: str | None = None) -> Scope:
        """Scope to a domain by id or by name.

        Example:
            >>> Scope.domain(name="Default").domain_name
            'Default'
        """
        if not (id or name):
            raise InvalidAuthOptionsError("Scope.domain: give id or name")
        scope = cls(domain_id=id, domain_name=name)
        scope.validate()
        return scope

    @classmethod
    def system_all(cls) -> Scope:
        """Scope to the whole deployment (``{"system": {"all": true}}``).

        Example:
            >>> Scope.system_all().kind
            'system'
        """
        return cls(system=True)

    @classmethod
    def none(cls) -> Scope:
        """Ask explicitly for an unscoped token (no default project either).

        Example:
            >>> Scope.none().kind
            'unscoped'
        """
        return cls(unscoped=True)

    @property
    def kind(self) -> str:
        """``project``, ``domain``, ``system`` or ``unscoped``.

        Example:
            >>> Scope(project_id="p").kind
            'project'
        """
        if self.unscoped:
            return "unscoped"
        if self.system:
            return "system"
        if self.project_id or self.project_name:
            return "project"
        if self.domain_id or self.domain_name:
            return "domain"
        return "unscoped"

    def validate(self) -> None:
        """Raise :class:`InvalidAuthOptionsError` if the fields do not make one scope.

        Example:
            >>> Scope(project_id="p", project_name="n").validate()
            Traceback (most recent call last):
            ...
            oscloud.errors.InvalidAuthOptionsError: Scope: give project_id or project_name, not both
        """
        _one_of("Scope", project_id=self.project_id, project_name=self.project_name)
        _one_of("Scope", domain_id=self.domain_id, domain_name=self.domain_name)
        kinds = [
            k
            for k, given in (
                ("project", bool(self.project_id or self.project_name)),
                ("system", self.system),
                ("unscoped", self.unscoped),
            )
            if given
        ]
        if len(kinds) > 1:
            raise InvalidAuthOptionsError(f"Scope: {' and '.join(kinds)} cannot be combined")
        if self.project_name and not (self.domain_id or self.domain_name):
            raise InvalidAuthOptionsError(
                "Scope: project_name needs the project's domain_id or domain_name"
            )
        if self.project_id and (self.domain_id or self.domain_name):
            raise InvalidAuthOptionsError(
                "Scope: project_id names the project on its own; leave domain_id and "
                "domain_name unset"
            )
        if (self.system or self.unscoped) and (self.domain_id or self.domain_name):
            raise InvalidAuthOptionsError(f"Scope: a {self.kind} scope takes no domain")


def is_http_url(url: str) -> bool:
    """Whether ``url`` is an absolute ``http``/``https`` URL with a host.

    Example:
        >>> is_http_url("https://keystone.example:5000/v3"), is_http_url("keystone/v3")
        (True, False)
    """
    try:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


def check_token(what: str, token: object) -> str:
    r"""Check that ``token`` can be sent as an HTTP header value; return it.

    A token is printable ASCII without spaces, as Keystone's (Fernet, JWS, UUID) are. One
    with a line break, a space, a control character or a non-ASCII letter (a stray
    ``"\n"`` read from a file) is refused here, before anything is sent: sent, it would
    be refused by requests with a message that quotes it, or split the header. The
    message names ``what`` and never shows the token.

    Raises:
        InvalidAuthOptionsError: ``token`` is empty, not a string, or cannot be sent.

    Example:
        >>> check_token("the token", "gAAAAABfake")
        'gAAAAABfake'
        >>> check_token("the token", "gAAAAABfake\n")
        Traceback (most recent call last):
        ...
        oscloud.errors.InvalidAuthOptionsError: the token cannot be sent in an HTTP header: it has a space, a line break, a control character or a non-ASCII character (the token is not shown)
    """  # noqa: E501
    if not isinstance(token, str) or not token:
        shown = "empty" if token == "" or token is None else type(token).__name__
        raise InvalidAuthOptionsError(f"{what} must be a non-empty string, not {shown}")
    if not re.fullmatch(_SENDABLE_TOKEN, token):
        raise InvalidAuthOptionsError(
            f"{what} cannot be sent in an HTTP header: it has a space, a line break, a "
            "control character or a non-ASCII character (the token is not shown)"
        )
    return token


def _one_of(owner: str, **fields: Any) -> None:
    given = [name for name, value in fields.items() if value]
    if len(given) > 1:
        raise InvalidAuthOptionsError(f"{owner}: give {' or '.join(given)}, not both")


@attrs.frozen(init=False)
class AuthOptions:
    """Credentials and scope for authenticating against Keystone.

    Authentication methods (exactly one, except that a TOTP ``passcode`` may be added to a
    password):

    - ``password`` with ``user_id``, or ``username`` and the user's domain
      (``domain_id`` / ``domain_name``; identity v2.0 needs none);
    - ``passcode`` alone (TOTP), with the user as for a password;
    - ``token_id`` (no user fields: the token names the user);
    - ``application_credential_id`` + ``_secret``, or ``application_credential_name`` +
      ``_secret`` + the user (``user_id``, or ``username`` and its domain).

    The scope is ``scope`` (see :class:`Scope`), or else ``project_id`` / ``project_name``
    (``tenant_id`` / ``tenant_name`` are the same fields under their identity v2.0 names),
    a project name's domain being the user's (``domain_id`` / ``domain_name``). Without
    either, Keystone scopes the token to the user's default project, if any. An
    application credential carries its own scope.

    Combinations that cannot work raise :class:`~oscloud.errors.InvalidAuthOptionsError`
    naming the fields, when the options are built; what only one identity version rejects
    (a user name without its domain on v3) is raised by :func:`~oscloud.openstack.authenticate`
    before any request is sent. Secrets (``password``, ``passcode``, ``token_id``,
    ``application_credential_secret``) never appear in ``repr`` nor in error messages:
    while the options live, oscloud masks them in every exception and log line, even
    where a server echoed them back. A ``token_id`` that cannot be sent in a header (see
    :func:`check_token`) is refused.

    Example:
        >>> opts = AuthOptions(identity_endpoint="https://cloud.example:5000/v3",
        ...     username="demo", password="s3cret", domain_name="Default",
        ...     tenant_name="demo")
        >>> opts.project_name, opts.tenant_name
        ('demo', 'demo')
        >>> "s3cret" in repr(opts)
        False
        >>> AuthOptions(identity_endpoint="https://k/v3", user_id="u", username="demo",
        ...             password="pw")
        Traceback (most recent call last):
        ...
        oscloud.errors.InvalidAuthOptionsError: AuthOptions: give user_id or username, not both
    """

    identity_endpoint: str
    user_id: str | None
    username: str | None
    password: str | None = attrs.field(repr=False)
    passcode: str | None = attrs.field(repr=False)
    domain_id: str | None
    domain_name: str | None
    project_id: str | None
    project_name: str | None
    scope: Scope | None
    allow_reauth: bool
    token_id: str | None = attrs.field(repr=False)
    application_credential_id: str | None
    application_credential_name: str | None
    application_credential_secret: str | None = attrs.field(repr=False)

    def __init__(
        self,
        *,
        identity_endpoint: str,
        user_id: str | None = None,
        username: str | None = None,
        password: str | None = None,
        passcode: str | None = None,
        domain_id: str | None = None,
        domain_name: str | None = None,
        project_id: str | None = None,
        project_name: str | None = None,
        tenant_id: str | None = None,
        tenant_name: str | None = None,
        scope: Scope | None = None,
        allow_reauth: bool = True,
        token_id: str | None = None,
        application_credential_id: str | None = None,
        application_credential_name: str | None = None,
        application_credential_secret: str | None = None,
    ) -> None:
        remember_secrets(self, password, passcode, token_id, application_credential_secret)
        self.__attrs_init__(
            identity_endpoint=identity_endpoint,
            user_id=user_id or None,
            username=username or None,
            password=password or None,
            passcode=passcode or None,
            domain_id=domain_id or None,
            domain_name=domain_name or None,
            project_id=_alias("project_id", project_id, "tenant_id", tenant_id),
            project_name=_alias("project_name", project_name, "tenant_name", tenant_name),
            scope=scope,
            allow_reauth=allow_reauth,
            token_id=token_id or None,
            application_credential_id=application_credential_id or None,
            application_credential_name=application_credential_name or None,
            application_credential_secret=application_credential_secret or None,
        )
        self._validate()

    @property
    def tenant_id(self) -> str | None:
        """The identity v2.0 name of :attr:`project_id`.

        Example:
            >>> AuthOptions(identity_endpoint="https://k/v3", token_id="t",
            ...             project_id="p1").tenant_id
            'p1'
        """
        return self.project_id

    @property
    def tenant_name(self) -> str | None:
        """The identity v2.0 name of :attr:`project_name`.

        Example:
            >>> AuthOptions(identity_endpoint="https://k/v2.0", token_id="t",
            ...             tenant_name="demo").tenant_name
            'demo'
        """
        return self.project_name

    @property
    def methods(self) -> tuple[str, ...]:
        """The identity v3 authentication methods these options use.

        Example:
            >>> AuthOptions(identity_endpoint="https://k/v3", user_id="u", password="p",
            ...             passcode="123456").methods
            ('password', 'totp')
        """
        if self.token_id:
            return ("token",)
        if self.application_credential_secret:
            return ("application_credential",)
        methods = []
        if self.password:
            methods.append("password")
        if self.passcode:
            methods.append("totp")
        return tuple(methods)

    @property
    def can_reauth(self) -> bool:
        """Whether a fresh token can be requested with these options without the user.

        A token cannot renew itself, and a TOTP passcode is single-use.

        Example:
            >>> AuthOptions(identity_endpoint="https://k/v3", token_id="t").can_reauth
            False
        """
        return self.allow_reauth and not self.token_id and not self.passcode

    def to_token_v3_create_map(self) -> dict[str, Any]:
        """The body of an identity v3 token request (``POST /v3/auth/tokens``).

        Raises:
            InvalidAuthOptionsError: v3 cannot use these options as given.

        Example:
            >>> AuthOptions(identity_endpoint="https://k/v3", user_id="u1", password="pw",
            ...     scope=Scope.system_all()).to_token_v3_create_map()["auth"]["scope"]
            {'system': {'all': True}}
        """
        from oscloud._authbody import v3_body

        return v3_body(self)

    def to_token_v2_create_map(self) -> dict[str, Any]:
        """The body of an identity v2.0 token request (``POST /v2.0/tokens``).

        Example:
            >>> AuthOptions(identity_endpoint="https://k/v2.0", username="u", password="pw",
            ...     tenant_id="t1").to_token_v2_create_map()["auth"]["tenantId"]
            't1'
        """
        from oscloud._authbody import v2_body

        return v2_body(self)

    def effective_scope(self) -> Scope | None:
        """The scope to ask for: ``scope``, else the project fields, else ``None``.

        Example:
            >>> AuthOptions(identity_endpoint="https://k/v3", user_id="u", password="p",
            ...             project_id="p1").effective_scope().project_id
            'p1'
        """
        if self.scope is not None:
            return self.scope
        if self.project_id:
            return Scope(project_id=self.project_id)
        if self.project_name:
            return Scope(
                project_name=self.project_name,
                domain_id=self.domain_id,
                domain_name=None if self.domain_id else self.domain_name,
            )
        return None

    def _validate(self) -> None:
        owner = "AuthOptions"
        if not self.identity_endpoint:
            raise InvalidAuthOptionsError(f"{owner}: identity_endpoint is required")
        if not is_http_url(self.identity_endpoint):
            raise InvalidAuthOptionsError(
                f"{owner}: identity_endpoint must be an absolute http:// or https:// URL with "
                "a host, like https://keystone.example:5000/v3"
            )
        _one_of(owner, user_id=self.user_id, username=self.username)
        _one_of(owner, domain_id=self.domain_id, domain_name=self.domain_name)
        _one_of(owner, project_id=self.project_id, project_name=self.project_name)
        _one_of(
            owner,
            application_credential_id=self.application_credential_id,
            application_credential_name=self.application_credential_name,
        )
        if self.scope is not None:
            if self.project_id or self.project_name:
                raise InvalidAuthOptionsError(
                    f"{owner}: give scope or project_id/project_name (tenant_id/tenant_name), "
                    "not both"
                )
            self.scope.validate()
        self._validate_methods()

    def _validate_methods(self) -> None:
        app_cred = bool(
            self.application_credential_id
            or self.application_credential_name
            or self.application_credential_secret
        )
        given = [
            name
            for name, present in (
                ("token_id", bool(self.token_id)),
                ("application_credential_*", app_cred),
                ("password", bool(self.password)),
                ("passcode", bool(self.passcode)),
            )
            if present
        ]
        if not given:
            raise InvalidAuthOptionsError(
                "AuthOptions: no credentials: give password (with user_id or username), "
                "passcode, token_id, or application_credential_id/_name with "
                "application_credential_secret"
            )
        if len(given) > 1 and given != ["password", "passcode"]:
            raise InvalidAuthOptionsError(
                f"AuthOptions: {' and '.join(given)} cannot be combined; choose one method "
                "(only a password and a TOTP passcode go together)"
            )
        if app_cred:
            self._validate_application_credential()
        elif self.token_id:
            self._validate_token()
        else:
            self._validate_user(" and ".join(given))

    def _validate_application_credential(self) -> None:
        if not self.application_credential_secret:
            raise InvalidAuthOptionsError(
                "AuthOptions: application_credential_secret is required with "
                "application_credential_id or application_credential_name"
            )
        if not (self.application_credential_id or self.application_credential_name):
            raise InvalidAuthOptionsError(
                "AuthOptions: application_credential_secret needs application_credential_id "
                "or application_credential_name"
            )
        if self.application_credential_name and not (self.user_id or self.username):
            raise InvalidAuthOptionsError(
                "AuthOptions: application_credential_name needs user_id, or username with "
                "domain_id or domain_name"
            )
        if self.username and not (self.domain_id or self.domain_name):
            raise InvalidAuthOptionsError(
                "AuthOptions: username needs domain_id or domain_name (the user's domain)"
            )
        if self.scope is not None or self.project_id or self.project_name:
            raise InvalidAuthOptionsError(
                "AuthOptions: an application credential carries its own scope; leave scope "
                "and project_id/project_name (tenant_*) unset"
            )

    def _validate_token(self) -> None:
        check_token("AuthOptions: token_id", self.token_id)
        if self.user_id or self.username:
            raise InvalidAuthOptionsError(
                "AuthOptions: token_id identifies the user; leave user_id and username unset"
            )
        if (self.domain_id or self.domain_name) and not self.project_name:
            raise InvalidAuthOptionsError(
                "AuthOptions: with token_id, domain_id/domain_name only qualify "
                "project_name; for a domain-scoped token use scope=Scope.domain(...)"
            )

    def _validate_user(self, method: str) -> None:
        if not (self.user_id or self.username):
            raise InvalidAuthOptionsError(f"AuthOptions: {method} needs user_id or username")


def _alias(name: str, value: str | None, old_name: str, old_value: str | None) -> str | None:
    if value and old_value and value != old_value:
        raise InvalidAuthOptionsError(
            f"AuthOptions: {name}={value!r} and {old_name}={old_value!r} disagree; "
            f"they are the same field"
        )
    return value or old_value or None
