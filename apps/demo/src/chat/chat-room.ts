// One chat room: who is in it, and delivery of every event to every member in order.
import type { RouterWebSocket } from '@tsgi/router';

/** What the server sends on /ws/chat, one JSON text message each. */
export type ChatEvent =
  | { type: 'welcome'; name: string; members: string[] }
  | { type: 'join' | 'leave'; name: string; members: string[] }
  | { type: 'message'; name: string; text: string; at: string }
  | { type: 'error'; message: string };

interface Member {
  name: string;
  /** The last delivery queued for this member: sends to one socket never overlap or reorder. */
  tail: Promise<void>;
}

/**
 * The members of one room, each a WebSocket with a display name.
 *
 * @example
 * const room = new ChatRoom();
 * await room.join(socket, 'Ada');              // Ada gets welcome, the others get join
 * room.broadcast({ type: 'message', name: 'Ada', text: 'hi', at: new Date().toISOString() });
 */
export class ChatRoom {
  readonly #members = new Map<RouterWebSocket, Member>();
  #guests = 0;

  /** The display names present, in joining order. */
  members(): string[] {
    return [...this.#members.values()].map((member) => member.name);
  }

  /** A name for a client that gave none: guest-1, guest-2, ... */
  guestName(): string {
    return `guest-${++this.#guests}`;
  }

  /** Adds a member: it gets `welcome`, everyone else `join`. Resolves once the welcome is sent. */
  async join(socket: RouterWebSocket, name: string): Promise<void> {
    const member: Member = { name, tail: Promise.resolve() };
    this.#members.set(socket, member);
    const members = this.members();
    this.broadcast({ type: 'join', name, members }, socket);
    await this.#deliver(socket, member, { type: 'welcome', name, members });
  }

  /** Removes a member and tells the others. */
  leave(socket: RouterWebSocket): void {
    const member = this.#members.get(socket);
    if (member === undefined) return;
    this.#members.delete(socket);
    this.broadcast({ type: 'leave', name: member.name, members: this.members() });
  }

  /** Sends `event` to every member (but `except`); resolves once every send settled. */
  async broadcast(event: ChatEvent, except?: RouterWebSocket): Promise<void> {
    const sends = [...this.#members].filter(([socket]) => socket !== except).map(([socket, member]) => this.#deliver(socket, member, event));
    await Promise.all(sends);
  }

  /** Sends `event` to one member only (e.g. an error about its own message). */
  async tell(socket: RouterWebSocket, event: ChatEvent): Promise<void> {
    const member = this.#members.get(socket);
    if (member !== undefined) await this.#deliver(socket, member, event);
  }

  #deliver(socket: RouterWebSocket, member: Member, event: ChatEvent): Promise<void> {
    // A member that left mid-send is dropped; its own handler announces the leave.
    member.tail = member.tail.then(() => socket.sendJson(event)).catch(() => void this.#members.delete(socket));
    return member.tail;
  }
}
