"""A small client of flowpack's job REST API (POST /api/jobs, GET /api/jobs/{id}[/parts/{partId}]), urllib only."""

import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request

from . import multipart

DEFAULT_URL = "http://127.0.0.1:8080"
FINISHED = ("SUCCEEDED", "FAILED", "CANCELLED")
# Largest response read into memory (a result image); flowpack's own input limit defaults to 512 MB.
MAX_RESPONSE_BYTES = 1024 * 1024 * 1024
_ID = re.compile(r"^[A-Za-z0-9._-]+$")


class FlowpackError(RuntimeError):
    """flowpack refused a request or a job did not succeed; ``status`` is the HTTP status (None for a job failure)."""

    def __init__(self, message, status=None, detail=None):
        super().__init__(message)
        self.status = status
        self.detail = detail


class FlowpackClient:
    """Talks to one flowpack server: ``url`` (else $FLOWPACK_URL, else http://127.0.0.1:8080) and an optional
    bearer ``token`` (else $FLOWPACK_TOKEN)."""

    def __init__(self, url=None, token=None, request_timeout=60.0):
        base = (url or "").strip() or os.environ.get("FLOWPACK_URL", "").strip() or DEFAULT_URL
        parsed = urllib.parse.urlsplit(base)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ValueError("flowpack server URL must be http(s)://host[:port], got '%s'" % base)
        self.url = base.rstrip("/")
        self.token = (token or "").strip() or os.environ.get("FLOWPACK_TOKEN", "").strip() or None
        self.request_timeout = request_timeout

    def submit(self, template, files, parameters):
        """Queues a job; ``files`` is a list of ``(file_name, media_type, data)``. Returns the job id."""
        if not template or not template.strip():
            raise ValueError("the flowpack template is empty; name a route's job:<template>, e.g. comfy-upscale")
        fields = {"template": template.strip()}
        fields.update(parameters)
        content_type, body = multipart.encode(fields, [("files", n, t, d) for n, t, d in files])
        answer = self._json("POST", "/api/jobs", body, {"Content-Type": content_type})
        return answer["id"]

    def jobs(self, limit=50):
        """The newest jobs on the server (summaries), newest first."""
        return self._json("GET", "/api/jobs?limit=%d" % int(limit))["jobs"]

    def job(self, job_id):
        return self._json("GET", "/api/jobs/" + checked_id(job_id, "job id"))

    def part_bytes(self, job_id, part_id):
        path = "/api/jobs/%s/parts/%s" % (checked_id(job_id, "job id"), checked_id(part_id, "part id"))
        return self._request("GET", path)

    def cancel(self, job_id):
        return self._json("DELETE", "/api/jobs/" + checked_id(job_id, "job id"))

    def wait(self, job_id, timeout, on_poll=None, interval=0.2, max_interval=1.0):
        """Polls the job until it is SUCCEEDED, FAILED or CANCELLED and returns its view; ``on_poll(job)`` is
        called after each poll (progress, interruption). Raises TimeoutError after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            job = self.job(job_id)
            if on_poll is not None:
                on_poll(job)
            if job["state"] in FINISHED:
                return job
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("flowpack job %s is still %s after %s s; load its results later with 'Load from "
                                   "flowpack' and the reference %s" % (job_id, job["state"], timeout, job_id))
            time.sleep(min(interval, left))
            interval = min(interval * 1.5, max_interval)

    def _json(self, method, path, body=None, headers=None):
        data = self._request(method, path, body, headers, accept="application/json")
        try:
            return json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise FlowpackError("%s %s%s did not answer JSON: %r" % (method, self.url, path, data[:200])) from None

    def _request(self, method, path, body=None, headers=None, accept="*/*"):
        request = urllib.request.Request(self.url + path, data=body, method=method)
        request.add_header("Accept", accept)
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        if self.token:
            request.add_header("Authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(request, timeout=self.request_timeout) as response:
                return _read(response, method, self.url + path)
        except urllib.error.HTTPError as e:
            raise _problem(e, method, self.url + path) from None
        except urllib.error.URLError as e:
            raise FlowpackError("cannot reach flowpack at %s: %s (set FLOWPACK_URL or the node's server_url)"
                                % (self.url, e.reason)) from None
        except OSError as e:  # time-outs and resets while reading
            raise FlowpackError("%s %s%s failed: %s" % (method, self.url, path, e)) from None


def checked_id(value, what):
    """A job or part id as flowpack issues them; anything else (slashes, spaces) is refused before a request."""
    value = (value or "").strip()
    if not _ID.match(value):
        raise ValueError("%s '%s' is not a flowpack id (letters, digits, '.', '_' and '-')" % (what, value))
    return value


def _read(response, method, url):
    length = response.headers.get("Content-Length")
    if length is not None and length.isdigit() and int(length) > MAX_RESPONSE_BYTES:
        raise FlowpackError("%s %s answers %s bytes, over the limit of %d" % (method, url, length, MAX_RESPONSE_BYTES))
    data = response.read(MAX_RESPONSE_BYTES + 1)
    if len(data) > MAX_RESPONSE_BYTES:
        raise FlowpackError("%s %s answers more than %d bytes" % (method, url, MAX_RESPONSE_BYTES))
    return data


def _problem(error, method, url):
    """The HTTP status with flowpack's RFC 7807 problem detail (title and detail), or the raw body's start."""
    body = error.read(64 * 1024) if error.fp is not None else b""
    title, detail = error.reason, None
    try:
        problem = json.loads(body.decode("utf-8"))
        if isinstance(problem, dict):
            title = problem.get("title") or title
            detail = problem.get("detail")
    except (UnicodeDecodeError, ValueError):
        pass
    if detail is None:
        detail = body.decode("utf-8", "replace").strip()[:500] or "(no detail)"
    return FlowpackError("flowpack answered %d %s to %s %s: %s" % (error.code, title, method, url, detail),
                         status=error.code, detail=detail)
