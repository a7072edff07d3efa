"""The HTTP scenarios as a raw ASGI app, for uvicorn (mirrors src/http/payloads.ts)."""
import json

PLAINTEXT = b"Hello, World!"
JSON_TEXT = json.dumps({"message": "Hello, World!"}, separators=(",", ":")).encode()
CHUNK = b"x" * 4096
CHUNKS = 16


async def lifespan(receive, send):
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


async def respond(send, body, content_type):
    await send({
        "type": "http.response.start",
        "status": 200,
        "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode())],
    })
    await send({"type": "http.response.body", "body": body})


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        await lifespan(receive, send)
        return
    path = scope["path"]
    method = scope["method"]
    if path == "/plaintext":
        await respond(send, PLAINTEXT, b"text/plain")
    elif path == "/json":
        await respond(send, JSON_TEXT, b"application/json")
    elif path.startswith("/users/") and method == "GET":
        await respond(send, ("user " + path[len("/users/"):]).encode(), b"text/plain")
    elif path == "/echo" and method == "POST":
        parts = []
        more = True
        while more:
            message = await receive()
            parts.append(message.get("body", b""))
            more = message.get("more_body", False)
        await respond(send, b"".join(parts), b"application/octet-stream")
    elif path == "/stream":
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/octet-stream")]})
        for _ in range(CHUNKS):
            await send({"type": "http.response.body", "body": CHUNK, "more_body": True})
        await send({"type": "http.response.body", "body": b""})
    else:
        await send({"type": "http.response.start", "status": 404, "headers": [(b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})
