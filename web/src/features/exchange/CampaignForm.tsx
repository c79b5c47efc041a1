// Creating or editing a campaign: name, which leads (the marketplace's filter fields), the bid and its
// limits, the time zone and schedule, the delivery endpoint. Early checks before sending; the API's findings next to their inputs.
import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { useSegments } from '../../lib/catalog/use-segments';
import { EXCLUSIVITIES, enumLabel } from '../../lib/enums';
import { formatMoney } from '../../lib/format';
import { usePlatform } from '../../lib/platform';
import { ErrorMessage } from '../../lib/ui/feedback';
import { SelectField, TextField } from '../../lib/ui/fields';
import { FilterFields } from '../marketplace/FilterFields';
import type { FilterDraft } from '../marketplace/filter-state';
import {
  filterErrorsOf,
  placeCampaignApiErrors,
  supportedTimeZones,
  timeZoneOptions,
  toCampaignInput,
  validateCampaignForm,
  type CampaignFormErrors,
  type CampaignFormValues,
} from './campaign-form';
import { DeliveryEndpointsQuery, ENDPOINTS_CONTEXT } from './delivery-endpoints.operations';
import { CAMPAIGN_CONTEXT, CreateCampaignMutation, UpdateCampaignMutation, WalletQuery } from './exchange.operations';
import { ScheduleEditor } from './ScheduleEditor';
import type { ScheduleRow } from './schedule';

type SimpleField =
  | 'name'
  | 'maxBid'
  | 'exclusivity'
  | 'dailyCap'
  | 'budget'
  | 'timeZone'
  | 'deliveryEndpointId'
  | 'priority'
  | 'weight'
  | 'kind'
  | 'pingUrl'
  | 'postUrl'
  | 'pingTimeoutMs'
  | 'mappingBid'
  | 'mappingReference'
  | 'mappingPass';

/** the form's mapping inputs and the CampaignInput paths their errors come back on */
const MAPPING_ERROR_KEY = { mappingBid: 'responseMapping.bid', mappingReference: 'responseMapping.reference', mappingPass: 'responseMapping.pass' } as const;

const KIND_OPTIONS = [
  { value: 'INTERNAL', label: 'Leadex bids my max bid for me' },
  { value: 'REMOTE', label: 'My system bids lead by lead (ping and post)' },
];

const EXCLUSIVITY_HINT: Record<string, string> = {
  EXCLUSIVE: 'Bids on exclusive leads: one buyer gets each lead.',
  SHARED: 'Bids on shared leads: a few buyers get each lead at one clearing price.',
};

export interface CampaignFormProps {
  initial: CampaignFormValues;
  /** set when editing */
  campaignId?: string;
  onSaved: (name: string) => void;
  onCancel: () => void;
}

