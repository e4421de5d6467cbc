import { STATUS_CODES } from 'node:http';
import { Socket } from 'node:net';
import { FastifyBaseLogger, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLFormattedError } from 'graphql';
import { Limits } from '../config';
import { limitMessage } from './limits';

/**
 * Every error answer of the HTTP layer, whoever refuses — Fastify's body parser and router, Node's HTTP parser,
 * the rate limit, load shedding, a closing server — has the API's one shape:
 * `{ errors: [{ message, extensions: { code } }] }` with the HTTP status that goes with the code.
 */

export function errorBody(message: string, code: string, extensions: Record<string, unknown> = {}): { errors: GraphQLFormattedError[] } {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}

/** A refusal made by our own hooks and plugins' builders (the rate limit), carried to the error handler as an error. */
export class HttpRefusal extends Error {
  constructor(
    readonly statusCode: number,
    readonly apiCode: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The code for a status when nothing more specific is known. */
const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Fastify's own refusals (the body parser's, the router's, @fastify/compress's) and ours, as the API's errors. The
 * codes a client can reach, from Fastify's error reference (docs/Reference/Errors.md) and the plugins:
 *   FST_ERR_CTP_BODY_TOO_LARGE 413, FST_ERR_CTP_INVALID_MEDIA_TYPE 415, FST_ERR_CTP_INVALID_JSON_BODY,
 *   FST_ERR_CTP_EMPTY_JSON_BODY, FST_ERR_CTP_INVALID_CONTENT_LENGTH 400 (the body parser);
 *   FST_ERR_BAD_URL 400, FST_ERR_MAX_PARAM_LENGTH 414, FST_ERR_ASYNC_CONSTRAINT (the router, via frameworkErrors);
 *   FST_ERR_ROUTE_MISSING_CONTENT_TYPE 400 (QUERY without a type); FST_CP_ERR_INVALID_CONTENT_ENCODING 415 and
 *   FST_CP_ERR_INVALID_CONTENT 400 (a compressed request body); FST_UNDER_PRESSURE 503; anything else with a 4xx
 *   status keeps it, with the code of that status. Node's HTTP parser's refusals (431, 408, 400) never reach
 *   Fastify: clientErrorHandler below answers them on the socket.
 */
export function describeHttpError(error: FastifyError, request: FastifyRequest, limits: Limits): { status: number; body: object } {
  if (error instanceof HttpRefusal) return { status: error.statusCode, body: errorBody(error.message, error.apiCode, error.extensions) };
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const declared = Number(request.headers['content-length']);
      const actual = Number.isFinite(declared) && declared > limits.maxBodyBytes ? declared : limits.maxBodyBytes + 1;
      const message = limitMessage('maxBodyBytes', limits.maxBodyBytes, actual, `The request body${actual === declared ? '' : ' (at least)'} in bytes`,
        'Send a shorter query; put long values in variables only as long as they need to be.');
      return { status: 413, body: errorBody(message, 'PAYLOAD_TOO_LARGE', { limit: 'maxBodyBytes', max: limits.maxBodyBytes, actual }) };
    }
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: errorBody('The request body is not valid JSON. Send {"query": "...", "variables": {...}}.', 'BAD_REQUEST') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: errorBody(`Content-Type ${JSON.stringify(String(request.headers['content-type'] ?? '').slice(0, 100))} is not supported; send application/json.`, 'UNSUPPORTED_MEDIA_TYPE'),
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: errorBody('The Content-Length header does not match the body.', 'BAD_REQUEST') };
    case 'FST_ERR_BAD_URL':
      return { status: 400, body: errorBody('The URL is not valid: a %-escape does not decode (e.g. %c0, %ZZ).', 'BAD_REQUEST') };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, body: errorBody('A part of the URL path is too long.', 'URI_TOO_LONG') };
    case 'FST_UNDER_PRESSURE':
      return { status: 503, body: errorBody('The server is overloaded; try again in a few seconds.', 'SERVICE_UNAVAILABLE') };
  }
  if (status < 500) return { status, body: errorBody(error.message.slice(0, 300), CODE_OF_STATUS[status] ?? 'BAD_REQUEST') };
  return { status: 500, body: errorBody('Internal server error.', 'INTERNAL_SERVER_ERROR') };
}

/** Fastify's `frameworkErrors`: the router's refusals (a bad %-escape, an over-long path part) in the API's shape. */
export function frameworkErrors(limits: Limits) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const { status, body } = describeHttpError(error, request, limits);
    void reply.code(status).type('application/json; charset=utf-8').send(body);
  };
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before there is a request — headers over its
 * 16 KB limit (431), a client that did not send its headers in time (408), bytes that are not HTTP (400) — answered
 * on the socket in the API's shape, then the socket is closed. A reset socket gets nothing (nobody is listening).
 */
export function clientErrorHandler() {
  // Fastify calls it bound to the instance (`this.log`).
  return function onClientError(this: { log: FastifyBaseLogger }, err: NodeJS.ErrnoException, socket: Socket): void {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    let status = 400;
    let body = errorBody('The request is not valid HTTP.', 'BAD_REQUEST');
    if (err.code === 'HPE_HEADER_OVERFLOW') {
      status = 431;
      body = errorBody('The request headers are larger than the server accepts (16 KB in all); send fewer or shorter headers.', 'HEADERS_TOO_LARGE');
    } else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      status = 408;
      body = errorBody('The request was not sent in time (PLANGRAPH_HEADERS_TIMEOUT_MS); the connection is closed.', 'REQUEST_TIMEOUT');
    }
    this.log.debug({ code: err.code, status }, 'refused by the HTTP parser');
    if (socket.writable) {
      const json = JSON.stringify(body);
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
      );
    }
    socket.destroy();
  };
}
