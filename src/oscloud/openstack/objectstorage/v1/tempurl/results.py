"""Models of temporary URLs and form POSTs."""

from __future__ import annotations

import attrs

__all__ = ["FormPost"]


@attrs.frozen(kw_only=True)
class FormPost:
    """A signed form that lets a browser upload files with ``POST`` (the formpost middleware).

    Put :meth:`fields` in the form as hidden inputs, before its file inputs, and post it
    as ``multipart/form-data`` to :attr:`url`. The signature is a secret until it expires:
    it never shows in ``repr``.

    Attributes:
        url: where the form posts to (the container, and the object name prefix).
        redirect: where the browser goes afterwards (empty: no redirect).
        max_file_size: the largest file accepted, in bytes.
        max_file_count: the most files accepted.
        expires: Unix seconds after which the form is refused.
        signature: the HMAC of the form.
        delete_at: ``x_delete_at`` for the uploaded files (not signed).
        delete_after: ``x_delete_after`` for the uploaded files (not signed).

    Example:
        >>> form = FormPost(url="https://swift/v1/AUTH_a/c/up/", max_file_size=1024,
        ...     max_file_count=1, expires=1390825338, signature="abc")
        >>> form.fields()
        {'max_file_size': '1024', 'max_file_count': '1', 'expires': '1390825338', 'signature': 'abc'}
        >>> "abc" in repr(form)
        False
    """  # noqa: E501

    url: str
    max_file_size: int
    max_file_count: int
    expires: int
    signature: str = attrs.field(repr=False)
    redirect: str = ""
    delete_at: int | None = None
    delete_after: int | None = None

    def fields(self) -> dict[str, str]:
        """The hidden inputs of the form, in the order the middleware wants them.

        Example:
            >>> FormPost(url="u", max_file_size=1, max_file_count=1, expires=2,
            ...     signature="s", redirect="https://app/done", delete_after=60).fields()
            {'redirect': 'https://app/done', 'max_file_size': '1', 'max_file_count': '1', 'expires': '2', 'signature': 's', 'x_delete_after': '60'}
        """  # noqa: E501
        fields = {"redirect": self.redirect} if self.redirect else {}
        fields.update(
            max_file_size=str(self.max_file_size),
            max_file_count=str(self.max_file_count),
            expires=str(self.expires),
            signature=self.signature,
        )
        if self.delete_at is not None:
            fields["x_delete_at"] = str(self.delete_at)
        if self.delete_after is not None:
            fields["x_delete_after"] = str(self.delete_after)
        return fields
