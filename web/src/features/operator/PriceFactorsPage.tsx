// Operator: the multipliers applied to the grid price (temperature, exclusivity, verification, freshness),
// and the volume discount tiers.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import type { PriceFactorsQuery as TPriceFactors } from '../../gql/graphql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { VolumeTiers } from '../../lib/catalog/VolumeTiers';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { PriceFactorsQuery, SetPriceFactorsMutation } from './operator.operations';
import { errorsByItem, isDecimal } from './pricing-edits';

const FACTOR_HELP: Record<string, { label: string; hint: string }> = {
  TEMPERATURE_COLD: { label: 'Cold lead', hint: 'multiplier, e.g. 0.70' },
  TEMPERATURE_WARM: { label: 'Warm lead', hint: 'multiplier, e.g. 1.00' },
  TEMPERATURE_HOT: { label: 'Hot lead', hint: 'multiplier, e.g. 1.40' },
  EXCLUSIVITY_EXCLUSIVE: { label: 'Exclusive', hint: 'multiplier, e.g. 2.00' },
  EXCLUSIVITY_SHARED: { label: 'Shared', hint: 'multiplier, e.g. 1.00' },
  VERIFIED: { label: 'Verified', hint: 'multiplier, e.g. 1.00' },
  UNVERIFIED: { label: 'Unverified', hint: 'multiplier, e.g. 0.85' },
  FRESHNESS_DAILY_DECAY: { label: 'Freshness decay per day', hint: 'fraction lost per day, e.g. 0.05' },
  FRESHNESS_FLOOR: { label: 'Freshness floor', hint: 'lowest freshness multiplier, e.g. 0.40' },
};

const help = (name: string) => FACTOR_HELP[name] ?? { label: name, hint: 'multiplier' };

export function PriceFactorsPage() {
  const [factors] = useQuery({ query: PriceFactorsQuery });
  const [saved, setSaved] = useState<number | null>(null);
  const list = factors.data?.priceFactors;
  const error = apiErrorFromGraphql(factors.error);
  return (
    <Page title="Price factors" intro="List price = base × temperature × exclusivity × verification × freshness, rounded half-up to a minor unit.">
      {saved !== null ? (
        <SuccessMessage>
          Saved {saved} factor{saved === 1 ? '' : 's'}. Listed leads are being repriced.
        </SuccessMessage>
      ) : null}
      {!list ? (
        error ? (
          <ErrorMessage error={error} title="Price factors could not be loaded" />
        ) : (
          <Loading label="Loading price factors…" />
        )
      ) : list.length === 0 ? (
        <EmptyState title="No price factors are set." />
      ) : (
        <FactorsEditor key={JSON.stringify(list)} factors={list} onSaved={setSaved} />
      )}
      <VolumeTiers />
    </Page>
  );
}

function FactorsEditor({ factors, onSaved }: { factors: TPriceFactors['priceFactors']; onSaved: (count: number) => void }) {
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(factors.map((f) => [f.name, f.value])));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [other, setOther] = useState<string[]>([]);
  const [saving, setPriceFactors] = useMutation(SetPriceFactorsMutation);
  const changed = factors.filter((f) => (draft[f.name] ?? '').trim() !== f.value).map((f) => ({ name: f.name, value: (draft[f.name] ?? '').trim() }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setOther([]);
    const invalid = Object.fromEntries(changed.filter((c) => !isDecimal(c.value)).map((c) => [c.name, 'A decimal number like 0.85.']));
    setFieldErrors(invalid);
    if (Object.keys(invalid).length || !changed.length) return;
    const res = await setPriceFactors({ input: changed }, { additionalTypenames: ['PriceFactor'] });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) {
      const placed = errorsByItem(
        apiError,
        changed.map((c) => c.name),
      );
      setError(apiError);
      setFieldErrors(placed.byKey);
      setOther(placed.other);
      return;
    }
    onSaved(changed.length);
  };

  return (
    <form className="form form--narrow" onSubmit={save} noValidate aria-label="Price factors">
      <ErrorMessage error={error} title="The factors were not saved" details={other} />
      <div className="form-grid">
        {factors.map((f) => (
          <TextField
            key={f.name}
            label={help(f.name).label}
            name={f.name}
            inputMode="decimal"
            hint={
              <>
                <code>{f.name}</code>, {help(f.name).hint}
              </>
            }
            value={draft[f.name] ?? ''}
            error={fieldErrors[f.name]}
            onChange={(e) => setDraft({ ...draft, [f.name]: e.target.value })}
          />
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving.fetching || !changed.length}>
          {saving.fetching ? 'Saving…' : changed.length ? `Save ${changed.length} change${changed.length === 1 ? '' : 's'}` : 'No changes'}
        </button>
      </div>
    </form>
  );
}
