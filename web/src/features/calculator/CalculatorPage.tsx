// Campaign arithmetic (budget, CPL, conversion) and a price quote from the grid, for everyone.
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import type { PriceQuoteInput } from '../../gql/graphql';
import { apiErrorFromGraphql, placeApiErrors } from '../../lib/api-errors';
import { VolumeTiers } from '../../lib/catalog/VolumeTiers';
import { useSegments } from '../../lib/catalog/use-segments';
import { EXCLUSIVITIES, TEMPERATURES, enumLabel } from '../../lib/enums';
import { dateTimeLocalToIso, formatMoney, formatRate } from '../../lib/format';
import { ErrorMessage, Loading } from '../../lib/ui/feedback';
import { CheckboxField, SelectField, TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { CplCalculatorQuery, PriceQuoteQuery } from './calculator.operations';
import { validateCampaign, validateQuote, type CampaignValues, type QuoteValues } from './calculator-form';

export function CalculatorPage() {
  return (
    <Page title="CPL calculator" intro="Budget = clicks × cost per click; cost per lead = budget ÷ leads; conversion = leads ÷ clicks.">
      <div className="two-columns">
        <CampaignCalculator />
        <PriceQuote />
      </div>
      <VolumeTiers />
    </Page>
  );
}

export function CampaignCalculator() {
  const [values, setValues] = useState<CampaignValues>({ clicks: '', costPerClick: '', leads: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [asked, setAsked] = useState<{ clicks: number; costPerClick: string; leads: number } | null>(null);
  const [result] = useQuery({ query: CplCalculatorQuery, variables: asked ?? { clicks: 0, costPerClick: '0', leads: 0 }, pause: !asked });
  const apiError = apiErrorFromGraphql(result.error);
  const placed = placeApiErrors(apiError, ['clicks', 'costPerClick', 'leads']);
  const fieldError = (name: keyof CampaignValues) => errors[name] ?? placed.byField[name];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateCampaign(values);
    setErrors(checked.errors);
    if (checked.variables) setAsked(checked.variables);
  };
  const set = (name: keyof CampaignValues) => (e: { target: { value: string } }) => {
    setValues({ ...values, [name]: e.target.value });
    setErrors(({ [name]: _, ...rest }) => rest);
  };
  const math = result.data?.cplCalculator;

  return (
    <section className="card" aria-labelledby="campaign-title">
      <h2 id="campaign-title">Campaign</h2>
      <form className="form" onSubmit={submit} noValidate aria-label="Campaign calculator">
        <TextField
          label="Clicks"
          name="clicks"
          type="number"
          inputMode="numeric"
          min={0}
          value={values.clicks}
          onChange={set('clicks')}
          error={fieldError('clicks')}
        />
        <TextField
          label="Cost per click"
          name="costPerClick"
          inputMode="decimal"
          placeholder="0.50"
          value={values.costPerClick}
          onChange={set('costPerClick')}
          error={fieldError('costPerClick')}
        />
        <TextField
          label="Leads"
          name="leads"
          type="number"
          inputMode="numeric"
          min={0}
          value={values.leads}
          onChange={set('leads')}
          error={fieldError('leads')}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            Calculate
          </button>
        </div>
      </form>
      {asked && result.fetching && !math ? <Loading label="Calculating…" /> : null}
      {apiError ? <ErrorMessage error={apiError} details={placed.unplaced} /> : null}
      {math && !apiError ? (
        <dl className="results-grid" aria-label="Campaign results">
          <div>
            <dt>Budget</dt>
            <dd>{formatMoney(math.budget)}</dd>
          </div>
          <div>
            <dt>Cost per lead</dt>
            <dd>{formatMoney(math.costPerLead)}</dd>
          </div>
          <div>
            <dt>Conversion</dt>
            <dd>{formatRate(math.conversionRate)}</dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}

const QUOTE_KEYS = ['segment', 'subsegment', 'country', 'region', 'city', 'temperature', 'exclusivity', 'verified', 'capturedAt', 'quantity'];

function PriceQuote() {
  const { segments } = useSegments();
  const [values, setValues] = useState<QuoteValues>({
    segment: '',
    subsegment: '',
    country: '',
    region: '',
    city: '',
    temperature: 'WARM',
    exclusivity: 'SHARED',
    verified: true,
    capturedAt: '',
    quantity: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [asked, setAsked] = useState<PriceQuoteInput | null>(null);
  const [result] = useQuery({ query: PriceQuoteQuery, variables: { input: asked ?? { segment: '', country: '', exclusivity: 'SHARED' } }, pause: !asked });
  const apiError = apiErrorFromGraphql(result.error);
  const placed = placeApiErrors(apiError, QUOTE_KEYS);
  const fieldError = (name: string) => errors[name] ?? placed.byField[name];
  const segment = segments.find((s) => s.code === values.segment);

  const set = (name: keyof QuoteValues) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [name]: e.target.value, ...(name === 'segment' ? { subsegment: '' } : {}) }));
    setErrors(({ [name]: _, ...rest }) => rest);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateQuote(values, dateTimeLocalToIso);
    setErrors(checked.errors);
    if (checked.input) setAsked(checked.input);
  };

  return (
    <section className="card" aria-labelledby="quote-title">
      <h2 id="quote-title">Price quote</h2>
      <form className="form" onSubmit={submit} noValidate aria-label="Price quote">
        <SelectField
          label="Segment"
          name="segment"
          required
          value={values.segment}
          onChange={set('segment')}
          error={fieldError('segment')}
          options={[{ value: '', label: 'Choose…' }, ...segments.map((s) => ({ value: s.code, label: s.name }))]}
        />
        <SelectField
          label="Subsegment"
          name="subsegment"
          value={values.subsegment}
          onChange={set('subsegment')}
          error={fieldError('subsegment')}
          disabled={!segment?.subsegments.length}
          options={[{ value: '', label: '— whole segment —' }, ...(segment?.subsegments ?? []).map((s) => ({ value: s.code, label: s.name }))]}
        />
        <div className="field-row">
          <TextField
            label="Country"
            name="country"
            required
            maxLength={2}
            placeholder="US"
            value={values.country}
            onChange={set('country')}
            error={fieldError('country')}
          />
          <TextField label="Region" name="region" placeholder="US-CA" value={values.region} onChange={set('region')} error={fieldError('region')} />
        </div>
        <TextField label="City" name="city" value={values.city} onChange={set('city')} error={fieldError('city')} />
        <div className="field-row">
          <SelectField
            label="Temperature"
            name="temperature"
            value={values.temperature}
            onChange={set('temperature')}
            error={fieldError('temperature')}
            options={TEMPERATURES.map((t) => ({ value: t, label: enumLabel(t) }))}
          />
          <SelectField
            label="Exclusivity"
            name="exclusivity"
            value={values.exclusivity}
            onChange={set('exclusivity')}
            error={fieldError('exclusivity')}
            options={EXCLUSIVITIES.map((t) => ({ value: t, label: enumLabel(t) }))}
          />
        </div>
        <CheckboxField
          label="Verified"
          name="verified"
          checked={values.verified}
          onChange={(e) => setValues({ ...values, verified: e.target.checked })}
          error={fieldError('verified')}
        />
        <TextField
          label="Captured at"
          name="capturedAt"
          type="datetime-local"
          hint="Empty: a fresh lead"
          value={values.capturedAt}
          onChange={set('capturedAt')}
          error={fieldError('capturedAt')}
        />
        <TextField
          label="Quantity"
          name="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          hint="Bulk orders get the volume discount"
          value={values.quantity}
          onChange={set('quantity')}
          error={fieldError('quantity')}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            Get quote
          </button>
        </div>
      </form>
      {asked && result.fetching && !result.data ? <Loading label="Quoting…" /> : null}
      {apiError ? <ErrorMessage error={apiError} details={placed.unplaced} /> : null}
      {result.data && !apiError ? (
        <p className="quote" role="status">
          Price per lead: <strong>{formatMoney(result.data.priceQuote)}</strong>
        </p>
      ) : null}
    </section>
  );
}
