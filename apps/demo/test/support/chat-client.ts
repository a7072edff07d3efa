// A chat member over a real WebSocket (the `ws` package), reading the server's JSON events in order.
import WebSocket from 'ws';

/** A chat event as the server sends it (src/chat/chat-room.ts). */
export type ChatMessage = { type: string; name?: string; members?: string[]; text?: string; message?: string };

/** One connected member. */
export interface ChatClient {
  /** The next event; rejects after `timeoutMs` or when the connection closes first. */
  next(timeoutMs?: number): Promise<ChatMessage>;
  send(data: string | Uint8Array): void;
  /** Closes (1000) and waits for the close to finish. */
  close(): Promise<void>;
  /** How the connection ended. */
  readonly closed: Promise<{ code: number; reason: string }>;
}

/**
 * Opens `ws/chat?name=<name>` below `baseUrl` and resolves once the handshake is done.
 *
 * @example
 * const ada = await joinChat('http://127.0.0.1:8000/', 'Ada');
 * expect(await ada.next()).toMatchObject({ type: 'welcome', name: 'Ada' });
 */
export function joinChat(baseUrl: string, name: string): Promise<ChatClient> {
  const url = new URL(`ws/chat?name=${encodeURIComponent(name)}`, baseUrl);
  url.protocol = 'ws:';
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const inbox: ChatMessage[] = [];
  const waiting: Array<{ resolve: (message: ChatMessage) => void; reject: (error: Error) => void }> = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => {
      for (const waiter of waiting.splice(0)) waiter.reject(new Error(`the connection closed (${code} ${reason.toString()})`));
      resolve({ code, reason: reason.toString() });
    });
  });
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as ChatMessage;
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(message);
    else inbox.push(message);
  });
  const client: ChatClient = {
    closed,
    next: (timeoutMs = 10_000) => {
      const queued = inbox.shift();
      if (queued) return Promise.resolve(queued);
      if (ws.readyState !== WebSocket.OPEN) return Promise.reject(new Error('the connection is closed'));
      return new Promise((resolve, reject) => {
        const waiter = {
          resolve: (message: ChatMessage) => {
            clearTimeout(timer);
            resolve(message);
          },
          reject: (error: Error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(waiter), 1);
          reject(new Error(`${name}: no chat event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.push(waiter);
      });
    },
    send: (data) => ws.send(data),
    close: async () => {
      if (ws.readyState === WebSocket.CLOSED) return;
      ws.close(1000);
      await closed;
    },
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.off('error', reject);
      ws.on('error', () => undefined);
      resolve(client);
    });
    ws.once('error', reject);
  });
}
