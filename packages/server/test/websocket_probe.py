"""RFC 6455 probes of `tsgi serve` over raw sockets, plus the Python `websockets` client.

Run by websocket-rfc6455.test.ts with one JSON argument: {"base": "127.0.0.1:PORT", "maxSize": N,
"deflateBase": "127.0.0.1:PORT2"}. Prints one JSON object: probe name -> what was observed. The test
decides what is right; this script only reports the wire.
"""
import asyncio
import base64
import json
import os
import socket
import struct
import sys
import urllib.error
import urllib.request

import websockets

CONFIG = json.loads(sys.argv[1])
HOST, PORT = CONFIG["base"].split(":")
PORT = int(PORT)
KEY = base64.b64encode(os.urandom(16)).decode()
counter = 0


def next_id():
    global counter
    counter += 1
    return f"p{counter}"


def handshake_bytes(path, headers=None, drop=(), start="GET {path} HTTP/1.1"):
    fields = {
        "Host": f"{HOST}:{PORT}",
        "Upgrade": "websocket",
        "Connection": "Upgrade",
        "Sec-WebSocket-Key": KEY,
        "Sec-WebSocket-Version": "13",
    }
    for name in drop:
        fields.pop(name, None)
    fields.update(headers or {})
    lines = [start.format(path=path)] + [f"{k}: {v}" for k, v in fields.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin1")


class Raw:
    """A client over a raw socket: exact frames out, parsed frames in."""

    def __init__(self, path, headers=None, drop=(), start="GET {path} HTTP/1.1"):
        self.sock = socket.create_connection((HOST, PORT), timeout=5)
        self.buf = b""
        self.sock.sendall(handshake_bytes(path, headers, drop, start))
        head = self._until(b"\r\n\r\n")
        self.head = head.decode("latin1")
        self.status = int(self.head.split(" ", 2)[1])
        self.headers = {}
        for line in self.head.split("\r\n")[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                self.headers[name.strip().lower()] = value.strip()

    def _until(self, marker):
        while marker not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("closed before " + repr(marker))
            self.buf += chunk
        i = self.buf.index(marker) + len(marker)
        out, self.buf = self.buf[:i], self.buf[i:]
        return out[: -len(marker)]

    def _exactly(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("closed mid-frame")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def body(self):
        """The rest of an HTTP response (Content-Length framed)."""
        length = int(self.headers.get("content-length", "0"))
        return self._exactly(length).decode("utf8", "replace")

    def send(self, opcode, payload=b"", fin=True, mask=True, rsv=0, length=None):
        first = (0x80 if fin else 0) | (rsv << 4) | opcode
        n = len(payload) if length is None else length
        if n < 126:
            header = struct.pack("!BB", first, (0x80 if mask else 0) | n)
        elif n < 65536:
            header = struct.pack("!BBH", first, (0x80 if mask else 0) | 126, n)
        else:
            header = struct.pack("!BBQ", first, (0x80 if mask else 0) | 127, n)
        if mask:
            key = os.urandom(4)
            payload = bytes(b ^ key[i % 4] for i, b in enumerate(payload))
            header += key
        self.sock.sendall(header + payload)

    def close_frame(self, code=None, reason=b""):
        payload = b"" if code is None else struct.pack("!H", code) + reason
        self.send(0x8, payload)

    def frame(self):
        """The next frame: (opcode, payload, fin, rsv), or None once the server closed the TCP connection."""
        try:
            b1, b2 = self._exactly(2)
        except (EOFError, ConnectionResetError):
            return None
        n = b2 & 0x7F
        if n == 126:
            (n,) = struct.unpack("!H", self._exactly(2))
        elif n == 127:
            (n,) = struct.unpack("!Q", self._exactly(8))
        masked = bool(b2 & 0x80)
        key = self._exactly(4) if masked else None
        payload = self._exactly(n)
        return {"opcode": b1 & 0x0F, "fin": bool(b1 & 0x80), "rsv": (b1 >> 4) & 7, "masked": masked, "payload": payload}

    def close_reply(self):
        """Reads frames until the server's close frame; returns its code and reason (None: no close frame)."""
        while True:
            frame = self.frame()
            if frame is None:
                return {"code": None}
            if frame["opcode"] == 0x8:
                payload = frame["payload"]
                if len(payload) >= 2:
                    (code,) = struct.unpack("!H", payload[:2])
                    return {"code": code, "reason": payload[2:].decode("utf8", "replace")}
                return {"code": "none", "reason": ""}

    def eof_after_close(self):
        """True when the server ends the TCP connection after its close frame (RFC 6455 §7.1.1)."""
        try:
            while True:
                chunk = self.sock.recv(65536)
                if not chunk:
                    return True
        except (socket.timeout, ConnectionResetError):
            return False

    def done(self):
        self.sock.close()


def events(conn_id):
    """What the app saw on connection `conn_id` (GET /events?id=)."""
    with urllib.request.urlopen(f"http://{HOST}:{PORT}/events?id={conn_id}", timeout=5) as res:
        return json.loads(res.read())


def events_when(conn_id, done):
    """Polls /events until `done(events)` (the app sees a disconnect a moment after the wire)."""
    import time

    deadline = time.time() + 5
    while True:
        seen = events(conn_id)
        if done(seen) or time.time() > deadline:
            return seen


def last_disconnect(conn_id):
    seen = events_when(conn_id, lambda e: bool(e) and e[-1].get("type") == "websocket.disconnect")
    last = seen[-1] if seen else None
    return {"code": last.get("code"), "reason": last.get("reason")} if last and last.get("type") == "websocket.disconnect" else None


def opened(path="/echo", **kwargs):
    conn_id = next_id()
    sep = "&" if "?" in path else "?"
    raw = Raw(f"{path}{sep}id={conn_id}", **kwargs)
    return raw, conn_id


def probe_protocol_failure(send_frames):
    """Sends bad frames on an open connection; reports the server's close code and the app's view."""
    raw, conn_id = opened()
    send_frames(raw)
    reply = raw.close_reply()
    # Answer the close as a client should; the server has failed the connection (RFC 6455 §7.1.7) and
    # reads no more, so the app's disconnect says no close frame was received: 1006 (§7.1.5).
    if reply.get("code") not in (None, "none"):
        try:
            raw.close_frame(reply["code"])
        except OSError:
            pass
    eof = raw.eof_after_close()
    raw.done()
    return {"serverClose": reply["code"], "eof": eof, "app": last_disconnect(conn_id)}


def run_probes():
    results = {}

    # Fragmented text with a ping between its fragments: the pong carries the ping's payload, and the
    # app gets the whole message once.
    raw, conn_id = opened()
    raw.send(0x1, "frag".encode(), fin=False)
    raw.send(0x9, b"ping-payload")
    raw.send(0x0, "men".encode(), fin=False)
    raw.send(0x0, "ted ☃".encode(), fin=True)
    pong = raw.frame()
    echo = raw.frame()
    raw.close_frame(1000, b"bye")
    result = {
        "pong": {"opcode": pong["opcode"], "payload": pong["payload"].decode()},
        "echo": {"opcode": echo["opcode"], "text": echo["payload"].decode(), "fin": echo["fin"], "rsv": echo["rsv"], "masked": echo["masked"]},
        "closeReply": raw.close_reply(),
        "eof": raw.eof_after_close(),
    }
    raw.done()
    result["app"] = last_disconnect(conn_id)
    results["fragmentedWithPing"] = result

    # Fragmented binary, and a ping with an empty payload.
    raw, conn_id = opened()
    raw.send(0x2, bytes([1, 2]), fin=False)
    raw.send(0x0, bytes([3]), fin=True)
    raw.send(0x9, b"")
    # The pong may overtake the echo, which goes through the app.
    frames = sorted([raw.frame(), raw.frame()], key=lambda f: f["opcode"])
    echo, pong = frames
    raw.close_frame(1000)
    raw.close_reply()
    raw.done()
    results["fragmentedBinary"] = {"echo": {"opcode": echo["opcode"], "bytes": list(echo["payload"])}, "emptyPong": {"opcode": pong["opcode"], "payload": pong["payload"].decode()}}

    # An unsolicited pong is ignored (RFC 6455 §5.5.3); a close between fragments ends the connection
    # and the partial message never reaches the app.
    raw, conn_id = opened()
    raw.send(0xA, b"unasked")
    raw.send(0x1, b"still here")
    echo = raw.frame()
    raw.send(0x1, b"half", fin=False)
    raw.close_frame(1000)
    result = {"echo": echo["payload"].decode(), "reply": raw.close_reply(), "eof": raw.eof_after_close()}
    raw.done()
    result["app"] = [e.get("text") or e.get("code") for e in events_when(conn_id, lambda e: bool(e) and e[-1].get("type") == "websocket.disconnect")[1:]]
    results["pongThenCloseMidFragments"] = result

    # Close handshake: code and reason echoed; no code answered without one, and the app sees 1005.
    raw, conn_id = opened()
    raw.close_frame(4321, "done ☃".encode())
    result = {"reply": raw.close_reply(), "eof": raw.eof_after_close()}
    raw.done()
    result["app"] = last_disconnect(conn_id)
    results["closeWithCode"] = result
    raw, conn_id = opened()
    raw.close_frame(None)
    result = {"reply": raw.close_reply(), "eof": raw.eof_after_close()}
    raw.done()
    result["app"] = last_disconnect(conn_id)
    results["closeWithoutCode"] = result

    # Close codes a peer may never send (RFC 6455 §7.4.1/§7.4.2), a 1-byte close payload, and a
    # reason that is not UTF-8.
    for code in (999, 1004, 1005, 1006, 1015, 1016, 2999, 5000):
        results[f"closeCode{code}"] = probe_protocol_failure(lambda raw, c=code: raw.close_frame(c))
    results["closeCode3000"] = probe_protocol_failure(lambda raw: raw.close_frame(3000))
    results["closeOneByte"] = probe_protocol_failure(lambda raw: raw.send(0x8, b"\x03"))
    results["closeReasonNotUtf8"] = probe_protocol_failure(lambda raw: raw.close_frame(1000, b"\xff\xfe"))

    # Framing errors: unmasked, reserved bits, unknown opcodes, oversize or fragmented control
    # frames, a continuation with nothing to continue, a new message inside a fragmented one.
    results["unmasked"] = probe_protocol_failure(lambda raw: raw.send(0x1, b"hi", mask=False))
    results["rsv1"] = probe_protocol_failure(lambda raw: raw.send(0x1, b"hi", rsv=4))
    results["rsv2"] = probe_protocol_failure(lambda raw: raw.send(0x1, b"hi", rsv=2))
    results["rsv3"] = probe_protocol_failure(lambda raw: raw.send(0x1, b"hi", rsv=1))
    results["opcode3"] = probe_protocol_failure(lambda raw: raw.send(0x3, b"hi"))
    results["opcodeB"] = probe_protocol_failure(lambda raw: raw.send(0xB, b"hi"))
    results["bigPing"] = probe_protocol_failure(lambda raw: raw.send(0x9, b"x" * 126))
    results["fragmentedPing"] = probe_protocol_failure(lambda raw: raw.send(0x9, b"x", fin=False))
    results["orphanContinuation"] = probe_protocol_failure(lambda raw: raw.send(0x0, b"x"))

    def interrupted(raw):
        raw.send(0x1, b"a", fin=False)
        raw.send(0x1, b"b")

    results["newMessageMidFragments"] = probe_protocol_failure(interrupted)

    # Invalid UTF-8: in one frame, split across fragments (a valid prefix), and a code point cut
    # between fragments that is valid once joined.
    results["textNotUtf8"] = probe_protocol_failure(lambda raw: raw.send(0x1, b"\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5\xed\xa0\x80"))

    def split_invalid(raw):
        raw.send(0x1, "κόσμε".encode(), fin=False)
        raw.send(0x0, b"\xf4\x90\x80\x80", fin=True)

    results["textNotUtf8AcrossFragments"] = probe_protocol_failure(split_invalid)
    raw, conn_id = opened()
    snowman = "☃".encode()
    raw.send(0x1, snowman[:1], fin=False)
    raw.send(0x0, snowman[1:], fin=True)
    echo = raw.frame()
    raw.close_frame(1000)
    raw.close_reply()
    raw.done()
    results["codePointSplitAcrossFragments"] = {"opcode": echo["opcode"], "text": echo["payload"].decode()}

    # --ws-max-size: one frame over it, and fragments that add up past it.
    max_size = CONFIG["maxSize"]
    results["tooBig"] = probe_protocol_failure(lambda raw: raw.send(0x2, b"x" * (max_size + 1)))

    def too_big_in_fragments(raw):
        raw.send(0x2, b"x" * (max_size // 2 + 1), fin=False)
        raw.send(0x0, b"x" * (max_size // 2 + 1), fin=True)

    results["tooBigInFragments"] = probe_protocol_failure(too_big_in_fragments)
    raw, conn_id = opened()
    raw.send(0x2, b"x" * max_size)
    echo = raw.frame()
    raw.close_frame(1000)
    raw.close_reply()
    raw.done()
    results["atMaxSize"] = {"length": len(echo["payload"])}

    # Handshake errors.
    def refused(path, headers=None, drop=(), start="GET {path} HTTP/1.1"):
        raw = Raw(path, headers, drop, start)
        result = {"status": raw.status, "version": raw.headers.get("sec-websocket-version"), "upgrade": raw.headers.get("upgrade")}
        raw.done()
        return result

    results["badVersion"] = refused("/echo", {"Sec-WebSocket-Version": "8"})
    results["missingVersion"] = refused("/echo", drop=("Sec-WebSocket-Version",))
    results["missingKey"] = refused("/echo", drop=("Sec-WebSocket-Key",))
    results["shortKey"] = refused("/echo", {"Sec-WebSocket-Key": base64.b64encode(b"short").decode()})
    results["post"] = refused("/echo", start="POST {path} HTTP/1.1")
    for name, offer in (("duplicateSubprotocols", "chat, chat"), ("emptySubprotocol", "chat,,superchat"), ("badSubprotocol", "chat, c@t")):
        conn_id = next_id()
        result = refused(f"/echo?id={conn_id}", {"Sec-WebSocket-Protocol": offer})
        try:
            result["appSaw"] = events(conn_id)
        except urllib.error.HTTPError as error:
            result["appSaw"] = error.code
        results[name] = result
    results["http10"] = refused("/echo", start="GET {path} HTTP/1.0")

    # Subprotocols: the app's pick is sent; none when it picks none.
    raw, _ = opened("/echo?subprotocol=chat", headers={"Sec-WebSocket-Protocol": "superchat, chat"})
    results["subprotocolPicked"] = {"status": raw.status, "protocol": raw.headers.get("sec-websocket-protocol")}
    raw.close_frame(1000)
    raw.close_reply()
    raw.done()
    raw, _ = opened("/echo", headers={"Sec-WebSocket-Protocol": "superchat, chat"})
    results["subprotocolNone"] = {"status": raw.status, "protocol": raw.headers.get("sec-websocket-protocol")}
    raw.close_frame(1000)
    raw.close_reply()
    raw.done()

    # The app answering without upgrading.
    raw, conn_id = opened("/deny")
    results["denial"] = {"status": raw.status, "wwwAuthenticate": raw.headers.get("www-authenticate"), "body": raw.body(), "app": last_disconnect(conn_id)}
    raw.done()
    for path in ("/close-before-accept", "/raise-before-accept", "/return-before-accept"):
        raw, conn_id = opened(path)
        results[path] = {"status": raw.status, "upgrade": raw.headers.get("upgrade")}
        raw.done()

    # The app failing, closing or returning mid-session.
    raw, conn_id = opened("/raise-after-accept")
    raw.send(0x1, b"hi")
    results["raiseAfterAccept"] = raw.close_reply()
    raw.done()
    raw, conn_id = opened("/close-after-first?code=4003&reason=enough")
    raw.send(0x1, b"hi")
    reply = raw.close_reply()
    raw.close_frame(4003)
    result = {"reply": reply, "eof": raw.eof_after_close()}
    raw.done()
    result["app"] = last_disconnect(conn_id)
    results["appCloses"] = result
    raw, conn_id = opened("/return-after-first")
    raw.send(0x1, b"hi")
    results["appReturns"] = raw.close_reply()
    raw.done()

    # The client vanishing without a close frame: the app sees 1006.
    raw, conn_id = opened()
    raw.send(0x1, b"last words")
    raw.frame()
    raw.sock.shutdown(socket.SHUT_RDWR)
    raw.done()
    results["clientVanishes"] = {"app": last_disconnect(conn_id)}

    # Messages sent right before the close frame reach the app before its disconnect.
    raw, conn_id = opened("/collect")
    for i in range(5):
        raw.send(0x1, str(i).encode())
    raw.close_frame(1000)
    raw.close_reply()
    raw.eof_after_close()
    raw.done()
    seen = events_when(conn_id, lambda e: bool(e) and e[-1].get("type") == "websocket.disconnect")
    results["messagesBeforeClose"] = [e.get("text") for e in seen if e.get("type") == "websocket.receive"]

    # permessage-deflate: offered only with --ws-per-message-deflate; compressed frames on the server
    # that negotiated it; a compressed frame where it was not negotiated is a protocol error.
    offer = {"Sec-WebSocket-Extensions": "permessage-deflate; client_max_window_bits"}
    raw, _ = opened(headers=offer)
    results["deflateOff"] = {"extensions": raw.headers.get("sec-websocket-extensions")}
    raw.close_frame(1000)
    raw.close_reply()
    raw.done()
    return results


async def websockets_probes(results):
    base = f"ws://{HOST}:{PORT}"
    deflate_base = f"ws://{CONFIG['deflateBase']}"
    out = {}
    async with websockets.connect(f"{base}/echo?id={next_id()}", compression=None) as ws:
        await ws.send(["frag", "mented ", "☃"])
        out["fragmentedText"] = await ws.recv()
        pong = await ws.ping(b"abc")
        await asyncio.wait_for(pong, 5)
        out["pong"] = True
    async with websockets.connect(f"{deflate_base}/echo?id={next_id()}") as ws:
        out["deflateNegotiated"] = ws.response_headers.get("Sec-WebSocket-Extensions")
        await ws.send("squeeze " * 100)
        out["deflateEcho"] = (await ws.recv()) == "squeeze " * 100
        await ws.send(b"\x00" * 5000)
        out["deflateBinary"] = len(await ws.recv())
    async with websockets.connect(f"{base}/echo?id={next_id()}") as ws:
        out["noDeflate"] = ws.response_headers.get("Sec-WebSocket-Extensions")
    results["websockets"] = out


results = run_probes()
asyncio.run(websockets_probes(results))
print(json.dumps(results))
