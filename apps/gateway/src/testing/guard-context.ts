import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { Type } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/internal';
import type { Request, Response } from 'express';

export interface RequestParts {
  headers?: Record<string, string>;
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

export interface GuardCall {
  context: ExecutionContextHost;
  request: Request;
  response: Response;
}

/**
 * The execution context Nest gives a guard for an HTTP call to `controller.handler`: the
 * handler's and controller's access metadata are read from the real classes. The response is a
 * real (unsent) `ServerResponse`, so headers set on it can be read back.
 */
export function guardCall<T extends object>(
  controller: Type<T>,
  handler: keyof T & string,
  parts: RequestParts = {},
): GuardCall {
  const request = Object.assign(new IncomingMessage(new Socket()), {
    headers: parts.headers ?? {},
    params: parts.params ?? {},
    query: parts.query ?? {},
    body: parts.body,
  }) as unknown as Request;
  const response = new ServerResponse(request) as unknown as Response;
  const method = controller.prototype[handler] as (...args: unknown[]) => unknown;
  const context = new ExecutionContextHost([request, response], controller, method);
  context.setType('http');
  return { context, request, response };
}
