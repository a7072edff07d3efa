"""What a user does with requests (and http.client) against `tsgi serve`; prints one JSON object.

Usage: requests_client.py '{"http": "http://127.0.0.1:PORT"}'
"""
import hashlib
import http.client
import json
import socket
import sys
import urllib.parse

import requests

CONFIG = json.loads(sys.argv[1])
BASE = CONFIG["http"]
ADDRESS = urllib.parse.urlsplit(BASE)


def session_keep_alive() -> dict:
    with requests.Session() as session:
        ports = set()
        statuses = set()
        for i in range(50):
            r = session.get(f"{BASE}/inspect", params={"i": i}, stream=True)
            # urllib3 keeps the socket on the raw response until the body is read.
            ports.add(r.raw.connection.sock.getsockname()[1] if r.raw.connection and r.raw.connection.sock else None)
            statuses.add(r.status_code)
            r.content
        return {"statuses": sorted(statuses), "connections": len(ports - {None})}


def chunked_upload() -> dict:
    pieces = [b"%05d|" % i * 100 for i in range(40)]

    def generate():
        yield from pieces

    r = requests.post(f"{BASE}/inspect", data=generate())
    report = r.json()
    sent = dict(report["headers"])
    return {
        "status": r.status_code,
        "transferEncoding": sent.get("transfer-encoding"),
        "bodyLength": report["bodyLength"],
        "sha256Matches": report["sha256"] == hashlib.sha256(b"".join(pieces)).hexdigest(),
    }


def streamed_download() -> dict:
    with requests.get(f"{BASE}/stream", params={"chunks": 200, "size": 8192}, stream=True) as r:
        total = 0
        pieces = 0
        for chunk in r.iter_content(chunk_size=None):
            total += len(chunk)
            pieces += 1
        return {"status": r.status_code, "total": total, "pieces": pieces, "transferEncoding": r.headers.get("transfer-encoding")}


def expect_continue() -> dict:
    """requests cannot wait for 100 Continue; http.client can, as curl and browsers' uploaders do."""
    connection = http.client.HTTPConnection(ADDRESS.hostname, ADDRESS.port, timeout=10)

    def post(path: str, body: bytes) -> dict:
        connection.putrequest("POST", path)
        connection.putheader("Content-Length", str(len(body)))
        connection.putheader("Expect", "100-continue")
        connection.endheaders()
        # Peek at the first answer: 100 Continue invites the body; a final status declines it.
        first = connection.sock.recv(64, socket.MSG_PEEK).decode("latin-1").split("\r\n")[0]
        if first.startswith("HTTP/1.1 100 "):
            connection.send(body)
        r = connection.getresponse()
        return {"first": first, "status": r.status, "body": r.read().decode(), "connection": r.getheader("connection")}

    try:
        read = post("/inspect", b"expected body")
        refused = post("/no-read", b"x" * 100000)
        read["body"] = json.loads(read["body"])["bodyLength"]
        return {"read": read, "refused": refused}
    finally:
        connection.close()


def multipart() -> dict:
    files = {"upload": ("report.csv", b"id,name\n1,ada\n2,grace\n", "text/csv"), "blob": ("blob.bin", bytes(range(256)) * 64, "application/octet-stream")}
    r = requests.post(f"{BASE}/echo", files=files, data={"title": "Quarterly ☃"})
    body = r.content
    kind = r.headers.get("content-type", "")
    boundary = kind.split("boundary=")[-1].encode()
    return {
        "status": r.status_code,
        "multipart": kind.startswith("multipart/form-data"),
        "parts": body.count(b"--" + boundary) - 1,
        "hasCsv": b"1,ada\n2,grace\n" in body,
        "hasBlob": bytes(range(256)) * 64 in body,
        "hasTitle": "Quarterly ☃".encode() in body,
        "length": len(body),
        "sentLength": len(r.request.body),
    }


def run(name, scenario):
    try:
        return name, scenario()
    except Exception as error:  # noqa: BLE001 - each scenario reports its own failure
        return name, {"error": f"{type(error).__name__}: {error}"}


results = dict(run(name, scenario) for name, scenario in (
    ("sessionKeepAlive", session_keep_alive),
    ("chunkedUpload", chunked_upload),
    ("streamedDownload", streamed_download),
    ("expectContinue", expect_continue),
    ("multipart", multipart),
))
print(json.dumps(results))
