"""Reading ``clouds.yaml`` (and ``secure.yaml``), the file every OpenStack tool shares.

Files are searched in order: ``OS_CLIENT_CONFIG_FILE``, ``./clouds.yaml``,
``~/.config/openstack/clouds.yaml``, ``/etc/openstack/clouds.yaml``; ``secure.yaml``
beside them is merged over the cloud's settings. The cloud is ``cloud`` or ``OS_CLOUD``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from oscloud.auth import AuthOptions, Scope
from oscloud.endpoints import EndpointOpts
from oscloud.errors import InvalidAuthOptionsError

__all__ = ["CloudConfig", "load_cloud"]

_FILE_NAMES = ("clouds.yaml", "clouds.yml")
_SECURE_NAMES = ("secure.yaml", "secure.yml")


def _search_dirs() -> list[Path]:
    return [Path.cwd(), Path.home() / ".config" / "openstack", Path("/etc/openstack")]


@attrs.frozen(kw_only=True)
class CloudConfig:
    """One cloud of ``clouds.yaml``: how to authenticate and where.

    Example:
        >>> cloud = load_cloud("demo", files=["clouds.yaml"])  # doctest: +SKIP
        >>> provider = openstack.authenticated_client(cloud.auth_options,  # doctest: +SKIP
        ...                                           **cloud.provider_options())
        >>> compute = openstack.new_compute_v2(provider, cloud.endpoint_opts())  # doctest: +SKIP
    """

    name: str
    auth_options: AuthOptions
    region: str | None = None
    interface: str = "public"
    verify: bool | str = True
    cert: str | tuple[str, str] | None = None
    source: str | None = None

    def endpoint_opts(self, **overrides: Any) -> EndpointOpts:
        """:class:`~oscloud.EndpointOpts` with the cloud's region and interface.

        Example:
            >>> CloudConfig(name="c", region="R1", auth_options=AuthOptions(
            ...     identity_endpoint="https://k/v3", token_id="t")).endpoint_opts().region
            'R1'
        """
        fields: dict[str, Any] = {"region": self.region, "availability": self.interface}
        fields.update(overrides)
        return EndpointOpts(**fields)

    def provider_options(self) -> dict[str, Any]:
        """The TLS keyword arguments for :func:`~oscloud.openstack.new_client`.

        Example:
            >>> CloudConfig(name="c", verify=False, auth_options=AuthOptions(
            ...     identity_endpoint="https://k/v3", token_id="t")).provider_options()
            {'verify': False}
        """
        options: dict[str, Any] = {"verify": self.verify}
        if self.cert is not None:
            options["cert"] = self.cert
        return options


def load_cloud(
    cloud: str | None = None,
    *,
    files: Sequence[str | os.PathLike[str]] | None = None,
    environ: Mapping[str, str] | None = None,
) -> CloudConfig:
    """Load the named cloud from ``clouds.yaml`` (merged with ``secure.yaml``).

    Raises:
        InvalidAuthOptionsError: no file, no such cloud, or unusable settings; the message
            says which files were read.

    Example:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "clouds.yaml"
        >>> _ = path.write_text('''
        ... clouds:
        ...   demo:
        ...     region_name: RegionOne
        ...     auth:
        ...       auth_url: https://keystone.example/v3
        ...       username: demo
        ...       password: secret
        ...       project_name: demo
        ...       user_domain_name: Default
        ...       project_domain_name: Default
        ... ''')
        >>> cloud = load_cloud("demo", files=[path])
        >>> cloud.region, cloud.auth_options.username, cloud.auth_options.scope.project_name
        ('RegionOne', 'demo', 'demo')
    """
    env = os.environ if environ is None else environ
    name = cloud or env.get("OS_CLOUD")
    if not name:
        raise InvalidAuthOptionsError("no cloud named: pass cloud= or set OS_CLOUD")
    paths = [Path(f) for f in files] if files is not None else _default_files(env)
    config, source = _find_cloud(name, paths)
    secure = _find_secure(name, paths)
    merged = _merge(config, secure)
    return _cloud_config(name, merged, source)


def _default_files(env: Mapping[str, str]) -> list[Path]:
    paths = []
    if env.get("OS_CLIENT_CONFIG_FILE"):
        paths.append(Path(env["OS_CLIENT_CONFIG_FILE"]))
    paths.extend(d / n for d in _search_dirs() for n in _FILE_NAMES)
    return paths


def _read_yaml(path: Path) -> dict[str, Any]:
    import yaml  # imported on first need: keeps `import oscloud` light

    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    if not isinstance(data, dict):
        raise InvalidAuthOptionsError(f"{path}: expected a mapping at the top")
    return data


def _find_cloud(name: str, paths: Sequence[Path]) -> tuple[dict[str, Any], str]:
    read = [p for p in paths if p.is_file()]
    for path in read:
        clouds = _read_yaml(path).get("clouds") or {}
        if name in clouds:
            return dict(clouds[name] or {}), str(path)
    where = ", ".join(str(p) for p in read) or "no clouds.yaml found in " + ", ".join(
        str(p) for p in paths
    )
    raise InvalidAuthOptionsError(f"cloud {name!r} is not defined ({where})")


def _find_secure(name: str, paths: Sequence[Path]) -> dict[str, Any]:
    for directory in dict.fromkeys(p.parent for p in paths):
        for file_name in _SECURE_NAMES:
            path = directory / file_name
            if path.is_file():
                clouds = _read_yaml(path).get("clouds") or {}
                if name in clouds:
                    return dict(clouds[name] or {})
    return {}


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(dict(merged[key]), value)
        else:
            merged[key] = value
    return merged


def _cloud_config(name: str, config: Mapping[str, Any], source: str) -> CloudConfig:
    auth = dict(config.get("auth") or {})
    if not auth.get("auth_url"):
        raise InvalidAuthOptionsError(f"cloud {name!r} ({source}): auth.auth_url is missing")
    auth_type = str(config.get("auth_type") or "password").lower()
    verify: bool | str = bool(config.get("verify", True))
    if config.get("cacert"):
        verify = str(config["cacert"])
    if config.get("insecure"):
        verify = False
    cert: str | tuple[str, str] | None = None
    if config.get("cert"):
        cert = (
            (str(config["cert"]), str(config["key"])) if config.get("key") else str(config["cert"])
        )
    return CloudConfig(
        name=name,
        auth_options=_auth_options(auth, auth_type),
        region=config.get("region_name") or None,
        interface=str(config.get("interface") or "public"),
        verify=verify,
        cert=cert,
        source=source,
    )


def _auth_options(auth: Mapping[str, Any], auth_type: str) -> AuthOptions:
    def get(*keys: str) -> str | None:
        for key in keys:
            value = auth.get(key)
            if value:
                return str(value)
        return None

    app_cred = "applicationcredential" in auth_type.replace("_", "")
    token = auth_type.endswith("token")
    user_domain_id = get("user_domain_id", "domain_id")
    scope: Scope | None = None
    if not app_cred:
        if get("project_id", "tenant_id"):
            scope = Scope.project(id=get("project_id", "tenant_id"))
        elif get("project_name", "tenant_name"):
            domain_id = get("project_domain_id", "user_domain_id", "domain_id")
            scope = Scope.project(
                name=get("project_name", "tenant_name"),
                domain_id=domain_id,
                domain_name=None
                if domain_id
                else get("project_domain_name", "user_domain_name", "domain_name"),
            )
        elif (get("system_scope") or "").lower() == "all":
            scope = Scope.system_all()
        elif get("domain_id", "domain_name"):
            scope = Scope.domain(
                id=get("domain_id"), name=None if get("domain_id") else get("domain_name")
            )
    return AuthOptions(
        identity_endpoint=str(auth["auth_url"]),
        user_id=None if token else get("user_id"),
        username=None if token or get("user_id") else get("username"),
        password=None if token or app_cred else get("password"),
        passcode=get("passcode") if "totp" in auth_type or "multifactor" in auth_type else None,
        domain_id=None if token else user_domain_id,
        domain_name=None if token or user_domain_id else get("user_domain_name", "domain_name"),
        scope=scope,
        token_id=get("token") if token else None,
        application_credential_id=get("application_credential_id") if app_cred else None,
        application_credential_name=(
            get("application_credential_name")
            if app_cred and not get("application_credential_id")
            else None
        ),
        application_credential_secret=get("application_credential_secret") if app_cred else None,
    )
