// Buyer: /campaigns/new and /campaigns/:id/edit (the campaign is read from myCampaigns: the API has no
// query for one campaign).
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { ErrorMessage, Loading } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { CampaignForm } from './CampaignForm';
import { campaignFormFromCampaign, emptyCampaignForm } from './campaign-form';
import { CAMPAIGN_CONTEXT, MyCampaignsQuery } from './exchange.operations';
import { RemoteCallLog } from './RemoteCallLog';

function useBackToList() {
  const navigate = useNavigate();
  return {
    saved: (name: string) => navigate('/campaigns', { state: { saved: name } }),
    cancel: () => navigate('/campaigns'),
  };
}

export function NewCampaignPage() {
  const back = useBackToList();
  const initial = useMemo(() => emptyCampaignForm(), []);
  return (
    <Page title="New campaign" intro="Buy matching leads automatically, the moment they are listed.">
      <CampaignForm initial={initial} onSaved={back.saved} onCancel={back.cancel} />
    </Page>
  );
}

export function EditCampaignPage() {
  const { id = '' } = useParams();
  const back = useBackToList();
  const [result, reexecute] = useQuery({ query: MyCampaignsQuery, context: CAMPAIGN_CONTEXT, requestPolicy: 'cache-first' });
  const campaign = result.data?.myCampaigns.find((c) => c.id === id);
  const initial = useMemo(() => (campaign ? campaignFormFromCampaign(campaign) : null), [campaign]);
  const error = apiErrorFromGraphql(result.error);

  if (!result.data) {
    return (
      <Page title="Edit campaign">
        {error ? (
          <>
            <ErrorMessage error={error} title="The campaign could not be loaded" />
            <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
              Try again
            </button>
          </>
        ) : (
          <Loading label="Loading the campaign…" />
        )}
      </Page>
    );
  }
  if (!campaign || !initial) {
    return (
      <Page title="Campaign not found">
        <p>There is no campaign {id} in your account.</p>
        <p>
          <Link to="/campaigns">Back to campaigns</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={`Edit ${campaign.name}`} intro="Changes apply to the next lead that is listed.">
      {campaign.pausedReason ? (
        <p role="status" className="muted">
          Paused by Leadex: {campaign.pausedReason}. Resume it from the campaign list once your endpoint answers again.
        </p>
      ) : null}
      <CampaignForm key={campaign.id} initial={initial} campaignId={campaign.id} onSaved={back.saved} onCancel={back.cancel} />
      {campaign.kind === 'REMOTE' ? <RemoteCallLog campaignId={campaign.id} /> : null}
    </Page>
  );
}
