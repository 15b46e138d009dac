"""Step parameters typed into the node: ``key=value`` lines or one JSON object."""

import json

# Form fields of POST /api/jobs that are not step parameters.
RESERVED = ("template", "files")


def parse_parameters(text):
    """Returns the parameters as an ordered ``{name: value}`` dict of strings.

    ``text`` is either a JSON object (``{"factor": 3, "method": "lanczos"}``) or lines of ``key=value``;
    blank lines and lines starting with ``#`` are skipped. Raises ValueError naming the offending line or key.
    """
    text = (text or "").strip()
    if not text:
        return {}
    if text.startswith("{"):
        return _from_json(text)
    parameters = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if "=" not in line:
            raise ValueError("parameters line %d '%s' is not key=value" % (number, line))
        key, value = (piece.strip() for piece in line.split("=", 1))
        _put(parameters, key, value, "line %d" % number)
    return parameters


def _from_json(text):
    try:
        document = json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError("parameters start with '{' but are not valid JSON: %s" % e) from None
    if not isinstance(document, dict):
        raise ValueError("parameters JSON must be an object of name: value")
    parameters = {}
    for key, value in document.items():
        if isinstance(value, bool):
            value = "true" if value else "false"
        elif isinstance(value, (int, float, str)):
            value = str(value)
        else:
            raise ValueError("parameter '%s' must be a string, number or boolean, got %s"
                             % (key, type(value).__name__))
        _put(parameters, key.strip(), value, "JSON")
    return parameters


def _put(parameters, key, value, where):
    if not key:
        raise ValueError("parameters %s has an empty name" % where)
    if key in RESERVED:
        raise ValueError("'%s' is not a step parameter (%s); set it on the node instead" % (key, where))
    if key in parameters:
        raise ValueError("parameter '%s' is given twice" % key)
    parameters[key] = value
