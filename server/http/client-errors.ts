import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';

/**
 * What Node answers on its own, before a request reaches the app (a request that arrives too
 * slowly, headers too large, bytes that are not HTTP), in the same error envelope as every other
 * answer instead of Node's bare status line. Registered as the server's `clientError` listener.
 */
const ANSWERS: Record<string, { status: number; reason: string; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    message:
      'The request did not arrive in time (its headers and body must arrive within the request timeout); send it again.',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    message: 'The request headers are too large.',
  },
};
const MALFORMED = { status: 400, reason: 'Bad Request', message: 'The request is not valid HTTP.' };

/** The raw HTTP answer to a client error: a JSON error envelope, then the connection closes. */
export function clientErrorAnswer(code: string | undefined): string {
  const { status, reason, message } = (code !== undefined && ANSWERS[code]) || MALFORMED;
  const body = JSON.stringify({
    error: { code: 'validation', message, details: {}, requestId: randomUUID() },
  });
  return [
    `HTTP/1.1 ${status} ${reason}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** The `clientError` listener: answers in the envelope when the socket can still be written. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(clientErrorAnswer(error.code));
}
