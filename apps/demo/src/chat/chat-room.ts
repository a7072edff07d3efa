// One chat room: who is in it, and an event for every member on each join, leave and message.
import { Mailbox } from './mailbox.js';

/** What the server sends on /ws/chat, one JSON text message each. */
export type ChatEvent =
  | { type: 'welcome'; name: string; members: string[] }
  | { type: 'join' | 'leave'; name: string; members: string[] }
  | { type: 'message'; name: string; text: string; at: string }
  | { type: 'error'; message: string };

/** A member: its display name, and the events waiting for its connection to send. */
export interface Member {
  readonly name: string;
  readonly inbox: Mailbox<ChatEvent>;
}

/**
 * The members of one room. The room only posts events; each member's connection sends its own.
 *
 * @example
 * const room = new ChatRoom();
 * const ada = room.join('Ada');           // ada.inbox: welcome; everyone else's: join
 * room.broadcast({ type: 'message', name: 'Ada', text: 'hi', at: new Date().toISOString() });
 * room.leave(ada);                        // the others get leave; ada.inbox ends
 */
export class ChatRoom {
  readonly #members = new Set<Member>();
  #guests = 0;

  /** The display names present, in joining order. */
  members(): string[] {
    return [...this.#members].map((member) => member.name);
  }

  /** A name for a client that gave none: guest-1, guest-2, ... */
  guestName(): string {
    return `guest-${++this.#guests}`;
  }

  /** Adds a member: it gets `welcome`, everyone else `join`. */
  join(name: string): Member {
    const member: Member = { name, inbox: new Mailbox() };
    this.#members.add(member);
    const members = this.members();
    this.broadcast({ type: 'join', name, members }, member);
    member.inbox.post({ type: 'welcome', name, members });
    return member;
  }

  /** Removes a member, ends its inbox, and tells the others. */
  leave(member: Member): void {
    if (!this.#members.delete(member)) return;
    member.inbox.close();
    this.broadcast({ type: 'leave', name: member.name, members: this.members() });
  }

  /** Posts `event` to every member but `except`. */
  broadcast(event: ChatEvent, except?: Member): void {
    for (const member of this.#members) if (member !== except) member.inbox.post(event);
  }
}
