// The hosted Connect onboarding page an account link points at: one "Complete onboarding" button.
import { Router } from 'express';
import { completeOnboarding, usableAccountLink } from './accounts';
import { AUTOMATIC } from './events';
import { escapeHtml, htmlPage, messagePage } from './html-page';
import type { StandinContext } from './standin-state';

export function onboardingPageRouter(ctx: StandinContext): Router {
  const router = Router();
  router.get('/connect/onboarding/:token', (req, res) => {
    const found = usableAccountLink(ctx, req.params.token);
    if (!found) return void res.status(404).type('html').send(messagePage('Not found', 'This onboarding link does not exist.'));
    // a used or expired link sends the person to refresh_url, where the platform makes a new one
    if (!found.usable) return void res.redirect(303, found.link.refreshUrl);
    const { link } = found;
    const account = ctx.state.accounts.get(link.account)!;
    res.type('html').send(
      htmlPage(
        'Set up payouts',
        `<h1>Set up payouts</h1>
<p>Connected account <code>${escapeHtml(account.id)}</code>${account.email ? ` (${escapeHtml(account.email)})` : ''}.</p>
<p class="hint">In test mode no details are needed: completing onboarding enables charges, payouts and transfers.</p>
<form method="post">
<button type="submit">Complete onboarding</button>
</form>
<p><a href="${escapeHtml(link.returnUrl)}">Leave without finishing</a></p>`,
      ),
    );
  });
  router.post('/connect/onboarding/:token', (req, res) => {
    const found = usableAccountLink(ctx, req.params.token);
    if (!found) return void res.status(404).type('html').send(messagePage('Not found', 'This onboarding link does not exist.'));
    if (!found.usable) return void res.redirect(303, found.link.refreshUrl);
    found.link.used = true;
    completeOnboarding(ctx, found.link.account, AUTOMATIC);
    res.redirect(303, found.link.returnUrl);
  });
  return router;
}
