"""Status -> error class mapping and Retry-After parsing, without a server."""

from __future__ import annotations

import email.utils
import time
import unittest

import spectron
from spectron._errors import error_from_response, parse_retry_after


class ErrorMappingUnitTest(unittest.TestCase):
    def test_each_status_maps_to_its_class(self) -> None:
        cases = {400: spectron.ValidationError, 422: spectron.ValidationError, 401: spectron.AuthenticationError,
                 403: spectron.PermissionDeniedError, 404: spectron.NotFoundError, 409: spectron.ConflictError,
                 413: spectron.PayloadTooLargeError, 429: spectron.RateLimitError, 500: spectron.ServerError,
                 502: spectron.ServerError, 503: spectron.ServerError, 504: spectron.ServerError,
                 418: spectron.APIStatusError}
        for status, cls in cases.items():
            error = error_from_response(status, b'{"title":"t","detail":"d","requestId":"req_1"}', {})
            self.assertIs(type(error), cls, status)
            self.assertEqual((error.status, error.message, error.request_id), (status, "d", "req_1"))

    def test_message_fallbacks_and_request_id_header(self) -> None:
        error = error_from_response(500, b"", {"X-Request-Id": "req_h"})
        self.assertEqual((error.message, error.request_id), ("HTTP 500", "req_h"))
        self.assertEqual(error_from_response(400, b'{"title":"Invalid"}', {}).message, "Invalid")
        self.assertIn("[400]", str(error_from_response(400, b'{"message":"m"}', {})))

    def test_retry_after(self) -> None:
        self.assertEqual(parse_retry_after("3"), 3.0)
        self.assertEqual(parse_retry_after("1.5"), 1.5)
        self.assertIsNone(parse_retry_after("soon"))
        self.assertIsNone(parse_retry_after(None))
        date = email.utils.formatdate(time.time() + 30, usegmt=True)
        self.assertAlmostEqual(parse_retry_after(date) or 0, 30, delta=2)
        error = error_from_response(429, b"{}", {"Retry-After": "2"})
        assert isinstance(error, spectron.RateLimitError)
        self.assertEqual(error.retry_after, 2.0)
        body_hint = error_from_response(429, b'{"retry_after": 4}', {})
        assert isinstance(body_hint, spectron.RateLimitError)
        self.assertEqual(body_hint.retry_after, 4.0)


if __name__ == "__main__":
    unittest.main()