export function CampaignForm({ initial, campaignId, onSaved, onCancel }: CampaignFormProps) {
  const { segments, error: segmentsError } = useSegments();
  const [wallet] = useQuery({ query: WalletQuery });
  const [endpoints] = useQuery({ query: DeliveryEndpointsQuery, context: ENDPOINTS_CONTEXT });
  const balance = wallet.data?.wallet.balance ?? null;
  const digits = usePlatform().minorUnitDigits;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<CampaignFormErrors>({});
  const [summary, setSummary] = useState<string[]>([]);
  const [creation, createCampaign] = useMutation(CreateCampaignMutation);
  const [update, updateCampaign] = useMutation(UpdateCampaignMutation);
  const saving = creation.fetching || update.fetching;
  const zones = useMemo(() => timeZoneOptions(supportedTimeZones(), initial.timeZone), [initial.timeZone]);

  const clear = (...keys: string[]) => {
    if (keys.some((k) => errors[k])) setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => !keys.includes(k))));
  };
  const bind = (field: SimpleField) => ({
    name: field,
    value: values[field],
    error: errors[field in MAPPING_ERROR_KEY ? MAPPING_ERROR_KEY[field as keyof typeof MAPPING_ERROR_KEY] : field],
    onChange: (e: { target: { value: string } }) => {
      setValues((v) => ({ ...v, [field]: e.target.value }));
      clear(field, ...(field in MAPPING_ERROR_KEY ? [MAPPING_ERROR_KEY[field as keyof typeof MAPPING_ERROR_KEY]] : []));
    },
  });
  const setFilter = (filter: FilterDraft) => setValues((v) => ({ ...v, filter }));
  const setSchedule = (schedule: ScheduleRow[]) => {
    setValues((v) => ({ ...v, schedule }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('schedule'))));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSummary([]);
    const found = validateCampaignForm(values, digits);
    setErrors(found);
    if (Object.keys(found).length) {
      setSummary(['Some fields need a fix; they are marked below.']);
      return;
    }
    const input = toCampaignInput(values, digits);
    const res = campaignId ? await updateCampaign({ id: campaignId, input }, CAMPAIGN_CONTEXT) : await createCampaign({ input }, CAMPAIGN_CONTEXT);
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) {
      const placed = placeCampaignApiErrors(apiError, values.schedule.length);
      setErrors(placed.byField);
      setSummary([apiError.message, ...placed.unplaced]);
      return;
    }
    if (res.data) onSaved(input.name);
  };

  return (
    <form className="form campaign-form" onSubmit={submit} noValidate aria-label={campaignId ? 'Edit campaign' : 'New campaign'}>
      {summary.length ? <ErrorMessage error={null} title="The campaign was not saved" details={summary} /> : null}

      <fieldset className="form-section">
        <legend>Campaign</legend>
        <div className="form-grid">
          <TextField label="Name" required maxLength={120} placeholder="Test drives in Los Angeles" autoComplete="off" {...bind('name')} />
          <SelectField
            label="Exclusivity"
            required
            {...bind('exclusivity')}
            hint={EXCLUSIVITY_HINT[values.exclusivity]}
            options={EXCLUSIVITIES.map((e) => ({ value: e, label: enumLabel(e) }))}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Who bids</legend>
        <SelectField
          label="Bidding"
          {...bind('kind')}
          hint={
            values.kind === 'REMOTE'
              ? 'Leadex pings your system with each matching lead (no contact data) and posts the full lead when your bid wins; pings and posts are signed with your default delivery endpoint’s secret. The README’s remote-buyer protocol has the details.'
              : 'Leadex bids up to your max bid on every matching lead.'
          }
          options={KIND_OPTIONS}
        />
        {values.kind === 'REMOTE' ? (
          <>
            <div className="form-grid">
              <TextField label="Ping URL" required type="url" placeholder="https://bids.example.com/ping" autoComplete="off" {...bind('pingUrl')} />
              <TextField label="Post URL" required type="url" placeholder="https://bids.example.com/post" autoComplete="off" {...bind('postUrl')} />
              <TextField
                label="Ping timeout (ms)"
                type="number"
                inputMode="numeric"
                min={10}
                placeholder="300"
                hint="An answer later than this is a pass"
                {...bind('pingTimeoutMs')}
              />
            </div>
            <div className="form-grid">
              <TextField label="Bid in the answer" placeholder="$.bid" autoComplete="off" hint="JSON path of your bid" {...bind('mappingBid')} />
              <TextField
                label="Your reference"
                placeholder="$.reference"
                autoComplete="off"
                hint="Sent back to you in the post"
                {...bind('mappingReference')}
              />
              <TextField label="Pass flag" placeholder="$.pass" autoComplete="off" hint="true means you pass" {...bind('mappingPass')} />
            </div>
          </>
        ) : null}
      </fieldset>

      <fieldset className="form-section">
        <legend>Bid and limits</legend>
        <p className="campaign-form__auction">
          Each lead goes to auction at the second price: you pay the next-highest bid plus 0.01, at least the lead’s own price and never more than your max bid.
        </p>
        <div className="form-grid">
          <TextField
            label="Max bid"
            required
            inputMode="decimal"
            placeholder="45.00"
            autoComplete="off"
            hint="The most you pay for one lead"
            {...bind('maxBid')}
          />
          <TextField
            label="Daily cap"
            type="number"
            inputMode="numeric"
            min={1}
            placeholder="no cap"
            hint="Leads won per day (from midnight in the time zone below)"
            {...bind('dailyCap')}
          />
          <TextField
            label="Budget"
            inputMode="decimal"
            placeholder="no budget limit"
            autoComplete="off"
            hint="Total spend, then the campaign stops bidding"
            {...bind('budget')}
          />
        </div>
        <p className="field__hint">Bids are also limited to your wallet{balance ? <> (now {formatMoney(balance)})</> : null}.</p>
        <p className="field__hint">
          Some segments distribute leads another way: by priority (higher tiers first, second price within a tier), in turn (round robin) or by weight (a random
          draw in proportion to it); in turn and by weight you pay your bid.
        </p>
        <div className="form-grid">
          <TextField
            label="Priority"
            type="number"
            inputMode="numeric"
            min={0}
            placeholder="0"
            hint="Higher goes first where leads are distributed by priority"
            {...bind('priority')}
          />
          <TextField
            label="Weight"
            type="number"
            inputMode="numeric"
            min={1}
            placeholder="1"
            hint="Your share of the draw where leads are distributed by weight"
            {...bind('weight')}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Which leads</legend>
        <ErrorMessage error={segmentsError} title="Segments could not be loaded" />
        <div className="campaign-form__filter">
          <FilterFields draft={values.filter} errors={filterErrorsOf(errors)} segments={segments} onChange={setFilter} omit={['exclusivity']} />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>When</legend>
        <SelectField
          label="Time zone"
          required
          {...bind('timeZone')}
          className="campaign-form__zone"
          hint="The schedule's times and the daily cap's midnight are in this zone."
          options={zones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))}
        />
        <ScheduleEditor rows={values.schedule} errors={errors} onChange={setSchedule} />
      </fieldset>

      <fieldset className="form-section">
        <legend>Delivery</legend>
        <SelectField
          label="Deliver to"
          {...bind('deliveryEndpointId')}
          hint="Where this campaign's leads are sent; set endpoints up under Delivery endpoints."
          options={[
            { value: '', label: 'The default endpoint' },
            ...(endpoints.data?.deliveryEndpoints ?? []).map((e) => ({ value: e.id, label: `${e.name}${e.isDefault ? ' (default)' : ''}` })),
          ]}
        />
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : campaignId ? 'Save campaign' : 'Create campaign'}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
