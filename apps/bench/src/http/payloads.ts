// What every HTTP contender answers, byte for byte, so they all do the same work.

/** GET /plaintext. */
export const PLAINTEXT = 'Hello, World!';
/** GET /json, serialised by each contender itself. */
export const JSON_MESSAGE = { message: 'Hello, World!' };
/** The serialised form every contender must produce for /json. */
export const JSON_TEXT = '{"message":"Hello, World!"}';
/** GET /users/:id answers `user ${id}`. */
export const PARAM_PREFIX = '/users/';
/** POST /echo sends this many bytes and gets them back. */
export const ECHO_BYTES = 1024;
/** GET /stream answers STREAM_CHUNKS chunks of this many bytes of 'x', one write each. */
export const STREAM_CHUNK_BYTES = 4096;
/** How many chunks GET /stream writes (64 KiB in all). */
export const STREAM_CHUNKS = 16;

/** One 4 KiB chunk of the streamed response. */
export const STREAM_CHUNK: Uint8Array = new Uint8Array(STREAM_CHUNK_BYTES).fill(0x78);
