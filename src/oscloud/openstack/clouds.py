"""Reading ``clouds.yaml`` (and ``secure.yaml``), the file every OpenStack tool shares.

Files are searched in order: ``OS_CLIENT_CONFIG_FILE``, ``./clouds.yaml``,
``$XDG_CONFIG_HOME/openstack/clouds.yaml`` (``~/.config/openstack``),
``/etc/openstack/clouds.yaml`` (``.yml`` too); the first file that defines the cloud
wins. ``secure.yaml`` (``OS_CLIENT_SECURE_FILE``, else beside those files) is merged over
the cloud's settings, so that secrets can live apart. The cloud is ``cloud`` or
``OS_CLOUD``.

A cloud reads like the files openstacksdk and Horizon write::

    clouds:
      mycloud:
        auth_type: password          # v3password, token, v3applicationcredential,
                                     # v3totp, v3multifactor, v2password ...
        auth:
          auth_url: https://keystone.example:5000/v3
          username: demo
          password: secret           # or in secure.yaml
          project_name: demo
          user_domain_name: Default
          project_domain_id: default
        region_name: RegionOne
        interface: public
        identity_api_version: 3
        cacert: /path/to/ca.pem      # or verify: false / insecure: true
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from oscloud.auth import AuthOptions
from oscloud.endpoints import Availability, EndpointOpts
from oscloud.errors import InvalidAuthOptionsError
from oscloud.openstack.env import auth_options_from_env

__all__ = ["CloudConfig", "load_cloud"]

_FILE_NAMES = ("clouds.yaml", "clouds.yml")
_SECURE_NAMES = ("secure.yaml", "secure.yml")
_AUTH_TYPES = frozenset(
    {
        "password",
        "v3password",
        "v2password",
        "token",
        "v3token",
        "v2token",
        "v3applicationcredential",
        "applicationcredential",
        "v3totp",
        "v3multifactor",
    }
)


@attrs.frozen(kw_only=True)
class CloudConfig:
    """One cloud of ``clouds.yaml``: how to authenticate and where.

    Attributes:
        name: the cloud's name in the file.
        auth_options: the credentials and scope.
        region: ``region_name`` (else the first of ``regions``), or ``None``.
        interface: ``public``, ``internal`` or ``admin``.
        verify: ``True``, ``False`` (``verify: false`` or ``insecure: true``) or the CA
            bundle path (``cacert``).
        cert: the client certificate, or (certificate, key).
        source: the file the cloud was read from.

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

    ``files`` replaces the search path (``secure.yaml`` is then looked for beside them);
    ``environ`` replaces ``os.environ`` for ``OS_CLOUD``, ``OS_CLIENT_CONFIG_FILE``,
    ``OS_CLIENT_SECURE_FILE`` and ``XDG_CONFIG_HOME``.

    Raises:
        InvalidAuthOptionsError: no cloud named, no file, no such cloud, a file that is not
            YAML, or unusable settings; the message says which files were read.

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
    if files is not None:
        paths = [Path(f) for f in files]
        secure_paths = _beside(paths)
    else:
        paths = _default_files(env)
        secure_paths = (
            [Path(env["OS_CLIENT_SECURE_FILE"])] if env.get("OS_CLIENT_SECURE_FILE") else []
        ) + _beside(paths)
    config, source = _find_cloud(name, paths)
    secure, _ = _find_cloud(name, secure_paths, required=False)
    return _cloud_config(name, _merge(config, secure), source)


def _search_dirs(env: Mapping[str, str]) -> list[Path]:
    config_home = env.get("XDG_CONFIG_HOME")
    user_dir = Path(config_home) if config_home else Path.home() / ".config"
    return [Path.cwd(), user_dir / "openstack", Path("/etc/openstack")]


def _default_files(env: Mapping[str, str]) -> list[Path]:
    paths = []
    if env.get("OS_CLIENT_CONFIG_FILE"):
        paths.append(Path(env["OS_CLIENT_CONFIG_FILE"]))
    paths.extend(d / n for d in _search_dirs(env) for n in _FILE_NAMES)
    return paths


