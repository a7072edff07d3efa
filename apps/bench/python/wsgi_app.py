"""The HTTP scenarios as a raw WSGI app, for gunicorn (mirrors src/http/payloads.ts)."""
import json

PLAINTEXT = b"Hello, World!"
JSON_TEXT = json.dumps({"message": "Hello, World!"}, separators=(",", ":")).encode()
CHUNK = b"x" * 4096
CHUNKS = 16


def stream():
    for _ in range(CHUNKS):
        yield CHUNK


def app(environ, start_response):
    path = environ["PATH_INFO"]
    method = environ["REQUEST_METHOD"]
    if path == "/plaintext":
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(PLAINTEXT)))])
        return [PLAINTEXT]
    if path == "/json":
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(JSON_TEXT)))])
        return [JSON_TEXT]
    if path.startswith("/users/") and method == "GET":
        body = ("user " + path[len("/users/"):]).encode()
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
        return [body]
    if path == "/echo" and method == "POST":
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length)
        start_response("200 OK", [("Content-Type", "application/octet-stream"), ("Content-Length", str(len(body)))])
        return [body]
    if path == "/stream":
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        return stream()
    start_response("404 Not Found", [("Content-Length", "0")])
    return [b""]
