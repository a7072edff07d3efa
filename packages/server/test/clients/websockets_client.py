"""What a user does with the websockets library against `tsgi serve`; prints one JSON object.

Usage: websockets_client.py '{"ws": "ws://127.0.0.1:PORT", "maxSize": 65536}'
The server runs with --ws-max-size maxSize and short --ws-ping-interval / --ws-ping-timeout.
"""
import asyncio
import json
import sys

import websockets
from websockets.frames import OP_TEXT

CONFIG = json.loads(sys.argv[1])
BASE = CONFIG["ws"]
MAX_SIZE = CONFIG["maxSize"]


async def echo() -> dict:
    async with websockets.connect(f"{BASE}/ws", max_size=None) as ws:
        await ws.send("héllo ☃")
        text = await ws.recv()
        await ws.send(bytes(range(256)))
        binary = await ws.recv()
        await ws.send(["frag", "mented ", "☃"])
        fragmented = await ws.recv()
        await ws.send("x" * MAX_SIZE)
        at_limit = await ws.recv()
        return {
            "text": text,
            "binary": isinstance(binary, bytes) and binary == bytes(range(256)),
            "fragmented": fragmented,
            "atLimit": len(at_limit),
        }


async def subprotocols() -> dict:
    async with websockets.connect(f"{BASE}/ws", subprotocols=["v1", "chat"]) as chosen:
        picked = chosen.subprotocol
    async with websockets.connect(f"{BASE}/ws", subprotocols=["v1"]) as none:
        declined = none.subprotocol
    return {"picked": picked, "declined": declined}


async def close_codes() -> dict:
    ws = await websockets.connect(f"{BASE}/ws")
    await ws.close(code=4000, reason="bye ☃")
    client_close = {"code": ws.close_code, "reason": ws.close_reason}
    async with websockets.connect(f"{BASE}/ws/last-close") as reporter:
        seen_by_app = json.loads(await reporter.recv())
    server = await websockets.connect(f"{BASE}/ws/close?code=4001&reason=done+here")
    await asyncio.wait_for(server.wait_closed(), 5)
    return {
        "clientClose": client_close,
        "seenByApp": seen_by_app,
        "serverClose": {"code": server.close_code, "reason": server.close_reason},
    }


async def closed_by_server(send) -> dict:
    ws = await websockets.connect(f"{BASE}/ws", max_size=None)
    try:
        await send(ws)
        await asyncio.wait_for(ws.recv(), 5)
        return {"closed": False}
    except websockets.ConnectionClosed as closed:
        return {"code": closed.rcvd.code if closed.rcvd else None, "reason": closed.rcvd.reason if closed.rcvd else None}
    finally:
        await ws.close()


async def too_big() -> dict:
    return await closed_by_server(lambda ws: ws.send("x" * (MAX_SIZE + 1)))


async def invalid_utf8() -> dict:
    return await closed_by_server(lambda ws: ws.write_frame(True, OP_TEXT, b"ok \xff\xfe"))


async def ping_pong() -> dict:
    async with websockets.connect(f"{BASE}/ws", ping_interval=None) as ws:
        await asyncio.wait_for(await ws.ping(b"are you there"), 5)
        await ws.send("still here")
        return {"pong": True, "echo": await ws.recv()}


async def ping_timeout() -> dict:
    """A client that stops answering pings is dropped; one that answers stays."""
    answering = await websockets.connect(f"{BASE}/ws", ping_interval=None)
    silent = await websockets.connect(f"{BASE}/ws", ping_interval=None)

    async def ignore(_data: bytes = b"") -> None:
        return None

    silent.pong = ignore  # the library answers pings through pong(); this client stops
    loop = asyncio.get_running_loop()
    started = loop.time()
    await asyncio.wait_for(silent.wait_closed(), 10)
    waited = loop.time() - started
    await answering.send("after the other was dropped")
    reply = await asyncio.wait_for(answering.recv(), 5)
    await answering.close()
    return {"silentClosed": silent.closed, "silentCode": silent.close_code, "seconds": round(waited, 2), "answeringReply": reply}


async def denied() -> dict:
    try:
        async with websockets.connect(f"{BASE}/ws/deny"):
            return {"status": None}
    except websockets.InvalidStatusCode as refused:
        return {"status": refused.status_code}


async def concurrent(count: int = 200) -> dict:
    async def one(i: int) -> bool:
        async with websockets.connect(f"{BASE}/ws", ping_interval=None) as ws:
            for n in range(5):
                await ws.send(f"{i}:{n}")
                if await ws.recv() != f"{i}:{n}":
                    return False
            return True

    results = await asyncio.gather(*(one(i) for i in range(count)), return_exceptions=True)
    errors = [repr(r) for r in results if isinstance(r, BaseException)]
    return {"ok": sum(1 for r in results if r is True), "errors": errors[:3]}


async def main() -> None:
    results = {}
    for name, scenario in (
        ("echo", echo),
        ("subprotocols", subprotocols),
        ("closeCodes", close_codes),
        ("tooBig", too_big),
        ("invalidUtf8", invalid_utf8),
        ("pingPong", ping_pong),
        ("pingTimeout", ping_timeout),
        ("denied", denied),
        ("concurrent", concurrent),
    ):
        try:
            results[name] = await asyncio.wait_for(scenario(), 20)
        except Exception as error:  # noqa: BLE001 - each scenario reports its own failure
            results[name] = {"error": f"{type(error).__name__}: {error}"}
    print(json.dumps(results))


asyncio.run(main())
