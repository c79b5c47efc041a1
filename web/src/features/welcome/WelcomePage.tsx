// After sign-up: a short first-run checklist for the seller or buyer, each item ticked from the API's real state.
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { Badge } from '../../lib/ui/badge';
import { ErrorMessage, Loading } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { homePathFor, useSession } from '../auth/session';
import { STEP_COPY } from './checklist-steps';
import { OnboardingChecklistQuery } from './welcome.operations';
import './welcome.css';

export function WelcomePage() {
  const { user } = useSession();
  // network-only: a step done on another page must show ticked when the person comes back
  const [result] = useQuery({ query: OnboardingChecklistQuery, requestPolicy: 'cache-and-network' });
  const checklist = result.data?.onboardingChecklist;
  const home = homePathFor(user?.role);
  const done = checklist?.items.filter((i) => i.done).length ?? 0;

  return (
    <Page
      title="Welcome to Leadex"
      intro={user?.role === 'SELLER' ? 'Three steps to your first sale.' : 'Four steps to your first leads.'}
      actions={
        <Link className="button button--secondary" to={home}>
          {checklist?.complete ? 'Go to your home' : 'Skip for now'}
        </Link>
      }
    >
      {result.fetching && !checklist ? <Loading /> : null}
      <ErrorMessage error={apiErrorFromGraphql(result.error)} />
      {checklist ? (
        <>
          <p role="status">
            {done} of {checklist.items.length} done{checklist.complete ? ': you are all set.' : '.'}
          </p>
          <ol className="checklist" aria-label="First steps">
            {checklist.items.map((item) => {
              const copy = STEP_COPY[item.step];
              return (
                <li key={item.step} className={`card checklist__item${item.done ? ' checklist__item--done' : ''}`}>
                  <div>
                    <h2>
                      <span className="checklist__mark" aria-hidden="true">
                        {item.done ? '✓' : '○'}
                      </span>
                      <span className="checklist__title">{copy.title}</span>
                    </h2>
                    <p className="muted">{copy.why}</p>
                  </div>
                  {item.done ? (
                    <Badge tone="good">Done</Badge>
                  ) : (
                    <div className="checklist__actions">
                      <Link className="button button--small" to={copy.to}>
                        {copy.action}
                      </Link>
                      {copy.also ? (
                        <Link className="button button--secondary button--small" to={copy.also.to}>
                          {copy.also.action}
                        </Link>
                      ) : null}
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </Page>
  );
}
