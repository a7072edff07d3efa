"""What a user does with httpx against `tsgi serve`; prints one JSON object, a result per scenario.

Usage: httpx_client.py '{"http": "http://127.0.0.1:PORT", "https": "https://127.0.0.1:PORT", "cafile": "cert.pem"}'
Each scenario reports what it observed (statuses, headers, hashes) or {"error": "..."}; the vitest
file beside this one asserts on it.
"""
import hashlib
import json
import sys

import httpx

CONFIG = json.loads(sys.argv[1])
BASE = CONFIG["http"]
MIB = 1024 * 1024


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def methods_with_bodies(client: httpx.Client) -> dict:
    out = {}
    for method in ("GET", "POST", "PUT", "PATCH", "DELETE"):
        content = f"{method} body".encode() if method != "GET" else None
        r = client.request(method, "/echo", content=content, headers={"content-type": "text/plain"})
        out[method] = {"status": r.status_code, "body": r.text, "method": r.headers.get("x-method")}
    r = client.post("/echo", json={"a": [1, "é"]})
    out["json"] = {"status": r.status_code, "body": r.json(), "type": r.headers["content-type"]}
    r = client.post("/echo", data={"name": "ada lovelace", "lang": "fr"})
    out["form"] = {"status": r.status_code, "body": r.text, "type": r.headers["content-type"]}
    return out


def streaming_download(client: httpx.Client) -> dict:
    sizes = []
    with client.stream("GET", "/stream", params={"chunks": 64, "size": 16384}) as r:
        digest = hashlib.sha256()
        for chunk in r.iter_bytes():
            sizes.append(len(chunk))
            digest.update(chunk)
        return {"status": r.status_code, "total": sum(sizes), "chunked": r.headers.get("transfer-encoding"), "sha256": digest.hexdigest()}


def chunked_upload(client: httpx.Client) -> dict:
    pieces = [bytes([65 + i % 26]) * (1000 + i) for i in range(50)]

    def generate():
        yield from pieces

    r = client.post("/inspect", content=generate())
    report = r.json()
    sent = dict((name, value) for name, value in report["headers"])
    return {
        "status": r.status_code,
        "bodyLength": report["bodyLength"],
        "expectedLength": sum(len(p) for p in pieces),
        "sha256Matches": report["sha256"] == sha256(b"".join(pieces)),
        "transferEncoding": sent.get("transfer-encoding"),
    }


def keep_alive(client: httpx.Client) -> dict:
    ports = set()
    statuses = set()
    for i in range(100):
        r = client.get("/inspect", params={"i": i}, extensions={})
        statuses.add(r.status_code)
        stream = r.extensions.get("network_stream")
        if stream is not None:
            ports.add(stream.get_extra_info("client_addr")[1])
    return {"statuses": sorted(statuses), "connections": len(ports)}


def head_and_empty(client: httpx.Client) -> dict:
    get = client.get("/inspect")
    head = client.head("/inspect")
    no_content = client.get("/status", params={"code": 204})
    not_modified = client.get("/status", params={"code": 304}, headers={"if-none-match": '"v1"'})
    after = client.get("/echo")
    return {
        "head": {"status": head.status_code, "length": head.headers.get("content-length"), "body": len(head.content), "getLength": get.headers.get("content-length")},
        "204": {"status": no_content.status_code, "body": len(no_content.content), "length": no_content.headers.get("content-length"), "te": no_content.headers.get("transfer-encoding")},
        "304": {"status": not_modified.status_code, "body": len(not_modified.content), "etag": not_modified.headers.get("etag"), "te": not_modified.headers.get("transfer-encoding")},
        "afterwards": after.status_code,
    }


def redirects(client: httpx.Client) -> dict:
    followed = client.get("/redirect", params={"hops": 3}, follow_redirects=True)
    not_followed = client.get("/redirect")
    return {
        "status": followed.status_code,
        "history": [r.status_code for r in followed.history],
        "finalQuery": followed.json()["queryString"],
        "unfollowed": {"status": not_followed.status_code, "location": not_followed.headers.get("location")},
    }


def timeouts(client: httpx.Client) -> dict:
    try:
        client.get("/slow", params={"ms": 1500}, timeout=0.3)
        timed_out = None
    except httpx.ReadTimeout as error:
        timed_out = type(error).__name__
    quick = client.get("/slow", params={"ms": 10}, timeout=5)
    return {"timedOut": timed_out, "afterwards": quick.status_code, "body": quick.text}


def paths_and_queries(client: httpx.Client) -> dict:
    out = {}
    r = client.get("/inspect", params={"name": "Zoë & co", "emoji": "☃", "empty": "", "list": ["a", "b"]})
    out["params"] = {"status": r.status_code, "queryString": r.json()["queryString"]}
    # The caller's own percent-encoding stays as sent; raw non-ASCII gets UTF-8 percent-encoded by httpx.
    r = client.get(BASE + "/inspect/caf%C3%A9/a%2Fb")
    out["encoded"] = {"status": r.status_code, "path": r.json()["path"], "rawPath": r.json()["rawPath"]}
    r = client.get(BASE + "/inspect/naïve ☃")
    out["unicode"] = {"status": r.status_code, "path": r.json()["path"], "rawPath": r.json()["rawPath"]}
    r = client.get(BASE + "/inspect?q=%E2%98%83&x=1+2&raw=%2F")
    out["inspectEncoded"] = {"queryString": r.json()["queryString"], "rawPath": r.json()["rawPath"]}
    r = client.get(BASE + "/insp%65ct")
    out["decodedPath"] = {"status": r.status_code, "path": r.json()["path"] if r.status_code == 200 else None, "rawPath": r.json()["rawPath"] if r.status_code == 200 else None}
    return out


