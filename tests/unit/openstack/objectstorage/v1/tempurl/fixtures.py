"""Values from Swift's tempurl and formpost documentation, and a reference signer.

The reference signer is written here from Swift's documented algorithm (an HMAC of
``METHOD\\nEXPIRES\\nPATH``), independently of the code under test.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

#: The documented HMAC-SHA512 example of ``swift/common/middleware/tempurl.py``.
DOC_KEY = "mykey"
DOC_METHOD = "GET"
DOC_EXPIRES = 1516741234
DOC_PATH = "/v1/AUTH_account/container/object"
DOC_SHA512_SIG = (
    "sha512:ZrSijn0GyDhsv1ltIj9hWUTrbAeE45NcKXyBaz7aPbSMvRO"
    "Q4jtYH4nRAmm5ErY2X11Yc1Yhy2OMCyN3yueeXg=="
)

KEY = "s3cr3t-temp-url-key"

DIGESTS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256, "sha512": hashlib.sha512}


def reference_signature(key: str, body: str, digest: str) -> str:
    """Swift's documented signature: hex, or ``sha512:`` + URL-safe base64 for SHA-512."""
    mac = hmac.new(key.encode(), body.encode(), DIGESTS[digest])
    if digest == "sha512":
        return "sha512:" + base64.urlsafe_b64encode(mac.digest()).decode()
    return mac.hexdigest()
