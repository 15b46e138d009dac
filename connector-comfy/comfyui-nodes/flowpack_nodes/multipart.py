"""multipart/form-data bodies for POST /api/jobs, written by hand (standard library only)."""

import uuid


def encode(fields, files):
    """Returns ``(content_type, body)``.

    ``fields``: ``{name: text}``; ``files``: a list of ``(field, file_name, media_type, data)``.
    """
    while True:
        boundary = "flowpack-" + uuid.uuid4().hex
        marker = boundary.encode("ascii")
        if not any(marker in data for _, _, _, data in files):
            break
    chunks = []
    for name, value in fields.items():
        chunks.append(_head(boundary, 'form-data; name="%s"' % _quoted(name)))
        chunks.append(b"\r\n")
        chunks.append(str(value).encode("utf-8"))
        chunks.append(b"\r\n")
    for field, file_name, media_type, data in files:
        disposition = 'form-data; name="%s"; filename="%s"' % (_quoted(field), _quoted(file_name))
        chunks.append(_head(boundary, disposition))
        chunks.append(("Content-Type: %s\r\n\r\n" % media_type).encode("ascii"))
        chunks.append(data)
        chunks.append(b"\r\n")
    chunks.append(("--%s--\r\n" % boundary).encode("ascii"))
    return "multipart/form-data; boundary=" + boundary, b"".join(chunks)


def _head(boundary, disposition):
    return ("--%s\r\nContent-Disposition: %s\r\n" % (boundary, disposition)).encode("utf-8")


def _quoted(text):
    """A header parameter value: quotes and line breaks escaped as browsers do (WHATWG form encoding)."""
    return text.replace("\r", "%0D").replace("\n", "%0A").replace('"', "%22")