def headers_and_cookies(client: httpx.Client) -> dict:
    r = client.get("/inspect", headers=[("x-repeat", "one"), ("x-repeat", "two"), ("x-latin", b"caf\xe9")])
    seen = [value for name, value in r.json()["headers"] if name == "x-repeat"]
    jar = httpx.Client(base_url=BASE)
    try:
        first = jar.get("/cookies")
        second = jar.get("/cookies")
        return {
            "repeated": seen,
            "setCookie": first.headers.get_list("set-cookie"),
            "jar": dict(jar.cookies),
            "sentBack": second.json()["cookies"],
            "latin": [value for name, value in r.json()["headers"] if name == "x-latin"],
        }
    finally:
        jar.close()


def large_bodies(client: httpx.Client) -> dict:
    body = bytes(range(256)) * (10 * MIB // 256)
    up = client.post("/inspect", content=body)
    echoed = client.post("/echo", content=body)
    too_big = client.post("/inspect", content=body + b"x")
    after = client.get("/echo")
    return {
        "upload": {"status": up.status_code, "bodyLength": up.json()["bodyLength"], "sha256Matches": up.json()["sha256"] == sha256(body)},
        "echo": {"status": echoed.status_code, "sha256Matches": sha256(echoed.content) == sha256(body)},
        "tooBig": {"status": too_big.status_code, "connection": too_big.headers.get("connection")},
        "afterwards": after.status_code,
    }


def http2(base: str, verify) -> dict:
    with httpx.Client(base_url=base, http2=True, verify=verify) as client:
        versions = set()
        for i in range(20):
            versions.add(client.get("/inspect", params={"i": i}).http_version)
        post = client.post("/inspect", content=b"h2 body" * 1000)
        streamed = client.get("/stream", params={"chunks": 32, "size": 8192})
        big = bytes(range(256)) * (2 * MIB // 256)
        upload = client.post("/inspect", content=iter([big[i : i + 65536] for i in range(0, len(big), 65536)]))
        head = client.head("/inspect")
        no_content = client.get("/status", params={"code": 204})
        # The TLS server runs with --limit-body 2m: past it, 413 whether the length is declared or not.
        over = b"x" * (2 * MIB + 1)
        declared = client.post("/inspect", content=over)
        streamed_over = client.post("/inspect", content=iter([over[i : i + 65536] for i in range(0, len(over), 65536)]))
        after = client.get("/inspect")
        return {
            "versions": sorted(versions),
            "post": {"status": post.status_code, "bodyLength": post.json()["bodyLength"], "httpVersion": post.json()["httpVersion"], "scheme": post.json()["scheme"]},
            "stream": {"status": streamed.status_code, "length": len(streamed.content)},
            "upload": {"status": upload.status_code, "sha256Matches": upload.json()["sha256"] == sha256(big)},
            "head": {"status": head.status_code, "body": len(head.content)},
            "204": {"status": no_content.status_code, "body": len(no_content.content)},
            "tooBig": {"declared": declared.status_code, "streamed": streamed_over.status_code, "afterwards": after.status_code},
        }


def h2c_prior_knowledge(base: str) -> dict:
    # httpx speaks h2c only with prior knowledge, through its transport (http1=False, http2=True).
    transport = httpx.HTTPTransport(http1=False, http2=True)
    with httpx.Client(base_url=base, transport=transport) as client:
        r = client.post("/inspect", content=b"cleartext h2")
        return {"status": r.status_code, "httpVersion": r.http_version, "appVersion": r.json()["httpVersion"], "bodyLength": r.json()["bodyLength"]}


def run(name, scenario, *args):
    try:
        return name, scenario(*args)
    except Exception as error:  # noqa: BLE001 - each scenario reports its own failure
        return name, {"error": f"{type(error).__name__}: {error}"}


def main() -> None:
    results = {}
    with httpx.Client(base_url=BASE, timeout=30) as client:
        for name, scenario in (
            ("methods", methods_with_bodies),
            ("streamingDownload", streaming_download),
            ("chunkedUpload", chunked_upload),
            ("keepAlive", keep_alive),
            ("headAndEmpty", head_and_empty),
            ("redirects", redirects),
            ("timeouts", timeouts),
            ("pathsAndQueries", paths_and_queries),
            ("headersAndCookies", headers_and_cookies),
            ("largeBodies", large_bodies),
        ):
            key, value = run(name, scenario, client)
            results[key] = value
    key, value = run("http2", http2, CONFIG["https"], CONFIG["cafile"])
    results[key] = value
    key, value = run("h2c", h2c_prior_knowledge, BASE)
    results[key] = value
    print(json.dumps(results))


main()