def _beside(paths: Sequence[Path]) -> list[Path]:
    return [d / n for d in dict.fromkeys(p.parent for p in paths) for n in _SECURE_NAMES]


def _read_yaml(path: Path) -> dict[str, Any]:
    import yaml  # imported on first need: keeps `import oscloud` light

    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
    except (OSError, yaml.YAMLError) as err:
        raise InvalidAuthOptionsError(f"{path}: cannot be read as YAML: {err}") from None
    if not isinstance(data, dict):
        raise InvalidAuthOptionsError(f"{path}: expected a mapping at the top")
    return data


def _find_cloud(
    name: str, paths: Sequence[Path], *, required: bool = True
) -> tuple[dict[str, Any], str]:
    read = [p for p in dict.fromkeys(paths) if p.is_file()]
    offered: list[str] = []
    for path in read:
        clouds = _read_yaml(path).get("clouds") or {}
        if not isinstance(clouds, dict):
            raise InvalidAuthOptionsError(f"{path}: 'clouds' must be a mapping of cloud names")
        if name in clouds:
            found = clouds[name] or {}
            if not isinstance(found, dict):
                raise InvalidAuthOptionsError(f"{path}: cloud {name!r} must be a mapping")
            return dict(found), str(path)
        offered.extend(str(c) for c in clouds)
    if not required:
        return {}, ""
    if not read:
        searched = ", ".join(str(p) for p in paths)
        raise InvalidAuthOptionsError(
            f"cloud {name!r}: no clouds.yaml found (looked for {searched})"
        )
    known = f"; it defines {', '.join(sorted(set(offered)))}" if offered else ""
    raise InvalidAuthOptionsError(
        f"cloud {name!r} is not defined in {', '.join(str(p) for p in read)}{known}"
    )


def _merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _cloud_config(name: str, config: Mapping[str, Any], source: str) -> CloudConfig:
    where = f"cloud {name!r} ({source})"
    auth = config.get("auth") or {}
    if not isinstance(auth, Mapping):
        raise InvalidAuthOptionsError(f"{where}: auth must be a mapping")
    if not auth.get("auth_url"):
        raise InvalidAuthOptionsError(f"{where}: auth.auth_url is missing")
    auth_type = str(config.get("auth_type") or "").lower().replace("_", "").replace("-", "")
    if auth_type and auth_type not in _AUTH_TYPES:
        raise InvalidAuthOptionsError(
            f"{where}: auth_type {config.get('auth_type')!r} is not supported; use one of "
            + ", ".join(sorted(_AUTH_TYPES))
        )
    variables = {
        "OS_" + str(key).upper().replace("-", "_"): str(value)
        for key, value in auth.items()
        if value is not None and not isinstance(value, (Mapping, list))
    }
    variables["OS_AUTH_TYPE"] = auth_type
    try:
        options = auth_options_from_env(variables)
        interface = Availability(
            str(config.get("interface") or "public").lower().removesuffix("url")
        ).value
    except (InvalidAuthOptionsError, ValueError) as err:
        raise InvalidAuthOptionsError(f"{where}: {err}") from None
    return CloudConfig(
        name=name,
        auth_options=options,
        region=_region(config),
        interface=interface,
        verify=_verify(config),
        cert=_cert(config),
        source=source,
    )


def _region(config: Mapping[str, Any]) -> str | None:
    if config.get("region_name"):
        return str(config["region_name"])
    regions = config.get("regions")
    if isinstance(regions, list) and regions:
        first = regions[0]
        name = first.get("name") if isinstance(first, Mapping) else first
        return str(name) if name else None
    return None


def _verify(config: Mapping[str, Any]) -> bool | str:
    if config.get("insecure") is True or config.get("verify") is False:
        return False
    if config.get("cacert"):
        return str(config["cacert"])
    return True


def _cert(config: Mapping[str, Any]) -> str | tuple[str, str] | None:
    if not config.get("cert"):
        return None
    if config.get("key"):
        return str(config["cert"]), str(config["key"])
    return str(config["cert"])
