// GET /ws/chat?name=Ada: the chat's WebSocket route.
import type { WebSocketHandler } from '@tsgi/router';
import { MESSAGES } from '../errors.js';
import type { ChatRoom } from './chat-room.js';

/** The longest display name. */
export const NAME_MAX = 32;
/** The longest chat message. */
export const MESSAGE_MAX = 500;

/**
 * The WebSocket handler for one room. Clients send chat lines as text frames; the server sends
 * ChatEvent JSON. A bad message gets an `error` event for its sender only; a name that is too
 * long gets an `error` event and close code 1008 (RFC 6455 §7.4.1: policy violation).
 *
 * @example
 * router.ws('/ws/chat', chatHandler(new ChatRoom()));
 */
export function chatHandler(room: ChatRoom): WebSocketHandler {
  return async (socket) => {
    const asked = socket.request.query.get('name')?.trim() ?? '';
    await socket.accept();
    if (asked.length > NAME_MAX) {
      await socket.sendJson({ type: 'error', message: MESSAGES.chatNameLength(NAME_MAX) });
      await socket.close(1008, 'name too long');
      return;
    }
    const member = room.join(asked || room.guestName());
    // This connection sends its own events, one at a time and in order, while it reads.
    const sending = (async () => {
      for await (const event of member.inbox) await socket.sendJson(event);
    })();
    try {
      for await (const message of socket) {
        const text = typeof message === 'string' ? message.trim() : null;
        if (text === null || text.length === 0 || text.length > MESSAGE_MAX) {
          const error = text === null ? MESSAGES.chatBinary : MESSAGES.chatLength(MESSAGE_MAX);
          member.inbox.post({ type: 'error', message: error });
        } else room.broadcast({ type: 'message', name: member.name, text, at: new Date().toISOString() });
      }
    } finally {
      room.leave(member);
      // Sends after the client left fail; there is no one left to tell.
      await sending.catch(() => undefined);
    }
  };
}
