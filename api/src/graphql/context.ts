// The per-request GraphQL context: the caller, the app's dependencies and per-request loaders.
import type { Request, Response } from 'express';
import type { AppDeps } from '@leadex/core';
import type { Actor } from '@leadex/core/domain/auth/access';
import { createLoaders, type Loaders } from './loaders';

export interface GqlContext {
  deps: AppDeps;
  actor: Actor | null;
  req: Request;
  res: Response;
  requestId: string;
  loaders: Loaders;
}

export function buildContext(deps: AppDeps, actor: Actor | null, req: Request, res: Response, requestId: string): GqlContext {
  return { deps, actor, req, res, requestId, loaders: createLoaders(deps) };
}
