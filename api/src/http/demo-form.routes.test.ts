import express from 'express';
import type { AddressInfo } from 'node:net';
import type { AppDeps } from '@leadex/core';
import { demoFormRoutes } from './demo-form.routes';

describe('demoFormRoutes', () => {
  it('has no routes in production', async () => {
    const app = express().use(demoFormRoutes({ config: { NODE_ENV: 'production' } } as unknown as AppDeps));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/demo/lead-form`;
    try {
      expect((await fetch(url)).status).toBe(404);
      expect((await fetch(url, { method: 'POST', body: new URLSearchParams({ fullName: 'x' }) })).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
