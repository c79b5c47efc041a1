// /v1/accounts (create, retrieve) and /v1/account_links (create).
import { Router } from 'express';
import { createAccount, createAccountLink, getAccount } from './accounts';
import { apiRoute } from './api-route';
import type { StandinContext } from './standin-state';

export function accountsRouter(ctx: StandinContext): Router {
  const router = Router();
  router.post(
    '/v1/accounts',
    apiRoute(ctx, ({ params, origin }) => {
      const capabilities = params.child('capabilities');
      const profile = params.child('business_profile');
      return createAccount(
        ctx,
        {
          type: params.oneOf('type', ['express', 'standard', 'custom'] as const) ?? 'express',
          country: params.string('country'),
          email: params.string('email'),
          businessType: params.oneOf('business_type', ['company', 'government_entity', 'individual', 'non_profit'] as const),
          businessName: profile?.string('name'),
          url: profile?.string('url'),
          cardPayments: capabilities?.child('card_payments')?.boolean('requested') ?? false,
          defaultCurrency: params.currency('default_currency'),
          metadata: params.metadata(),
        },
        origin,
      );
    }),
  );
  router.get(
    '/v1/accounts/:id',
    apiRoute(ctx, ({ path }) => getAccount(ctx, path.id!)),
  );
  router.post(
    '/v1/account_links',
    apiRoute(ctx, ({ params }) =>
      createAccountLink(ctx, {
        account: params.string('account', { required: true }),
        type: params.oneOf('type', ['account_onboarding', 'account_update'] as const, { required: true }),
        refreshUrl: params.string('refresh_url', { required: true }),
        returnUrl: params.string('return_url', { required: true }),
      }),
    ),
  );
  return router;
}
