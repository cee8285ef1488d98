"""Pagination: a lazy :class:`Pager` over :class:`Page` objects.

A listing returns a ``Pager``. Nothing is fetched until it is asked for: iterating the
pager fetches one page per step, ``items()`` yields resources one by one (holding one page
at a time), ``each_page`` calls a function per page, and ``all_pages()`` fetches
everything into one page.

Page kinds are declarative::

    class ServerPage(LinkedPage[Server]):
        resource_key = "servers"
        model = Server

- :class:`LinkedPage`: the body carries a next link (``servers_links`` in Nova and Cinder,
  ``links.next`` in Keystone).
- :class:`MarkerPage`: the next page starts after the last item (Swift); a page shorter than
  the ``limit`` asked for is the last one.
- :class:`SinglePage`: the whole collection comes in one response.

A next link that points at a page already fetched raises
:class:`~oscloud.errors.PaginationLoopError` instead of looping forever.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar
from urllib.parse import SplitResult, parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from requests.structures import CaseInsensitiveDict

from oscloud._redact import redact_url
from oscloud.errors import InvalidResponseError, PaginationLoopError
from oscloud.results import READ_ERRORS, member, parse_json, unreadable

if TYPE_CHECKING:
    from oscloud.service import ServiceClient

__all__ = ["LinkedPage", "MarkerPage", "Page", "Pager", "SinglePage"]

T = TypeVar("T")


class Page(Generic[T]):
    """One page of a listing.

    Subclasses set ``resource_key`` (the member holding the list, or ``None`` when the body
    is the list) and ``model`` (a class with ``from_json``).

    Example:
        >>> import attrs
        >>> @attrs.frozen
        ... class Name:
        ...     name: str
        ...     @classmethod
        ...     def from_json(cls, data): return cls(data["name"])
        >>> class NamePage(SinglePage[Name]):
        ...     resource_key = "names"
        ...     model = Name
        >>> NamePage(url="https://x/names", body={"names": [{"name": "a"}]}).extract()
        [Name(name='a')]
    """

    resource_key: ClassVar[str | None] = None
    model: ClassVar[Any] = None

    __slots__ = ("body", "headers", "status_code", "url")

    def __init__(
        self,
        *,
        url: str,
        body: Any,
        headers: Mapping[str, str] | None = None,
        status_code: int = 200,
    ) -> None:
        self.url = url
        self.body = body
        self.headers: CaseInsensitiveDict[str] = (
            headers
            if isinstance(headers, CaseInsensitiveDict)
            else CaseInsensitiveDict(headers or {})
        )
        self.status_code = status_code

    def raw_items(self) -> list[Any]:
        """The page's items as parsed JSON.

        Example:
            >>> SinglePage(url="u", body=[1, 2]).raw_items()
            [1, 2]
        """
        if self.body is None:
            return []
        data = self.body
        if self.resource_key is not None:
            data = member(self.body, self.resource_key, type(self).__name__)
        if not isinstance(data, list):
            raise InvalidResponseError(
                f"{type(self).__name__}: expected a list of items at {redact_url(self.url)}"
            )
        return data

    def is_empty(self) -> bool:
        """Whether the page holds no items.

        Example:
            >>> SinglePage(url="u", body=None).is_empty()
            True
        """
        return not self.raw_items()

    def next_url(self) -> str | None:
        """The URL of the next page, or ``None`` on the last page.

        Example:
            >>> SinglePage(url="u", body=[]).next_url() is None
            True
        """
        return None

    def extract(self) -> list[T]:
        """The page's items as models.

        Raises:
            InvalidResponseError: the body holds no list, or an item cannot be read.

        Example:
            >>> SinglePage(url="u", body=["a"]).extract()
            ['a']
        """
        return list(self.iter_models())

    def iter_models(self) -> Iterator[T]:
        """Yield the page's items as models, one at a time.

        Example:
            >>> list(SinglePage(url="u", body=[1]).iter_models())
            [1]
        """
        if self.model is None:
            yield from self.raw_items()
            return
        build = self.model.from_json
        for item in self.raw_items():
            try:
                model = build(item)
            except READ_ERRORS as err:
                raise unreadable(f"{type(self).__name__}: {self.model.__name__}", err) from err
            yield model

    @classmethod
    def combine(cls, pages: list[Page[T]], url: str) -> Page[T]:
        """One page holding the items of ``pages`` (what :meth:`Pager.all_pages` returns).

        Example:
            >>> SinglePage.combine([SinglePage(url="u", body=[1]),
            ...                     SinglePage(url="v", body=[2])], "u").raw_items()
            [1, 2]
        """
        items = [item for page in pages for item in page.raw_items()]
        body: Any = items if cls.resource_key is None else {cls.resource_key: items}
        headers = pages[0].headers if pages else None
        return cls(url=url, body=body, headers=headers)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.url}>"


class SinglePage(Page[T]):
    """A collection that the API returns whole, in one response.

    Example:
        >>> SinglePage(url="u", body=[1]).next_url() is None
        True
    """

    __slots__ = ()


class LinkedPage(Page[T]):
    """A page whose body links to the next one.

    Reads ``<resource_key>_links`` (``[{"rel": "next", "href": ...}]``, Nova and Cinder)
    or ``links`` (``{"next": ...}``, Keystone), or the member named by ``links_key``.
    A relative link is resolved against the page's URL.

    Example:
        >>> class ServerPage(LinkedPage[dict]):
        ...     resource_key = "servers"
        >>> ServerPage(url="u", body={"servers": [{}], "servers_links": [
        ...     {"rel": "next", "href": "https://n/servers?marker=1"}]}).next_url()
        'https://n/servers?marker=1'
    """

    links_key: ClassVar[str | None] = None

    __slots__ = ()

    def next_url(self) -> str | None:
        """The ``next`` link of the page, if any.

        Example:
            >>> LinkedPage(url="u", body={"links": {"next": None}}).next_url() is None
            True
        """
        if not isinstance(self.body, dict):
            return None
        key = self.links_key or (f"{self.resource_key}_links" if self.resource_key else "links")
        links = self.body.get(key, self.body.get("links"))
        href: Any = None
        if isinstance(links, dict):
            href = links.get("next")
        elif isinstance(links, list):
            found = (ln for ln in links if isinstance(ln, dict) and ln.get("rel") == "next")
            href = next(found, {}).get("href")
        if not isinstance(href, str) or not href:
            return None
        try:
            return urljoin(self.url, href)
        except ValueError as err:  # "http://[::1": urljoin refuses it
            raise InvalidResponseError(
                f"{type(self).__name__}: the next link is not a URL: {href[:100]!r}"
            ) from err


class MarkerPage(Page[T]):
    """A page whose successor starts after its last item (``?marker=<last>``).

    ``marker_key`` names the member of an item used as the marker (default ``name``).
    When the URL asked for a ``limit`` and the page holds fewer items, it is the last one
    and no further request is made; without a ``limit`` the listing ends at an empty page.
    A delimiter listing's ``{"subdir": ...}`` entries serve as markers too.

    Example:
        >>> page = MarkerPage(url="https://s/v1/AUTH_a?format=json&limit=2",
        ...                   body=[{"name": "a"}, {"name": "b"}])
        >>> page.next_url()
        'https://s/v1/AUTH_a?format=json&limit=2&marker=b'
        >>> MarkerPage(url="https://s/v1/AUTH_a?limit=2", body=[{"name": "a"}]).next_url()
    """

    marker_key: ClassVar[str] = "name"

    __slots__ = ()

    def next_url(self) -> str | None:
        """The URL of the page after this one, or ``None`` when this one is the last.

        Example:
            >>> MarkerPage(url="https://s/c", body=[]).next_url() is None
            True
        """
        items = self.raw_items()
        if not items:
            return None
        parts = urlsplit(self.url)
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
        limit = next((v for k, v in query if k == "limit"), None)
        if limit is not None and limit.isdigit() and len(items) < int(limit):
            return None
        last = items[-1]
        marker = last.get(self.marker_key) if isinstance(last, dict) else last
        if marker is None:
            marker = last.get("subdir") if isinstance(last, dict) else None
        if marker is None:
            raise InvalidResponseError(
                f"{type(self).__name__}: the last item has no {self.marker_key!r}"
            )
        query = [(k, v) for k, v in query if k != "marker"] + [("marker", str(marker))]
        return urlunsplit(parts._replace(query=urlencode(query)))


class Pager(Generic[T]):
    """A lazy listing: pages are fetched one at a time, only when asked for.

    Building a pager sends nothing. Each page is fetched with ``GET`` through the
    :class:`~oscloud.ServiceClient` (so with its microversion headers); 200, 203 and 204
    (an empty page) are accepted.

    Example:
        >>> pager = servers.list(compute)  # doctest: +SKIP
        >>> for server in pager.items():  # doctest: +SKIP
        ...     print(server.name)
    """

    __slots__ = ("_client", "_headers", "_page_class", "_url")

    def __init__(
        self,
        client: ServiceClient,
        url: str,
        page_class: type[Page[T]],
        *,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self._client = client
        self._url = url
        self._page_class = page_class
        self._headers = dict(headers or {})

    def __iter__(self) -> Iterator[Page[T]]:
        """Fetch and yield the pages in order; stops at the first empty or last page.

        Raises:
            PaginationLoopError: a next link points at a page already fetched.
        """
        seen: set[tuple[str, ...]] = set()
        url: str | None = self._url
        origin = urlsplit(self._url)
        while url is not None:
            url = _on_origin(url, origin)
            key = _page_key(url)
            if key in seen:
                raise PaginationLoopError(
                    f"the next link repeats a page already fetched: {redact_url(url)}"
                )
            seen.add(key)
            page = self._fetch(url)
            if page.is_empty():
                return
            yield page
            url = page.next_url()
            del page  # hold one page at a time, not two, while the next one is fetched

    def each_page(self, handler: Callable[[Page[T]], bool | None]) -> None:
        """Call ``handler`` with each page; it returns ``False`` to stop.

        Example:
            >>> def handle(page):  # doctest: +SKIP
            ...     print(len(page.extract()))
            ...     return True
            >>> servers.list(client).each_page(handle)  # doctest: +SKIP
        """
        for page in self:
            if handler(page) is False:
                return

    def items(self) -> Iterator[T]:
        """Yield every resource of the listing, fetching pages as they are needed.

        Example:
            >>> names = [s.name for s in servers.list(client).items()]  # doctest: +SKIP
        """
        return itertools.chain.from_iterable(self._models_by_page())

    def _models_by_page(self) -> Iterator[Iterator[T]]:
        for page in self:
            models = page.iter_models()
            del page  # the iterator keeps what it needs; the next fetch frees this page
            yield models

    def all_pages(self) -> Page[T]:
        """Fetch every page and return one page holding all the items.

        Example:
            >>> everything = servers.extract_servers(  # doctest: +SKIP
            ...     servers.list(client).all_pages())
        """
        return self._page_class.combine(list(self), self._url)

    def _fetch(self, url: str) -> Page[T]:
        response = self._client.get(url, headers=self._headers, ok_codes=(200, 203, 204))
        try:
            body = parse_json(response) if response.content else None
        except ValueError as err:
            raise InvalidResponseError(
                f"GET {redact_url(url)}: the listing is not JSON "
                f"({response.headers.get('Content-Type', 'no content type')}: {err})"
            ) from err
        return self._page_class(
            url=url, body=body, headers=response.headers, status_code=response.status_code
        )

    def __repr__(self) -> str:
        return f"<Pager {self._page_class.__name__} {self._url}>"


def _on_origin(url: str, origin: SplitResult) -> str:
    """``url`` with the scheme, host and port of ``origin`` (the listing's first page).

    A next link is followed on the listing's own origin: the token is never sent to
    another host, and a cloud behind a proxy that writes its internal address (or
    ``http``) into its links still lists.

    Example:
        >>> _on_origin("http://10.0.0.5:8774/v2.1/servers?marker=a",
        ...            urlsplit("https://nova.example/v2.1/servers"))
        'https://nova.example/v2.1/servers?marker=a'
    """
    parts = urlsplit(url)
    if (parts.scheme, parts.netloc) == (origin.scheme, origin.netloc):
        return url
    return urlunsplit((origin.scheme, origin.netloc, parts.path, parts.query, parts.fragment))


def _page_key(url: str) -> tuple[str, ...]:
    """What identifies a page: the URL with its query parameters in a stable order."""
    parts = urlsplit(url)
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query)
