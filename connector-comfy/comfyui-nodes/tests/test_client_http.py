"""What the client sends and how it reads answers that are not flowpack's, against a loopback HTTP server that
records requests (a reverse proxy in front of flowpack, say)."""

import http.server
import json
import os
import threading
import unittest
from unittest import mock

from flowpack_nodes import FlowpackClient, FlowpackError


class RecordingHandler(http.server.BaseHTTPRequestHandler):
    answers = {}
    requests = []

    def do_GET(self):
        self.answer()

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.answer()

    def answer(self):
        RecordingHandler.requests.append((self.command, self.path, dict(self.headers)))
        status, content_type, body = RecordingHandler.answers[self.path]
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class ClientHttpTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RecordingHandler)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.url = "http://127.0.0.1:%d" % cls.server.server_address[1]

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def setUp(self):
        RecordingHandler.requests.clear()

    def test_token_from_the_environment_is_sent_as_bearer(self):
        RecordingHandler.answers["/api/jobs/j1"] = (200, "application/json", json.dumps({"id": "j1"}).encode())
        with mock.patch.dict(os.environ, {"FLOWPACK_URL": self.url + "/", "FLOWPACK_TOKEN": "s3cret"}):
            self.assertEqual(FlowpackClient().job("j1"), {"id": "j1"})
        headers = RecordingHandler.requests[0][2]
        self.assertEqual(headers["Authorization"], "Bearer s3cret")
        self.assertEqual(headers["Accept"], "application/json")

    def test_node_input_url_wins_over_the_environment_and_no_token_no_header(self):
        RecordingHandler.answers["/api/jobs/j2"] = (200, "application/json", b'{"id": "j2"}')
        with mock.patch.dict(os.environ, {"FLOWPACK_URL": "http://127.0.0.1:9", "FLOWPACK_TOKEN": ""}):
            FlowpackClient(self.url).job("j2")
        self.assertNotIn("Authorization", RecordingHandler.requests[0][2])

    def test_a_proxys_plain_text_error_is_shown_with_its_status(self):
        RecordingHandler.answers["/api/jobs/j3"] = (502, "text/plain", b"upstream flowpack is down\n")
        with self.assertRaisesRegex(FlowpackError, "answered 502 Bad Gateway to GET .*/api/jobs/j3: "
                                                   "upstream flowpack is down$"):
            FlowpackClient(self.url).job("j3")

    def test_a_non_json_success_is_refused(self):
        RecordingHandler.answers["/api/jobs/j4"] = (200, "text/html", b"<html>login</html>")
        with self.assertRaisesRegex(FlowpackError, "did not answer JSON: b'<html>login</html>'"):
            FlowpackClient(self.url).job("j4")


if __name__ == "__main__":
    unittest.main()
