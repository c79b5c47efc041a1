// Operator: return policies. Pick a segment (its policy) or a buyer (its override of every segment's policy),
// edit what is set there; an empty field or list inherits (buyer → segment → defaults), as the README explains.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import type { DisputeReason, ReturnRemedy } from '../../gql/graphql';
import { apiErrorFromGraphql, placeApiErrors } from '../../lib/api-errors';
import { useSegments } from '../../lib/catalog/use-segments';
import { ErrorMessage, Loading } from '../../lib/ui/feedback';
import { CheckboxGroup, SelectField, TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { DISPUTE_REASONS, RETURN_REMEDIES } from '../purchases/dispute-rules';
import { RETURN_POLICY_CONTEXT, ReturnPolicySettingsQuery, SetBuyerReturnPolicyMutation, SetSegmentReturnPolicyMutation } from './return-policies.operations';
import {
  policyFormFromSettings,
  policyFormKeys,
  toPolicyInput,
  validatePolicyForm,
  type ReturnPolicyFormErrors,
  type ReturnPolicyFormValues,
} from './return-policy-form';

type Scope = { segment: string } | { buyerOrgId: string };

export function ReturnPoliciesPage() {
  const { segments, error: segmentsError } = useSegments();
  const [mode, setMode] = useState<'segment' | 'buyer'>('segment');
  const [segment, setSegment] = useState('');
  const [buyerDraft, setBuyerDraft] = useState('');
  const [buyerOrgId, setBuyerOrgId] = useState('');
  const chosenSegment = segment || segments[0]?.code || '';
  const scope: Scope | null = mode === 'segment' ? (chosenSegment ? { segment: chosenSegment } : null) : buyerOrgId ? { buyerOrgId } : null;
  return (
    <Page
      title="Return policies"
      intro="What buyers may return and what they get back. A segment's policy applies to every buyer; a buyer's override wins field by field. Empty fields inherit: buyer → segment → defaults (the segment's return window, every reason, refunds only, no cap)."
    >
      <ErrorMessage error={segmentsError} title="Segments could not be loaded" />
      <div className="form-grid">
        <SelectField
          label="Policy of"
          value={mode}
          onChange={(e) => setMode(e.target.value as 'segment' | 'buyer')}
          options={[
            { value: 'segment', label: 'A segment' },
            { value: 'buyer', label: 'One buyer (override)' },
          ]}
        />
        {mode === 'segment' ? (
          <SelectField
            label="Segment"
            value={chosenSegment}
            onChange={(e) => setSegment(e.target.value)}
            options={segments.map((s) => ({ value: s.code, label: s.name }))}
          />
        ) : (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              setBuyerOrgId(buyerDraft.trim());
            }}
            aria-label="Choose a buyer"
          >
            <TextField
              label="Buyer organisation id"
              value={buyerDraft}
              onChange={(e) => setBuyerDraft(e.target.value)}
              placeholder="org_…"
              hint="Shown on the buyer's disputes"
            />
            <button type="submit" className="button button--small">
              Open
            </button>
          </form>
        )}
      </div>
      {scope ? <PolicyEditor key={JSON.stringify(scope)} scope={scope} /> : null}
    </Page>
  );
}

function PolicyEditor({ scope }: { scope: Scope }) {
  const [settings] = useQuery({ query: ReturnPolicySettingsQuery, variables: scope, context: RETURN_POLICY_CONTEXT });
  if (settings.fetching) return <Loading label="Loading the policy…" />;
  if (settings.error) return <ErrorMessage error={apiErrorFromGraphql(settings.error)} title="The policy could not be loaded" />;
  return (
    <PolicyForm
      scope={scope}
      initial={policyFormFromSettings(settings.data?.returnPolicySettings)}
      updatedAt={settings.data?.returnPolicySettings?.updatedAt ?? null}
    />
  );
}

