"""Compute v2 (the v2.1 API of Nova) resources.

``MAX_MICROVERSION`` is the newest compute microversion whose request and response
shapes oscloud's compute models know.

Example:
    >>> from oscloud.openstack.compute.v2 import MAX_MICROVERSION
    >>> MAX_MICROVERSION
    '2.100'
"""

from typing import Final

__all__ = ["MAX_MICROVERSION"]

#: The newest compute microversion the models of this package know.
MAX_MICROVERSION: Final = "2.100"
