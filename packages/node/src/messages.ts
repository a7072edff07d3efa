// Every message @tsgi/node produces, in one place: code uses them, tests import them.

/** What the node mapping says about requests it refuses and responses it cannot deliver. */
export const NODE_MESSAGES = {
  bodyTooLarge: (limit: number) => `RFC 9110 §15.5.14: the request body is larger than the ${limit}-byte limit`,
  bodyTooSlow: (seconds: number, rate: number) =>
    `RFC 9110 §15.5.9: the request body stalled for more than ${seconds}s beyond ${rate} bytes/s`,
  badHandshake: (reason: string) => `RFC 6455 §4.2.1: invalid WebSocket handshake: ${reason}`,
  badVersion: 'RFC 6455 §4.4: only WebSocket version 13 is supported',
  badExtensions: 'RFC 6455 §9.1: Sec-WebSocket-Extensions must be a list of extension tokens with parameters',
  fileIsDirectory: (file: string | number) => `cannot send ${describeFile(file)}: it is a directory`,
  fileShrank: (file: string | number, sent: number, length: number) => `${describeFile(file)} shrank while it was sent: ${sent} of ${length} bytes`,
  fileLengthMismatch: (file: string | number, declared: number, length: number) =>
    `async §6.2: content-length says ${declared} bytes but ${describeFile(file)} has ${length} to send`,
  wsPingTimeout: (seconds: number) => `RFC 6455 §5.5.2: no pong within ${seconds}s; dropping the connection`,
  underscoreHeader: (name: string) => `header name ${JSON.stringify(name)} contains '_' and could alias a dashed name`,
} as const;

function describeFile(file: string | number): string {
  return typeof file === 'number' ? `file descriptor ${file}` : JSON.stringify(file);
}
