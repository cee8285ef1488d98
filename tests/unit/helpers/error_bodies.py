"""Error response bodies shaped like the ones OpenStack services send.

Each constant is (status, body as the server writes it, the message oscloud must pull out).
The shapes follow the services' API references: Nova and Cinder wrap the message in a
fault named after the error, Keystone in ``error``, Neutron in ``NeutronError``, Placement
in an ``errors`` list; Swift answers plain text or a small HTML page, Glance the HTML page
of its web framework.
"""

from __future__ import annotations

import json

NOVA_ITEM_NOT_FOUND = (
    404,
    json.dumps(
        {
            "itemNotFound": {
                "message": "Instance 9168b536-cd40-4630-b43f-b259807c6e87 could not be found.",
                "code": 404,
            }
        }
    ),
    "Instance 9168b536-cd40-4630-b43f-b259807c6e87 could not be found.",
)

NOVA_BAD_REQUEST = (
    400,
    json.dumps(
        {
            "badRequest": {
                "message": "Invalid input for field/attribute flavorRef. Value: None. "
                "None is not of type 'string', 'integer'",
                "code": 400,
            }
        }
    ),
    (
        "Invalid input for field/attribute flavorRef. Value: None. "
        "None is not of type 'string', 'integer'"
    ),
)

NOVA_FORBIDDEN = (
    403,
    json.dumps(
        {
            "forbidden": {
                "message": "Policy doesn't allow os_compute_api:os-hypervisors:list "
                "to be performed.",
                "code": 403,
            }
        }
    ),
    "Policy doesn't allow os_compute_api:os-hypervisors:list to be performed.",
)

NOVA_CONFLICT = (
    409,
    json.dumps(
        {
            "conflictingRequest": {
                "message": "Cannot 'reboot' instance 9168b536-cd40-4630-b43f-b259807c6e87 "
                "while it is in vm_state stopped",
                "code": 409,
            }
        }
    ),
    "Cannot 'reboot' instance 9168b536-cd40-4630-b43f-b259807c6e87 while it is in vm_state stopped",
)

CINDER_OVER_LIMIT = (
    413,
    json.dumps(
        {
            "overLimit": {
                "message": "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot "
                "exceeds allowed gigabytes quota. Requested 500G, quota is 1000G and 800G "
                "has been consumed.",
                "code": 413,
                "retryAfter": "0",
            }
        }
    ),
    (
        "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed "
        "gigabytes quota. Requested 500G, quota is 1000G and 800G has been consumed."
    ),
)

KEYSTONE_UNAUTHORIZED = (
    401,
    json.dumps(
        {
            "error": {
                "code": 401,
                "message": "The request you have made requires authentication.",
                "title": "Unauthorized",
            }
        }
    ),
    "The request you have made requires authentication.",
)

NEUTRON_NOT_FOUND = (
    404,
    json.dumps(
        {
            "NeutronError": {
                "type": "NetworkNotFound",
                "message": "Network 3ac8f2a7-63b6-4c1d-9e5b-7d4d2a0f1c11 could not be found.",
                "detail": "",
            }
        }
    ),
    "Network 3ac8f2a7-63b6-4c1d-9e5b-7d4d2a0f1c11 could not be found.",
)

PLACEMENT_NOT_FOUND = (
    404,
    json.dumps(
        {
            "errors": [
                {
                    "status": 404,
                    "title": "Not Found",
                    "detail": "The resource could not be found.\n\n No resource provider "
                    "with uuid 4e8e5957-649f-477b-9e5b-f1f75b21c03c found for delete  ",
                    "code": "placement.undefined_code",
                    "request_id": "req-f3d7b0a4-6c39-4a6e-9d1c-2f0b7a7e5d13",
                }
            ]
        }
    ),
    (
        "The resource could not be found. No resource provider with uuid "
        "4e8e5957-649f-477b-9e5b-f1f75b21c03c found for delete"
    ),
)

PLACEMENT_TWO_ERRORS = (
    400,
    json.dumps(
        {
            "errors": [
                {"status": 400, "title": "Bad Request", "detail": "Invalid resource class."},
                {"status": 400, "title": "Bad Request", "detail": "Invalid trait name."},
            ]
        }
    ),
    "Invalid resource class.; Invalid trait name.",
)

IRONIC_NOT_FOUND = (
    404,
    json.dumps(
        {
            "error_message": json.dumps(
                {
                    "faultcode": "Client",
                    "faultstring": "Node 1be26c0b-03f2-4d2e-ae87-c02d7f33c123 could not be found.",
                    "debuginfo": None,
                }
            )
        }
    ),
    "Node 1be26c0b-03f2-4d2e-ae87-c02d7f33c123 could not be found.",
)

SWIFT_UNAUTHORIZED_HTML = (
    401,
    (
        "<html><h1>Unauthorized</h1><p>This server could not verify that you are authorized "
        "to access the document you requested.</p></html>"
    ),
    (
        "Unauthorized This server could not verify that you are authorized to access the "
        "document you requested."
    ),
)

SWIFT_NOT_FOUND_HTML = (
    404,
    "<html><h1>Not Found</h1><p>The resource could not be found.</p></html>",
    "Not Found The resource could not be found.",
)

SWIFT_TEMPURL_PLAIN = (
    401,
    "401 Unauthorized: Temp URL invalid\n",
    "401 Unauthorized: Temp URL invalid",
)

GLANCE_NOT_FOUND_HTML = (
    404,
    (
        "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n"
        "  <h1>404 Not Found</h1>\n"
        "  No image found with ID 5ea5ae73-5a2c-4b8f-a4e4-0b3e7c2a9d61<br /><br />\n\n\n\n"
        " </body>\n</html>"
    ),
    "404 Not Found No image found with ID 5ea5ae73-5a2c-4b8f-a4e4-0b3e7c2a9d61",
)

GLANCE_BAD_REQUEST_HTML = (
    400,
    (
        "<html>\n <head>\n  <title>400 Bad Request</title>\n </head>\n <body>\n"
        "  <h1>400 Bad Request</h1>\n"
        "  Invalid disk format &#39;qcow3&#39; for image.<br /><br />\n\n\n\n"
        " </body>\n</html>"
    ),
    "400 Bad Request Invalid disk format 'qcow3' for image.",
)

#: Every body above, for parametrized tests.
ALL = {
    "nova-itemNotFound": NOVA_ITEM_NOT_FOUND,
    "nova-badRequest": NOVA_BAD_REQUEST,
    "nova-forbidden": NOVA_FORBIDDEN,
    "nova-conflictingRequest": NOVA_CONFLICT,
    "cinder-overLimit": CINDER_OVER_LIMIT,
    "keystone-error": KEYSTONE_UNAUTHORIZED,
    "neutron-NeutronError": NEUTRON_NOT_FOUND,
    "placement-errors": PLACEMENT_NOT_FOUND,
    "placement-two-errors": PLACEMENT_TWO_ERRORS,
    "ironic-error_message": IRONIC_NOT_FOUND,
    "swift-401-html": SWIFT_UNAUTHORIZED_HTML,
    "swift-404-html": SWIFT_NOT_FOUND_HTML,
    "swift-tempurl-plain": SWIFT_TEMPURL_PLAIN,
    "glance-404-html": GLANCE_NOT_FOUND_HTML,
    "glance-400-html": GLANCE_BAD_REQUEST_HTML,
}