function PolicyForm({ scope, initial, updatedAt }: { scope: Scope; initial: ReturnPolicyFormValues; updatedAt: string | null }) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ReturnPolicyFormErrors>({});
  const [summary, setSummary] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [segmentSave, saveSegment] = useMutation(SetSegmentReturnPolicyMutation);
  const [buyerSave, saveBuyer] = useMutation(SetBuyerReturnPolicyMutation);
  const saving = segmentSave.fetching || buyerSave.fetching;
  const set = (patch: Partial<ReturnPolicyFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setStatus(null);
  };
  const bind = (field: 'windowHours' | 'maxReturnRatePercent' | 'rateLookbackDays' | 'rateMinPurchases') => ({
    value: values[field],
    error: errors[field],
    inputMode: 'numeric' as const,
    onChange: (e: { target: { value: string } }) => set({ [field]: e.target.value }),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSummary([]);
    const found = validatePolicyForm(values);
    setErrors(found);
    if (Object.keys(found).length) return setSummary(['Some fields need a fix; they are marked below.']);
    const input = toPolicyInput(values);
    const res =
      'segment' in scope
        ? await saveSegment({ segment: scope.segment, input }, RETURN_POLICY_CONTEXT)
        : await saveBuyer({ buyerOrgId: scope.buyerOrgId, input }, RETURN_POLICY_CONTEXT);
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) {
      const placed = placeApiErrors(apiError, policyFormKeys(values.autoAccept.length));
      setErrors(placed.byField);
      setSummary([apiError.message, ...placed.unplaced]);
      return;
    }
    setStatus('Saved.');
  };

  const updateRow = (i: number, patch: Partial<ReturnPolicyFormValues['autoAccept'][number]>) =>
    set({ autoAccept: values.autoAccept.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Return policy">
      {summary.length ? <ErrorMessage error={null} title="The policy was not saved" details={summary} /> : null}
      <p className="muted">{updatedAt ? `Last changed ${new Date(updatedAt).toLocaleString()}.` : 'Nothing set here yet: everything is inherited.'}</p>
      <fieldset className="form-section">
        <legend>Window and reasons</legend>
        <TextField label="Return window (hours)" placeholder="inherit" hint="How long after the purchase a return may be opened" {...bind('windowHours')} />
        <CheckboxGroup<DisputeReason>
          legend="Reasons allowed (none ticked: inherit)"
          options={DISPUTE_REASONS}
          values={values.allowedReasons}
          onChange={(allowedReasons) => set({ allowedReasons })}
          error={errors.allowedReasons}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>Accepted at once</legend>
        <p className="field__hint">A return opened for this reason within the hours given is accepted without an operator.</p>
        {values.autoAccept.map((row, i) => (
          <div className="form-grid" role="group" aria-label={`Rule ${i + 1}`} key={i}>
            <SelectField
              label="Reason"
              value={row.reason}
              error={errors[`autoAccept[${i}].reason`]}
              onChange={(e) => updateRow(i, { reason: e.target.value as DisputeReason })}
              options={[{ value: '', label: 'Choose…' }, ...DISPUTE_REASONS.map((r) => ({ value: r.value, label: r.label }))]}
            />
            <TextField
              label="Within (hours)"
              inputMode="numeric"
              value={row.withinHours}
              error={errors[`autoAccept[${i}].withinHours`]}
              onChange={(e) => updateRow(i, { withinHours: e.target.value })}
            />
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => set({ autoAccept: values.autoAccept.filter((_, j) => j !== i) })}
            >
              Remove rule {i + 1}
            </button>
          </div>
        ))}
        <button type="button" className="button button--ghost" onClick={() => set({ autoAccept: [...values.autoAccept, { reason: '', withinHours: '24' }] })}>
          Add a rule
        </button>
      </fieldset>
      <fieldset className="form-section">
        <legend>Return-rate cap</legend>
        <div className="form-grid">
          <TextField
            label="Cap (% of purchases)"
            placeholder="no cap"
            hint="Returns are refused once upheld + open returns reach it"
            {...bind('maxReturnRatePercent')}
          />
          <TextField label="Look-back (days)" placeholder="30" {...bind('rateLookbackDays')} />
          <TextField label="Minimum purchases" placeholder="10" hint="Buyers with fewer purchases are never refused" {...bind('rateMinPurchases')} />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <CheckboxGroup<ReturnRemedy>
          legend="Remedies buyers may choose (none ticked: inherit)"
          options={RETURN_REMEDIES}
          values={values.allowedRemedies}
          onChange={(allowedRemedies) => set({ allowedRemedies })}
          error={errors.allowedRemedies}
        />
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : 'Save policy'}
        </button>
        <span className="muted" role="status">
          {status}
        </span>
      </div>
    </form>
  );
}
