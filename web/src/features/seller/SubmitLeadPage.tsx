// Seller: submit one lead. The segment's attribute schema adds its own questions; the API's findings
// (LeadIssue.field, BAD_USER_INPUT paths) are shown next to the inputs they concern.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import type { SubmitLeadsMutation as TSubmitLeads } from '../../gql/graphql';
import { NO_ERRORS, apiErrorFromGraphql, placeApiErrors, type PlacedErrors } from '../../lib/api-errors';
import { useSegments } from '../../lib/catalog/use-segments';
import { EXCLUSIVITIES, LEAD_KINDS, SOURCE_CHANNELS, TEMPERATURES, enumLabel } from '../../lib/enums';
import { formatMoney } from '../../lib/format';
import { ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { SelectField, TextAreaField, TextField } from '../../lib/ui/fields';
import { ErrorSummary, useFocusFirstError } from '../../lib/ui/error-summary';
import { Page } from '../../lib/ui/page';
import { LEAD_STATUS_WORDS } from '../../lib/words';
import { AttributeFields } from './AttributeFields';
import { fieldsForSubsegment, parseAttributeSchema } from './attribute-schema';
import { FIELD_PATHS, emptyLeadForm, leadFormKeys, placeLeadIssues, toLeadInput, validateLeadForm, type LeadFormField, type LeadFormValues } from './lead-form';
import { SubmitLeadsMutation } from './seller.operations';

type LeadResult = TSubmitLeads['submitLeads']['results'][number];
type LeadIssue = LeadResult['issues'][number];
type Accepted = NonNullable<LeadResult['lead']>;
type Outcome = { kind: 'accepted'; lead: Accepted; warnings: LeadIssue[] } | { kind: 'rejected'; summary: string[] };

const enumOptions = (values: readonly string[], empty?: string) => [
  ...(empty !== undefined ? [{ value: '', label: empty }] : []),
  ...values.map((v) => ({ value: v, label: enumLabel(v) })),
];

export function SubmitLeadPage() {
  const { segments, fetching, error: segmentsError } = useSegments();
  const [values, setValues] = useState<LeadFormValues>(() => emptyLeadForm());
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [serverErrors, setServerErrors] = useState<PlacedErrors>(NO_ERRORS);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [submission, submitLeads] = useMutation(SubmitLeadsMutation);

  const segment = segments.find((s) => s.code === values.segment);
  // only the attributes that apply to the chosen subsegment are asked (Insurance · Life has no vehicle)
  const fields = useMemo(() => fieldsForSubsegment(parseAttributeSchema(segment?.attributeSchema), values.subsegment || null), [segment, values.subsegment]);
  const form = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(form);

  const errorFor = (path: string) => clientErrors[path] ?? serverErrors.byField[path];
  const clearError = (path: string) => {
    if (clientErrors[path]) setClientErrors(({ [path]: _, ...rest }) => rest);
    if (serverErrors.byField[path]) setServerErrors(({ byField: { [path]: _, ...rest }, unplaced }) => ({ byField: rest, unplaced }));
  };
  const set = (field: LeadFormField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    clearError(FIELD_PATHS[field]);
  };
  const setAttribute = (name: string, value: string) => {
    setValues((v) => ({ ...v, attributes: { ...v.attributes, [name]: value } }));
    clearError(`attributes.${name}`);
  };
  const bind = (field: LeadFormField) => ({
    name: FIELD_PATHS[field],
    value: values[field],
    error: errorFor(FIELD_PATHS[field]),
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    setServerErrors(NO_ERRORS);
    const found = validateLeadForm(values, fields);
    setClientErrors(found);
    // every field is checked at once: the summary lists them all, focus goes to the first
    if (Object.keys(found).length) return focusFirstError();
    const res = await submitLeads({ input: [toLeadInput(values, fields)] });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) {
      const placed = placeApiErrors(apiError, leadFormKeys(fields), 0);
      setServerErrors(placed);
      setOutcome({ kind: 'rejected', summary: [apiError.message, ...placed.unplaced] });
      return focusFirstError();
    }
    const result = res.data?.submitLeads.results[0];
    if (!result) return;
    if (result.lead) {
      setOutcome({ kind: 'accepted', lead: result.lead, warnings: result.issues.filter((i) => i.severity === 'WARNING') });
      return;
    }
    const placed = placeLeadIssues(
      result.issues.filter((i) => i.severity === 'ERROR'),
      fields,
    );
    setServerErrors(placed);
    setOutcome({ kind: 'rejected', summary: ['The lead was rejected. Fix the marked fields and submit again.', ...placed.unplaced] });
    focusFirstError();
  };

  const startOver = () => {
    // keep what a seller usually repeats: segment, geography, source and consent wording
    setValues((v) => ({
      ...emptyLeadForm(),
      segment: v.segment,
      subsegment: v.subsegment,
      country: v.country,
      region: v.region,
      city: v.city,
      kind: v.kind,
      sourceChannel: v.sourceChannel,
      exclusivity: v.exclusivity,
      consentText: v.consentText,
    }));
    setOutcome(null);
  };

  if (fetching)
    return (
      <Page title="Submit a lead">
        <Loading label="Loading segments…" />
      </Page>
    );

  if (outcome?.kind === 'accepted') {
    return (
      <Page title="Submit a lead">
        <SuccessMessage>
          <p className="alert__title">Lead accepted</p>
          <p>
            It is now {LEAD_STATUS_WORDS[outcome.lead.status].toLowerCase()} (score {outcome.lead.score}/100,{' '}
            {enumLabel(outcome.lead.temperature).toLowerCase()}, list price {formatMoney(outcome.lead.price)}). The spot-check lists it once its batch passes.
          </p>
          {outcome.warnings.length ? (
            <>
              <p>Signals that lowered its score:</p>
              <ul>
                {outcome.warnings.map((w) => (
                  <li key={`${w.code}-${w.field}`}>{w.message}</li>
                ))}
              </ul>
            </>
          ) : null}
        </SuccessMessage>
        <div className="form-actions">
          <button type="button" className="button" onClick={startOver}>
            Submit another lead
          </button>
          <Link className="button button--secondary" to="/seller/listings">
            Go to my listings
          </Link>
        </div>
      </Page>
    );
  }

  const subsegmentOptions = [{ value: '', label: '— whole segment —' }, ...(segment?.subsegments ?? []).map((s) => ({ value: s.code, label: s.name }))];

  return (
    <Page
      title="Submit a lead"
      intro={
        <>
          One lead at a time. For many, <Link to="/seller/leads/csv">upload a CSV</Link> or use an <Link to="/seller/api-keys">API key</Link>.
        </>
      }
    >
      <ErrorMessage error={segmentsError} title="Segments could not be loaded" />
      <form ref={form} className="form" onSubmit={submit} noValidate aria-label="Submit a lead">
        {outcome?.kind === 'rejected' ? <ErrorMessage error={null} title="Not submitted" details={outcome.summary} /> : null}
        <ErrorSummary form={form} errors={{ ...serverErrors.byField, ...clientErrors }} />

        <fieldset className="form-section">
          <legend>Segment</legend>
          <div className="form-grid">
            <SelectField
              label="Segment"
              required
              {...bind('segment')}
              onChange={(e) => {
                setValues((v) => ({ ...v, segment: e.target.value, subsegment: '' }));
                clearError('segment');
              }}
              options={[{ value: '', label: 'Choose…' }, ...segments.map((s) => ({ value: s.code, label: s.name }))]}
            />
            <SelectField label="Subsegment" {...bind('subsegment')} disabled={!segment || !segment.subsegments.length} options={subsegmentOptions} />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>Contact</legend>
          <div className="form-grid">
            <TextField label="Full name" required autoComplete="off" {...bind('fullName')} />
            <TextField label="Phone" type="tel" autoComplete="off" hint="International format, e.g. +1 415 555 0123" {...bind('phone')} />
            <TextField label="E-mail" type="email" autoComplete="off" {...bind('email')} />
            <TextField label="Social profile URL" type="url" autoComplete="off" {...bind('socialUrl')} />
            <TextField label="Preferred contact time" placeholder="weekdays after 18:00" {...bind('preferredContactTime')} />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>Location</legend>
          <div className="form-grid">
            <TextField label="Country" required maxLength={2} placeholder="US" hint="ISO 3166-1 alpha-2" {...bind('country')} />
            <TextField label="Region" placeholder="US-CA" hint="ISO 3166-2, optional" {...bind('region')} />
            <TextField label="City" {...bind('city')} />
            <TextField label="Postal code" {...bind('postalCode')} />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>Lead</legend>
          <div className="form-grid">
            <SelectField label="Kind" required {...bind('kind')} options={enumOptions(LEAD_KINDS, 'Choose…')} />
            <SelectField label="Temperature" {...bind('temperature')} options={enumOptions(TEMPERATURES, 'Automatic (from the score)')} />
            <SelectField label="Source channel" required {...bind('sourceChannel')} options={enumOptions(SOURCE_CHANNELS, 'Choose…')} />
            <TextField label="Captured at" type="datetime-local" required {...bind('capturedAt')} />
            <SelectField label="Exclusivity" required {...bind('exclusivity')} options={enumOptions(EXCLUSIVITIES)} />
            {values.exclusivity === 'SHARED' ? (
              <TextField
                label="Max sales"
                type="number"
                inputMode="numeric"
                min={1}
                max={20}
                placeholder="3"
                hint="Different buyers, default 3"
                {...bind('maxSales')}
              />
            ) : null}
            <TextField
              label="Asking price"
              inputMode="decimal"
              placeholder="from the price grid"
              hint="Leave empty to use the price grid"
              {...bind('askingPrice')}
            />
            <TextField label="External ID" hint="Your own reference, unique per seller" {...bind('externalId')} />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>Consent</legend>
          <TextAreaField label="Consent text" required rows={3} placeholder="I agree to be contacted about …" {...bind('consentText')} />
          <div className="form-grid">
            <TextField label="Consent given at" type="datetime-local" required {...bind('consentTimestamp')} />
            <TextField label="Consent IP" {...bind('consentIp')} />
            <TextField label="Consent page URL" type="url" {...bind('consentPageUrl')} />
          </div>
        </fieldset>

        <AttributeFields
          fields={fields}
          subsegment={values.subsegment || null}
          values={values.attributes}
          errors={{ ...serverErrors.byField, ...clientErrors }}
          onChange={setAttribute}
        />

        <div className="form-actions">
          <button type="submit" className="button" disabled={submission.fetching}>
            {submission.fetching ? 'Submitting…' : 'Submit lead'}
          </button>
        </div>
      </form>
    </Page>
  );
}
