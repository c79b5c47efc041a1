// Create an account (a new organization) as a seller or a buyer; the API signs the new user in.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import type { SignUpRole } from '../../gql/graphql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { useResetGraphqlCache } from '../../lib/graphql-client';
import { ErrorMessage } from '../../lib/ui/feedback';
import { TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { SignUpMutation } from './auth.operations';
import { startSession } from './session';

interface Values {
  role: SignUpRole | '';
  name: string;
  email: string;
  password: string;
  organizationName: string;
}

const FIELDS = ['role', 'name', 'email', 'password', 'organizationName'];

export function validateSignUp(values: Values): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.role) errors.role = 'Choose whether you sell or buy leads.';
  if (!values.name.trim()) errors.name = 'Enter your name.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) errors.email = 'Enter a valid e-mail address.';
  if (values.password.length < 10) errors.password = 'At least 10 characters.';
  if (!values.organizationName.trim()) errors.organizationName = 'Enter your organization’s name.';
  return errors;
}

/** `?role=SELLER|BUYER` from the front page's sign-up links picks the role in advance. */
export function roleFromQuery(value: string | null): SignUpRole | '' {
  return value === 'SELLER' || value === 'BUYER' ? value : '';
}

export function SignUpPage() {
  const [params] = useSearchParams();
  const [values, setValues] = useState<Values>({ role: roleFromQuery(params.get('role')), name: '', email: '', password: '', organizationName: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [state, signUp] = useMutation(SignUpMutation);
  const navigate = useNavigate();
  const resetCache = useResetGraphqlCache();

  const set = (name: keyof Values) => (e: { target: { value: string } }) => {
    setValues({ ...values, [name]: e.target.value });
    setErrors(({ [name]: _, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found = validateSignUp(values);
    setErrors(found);
    if (Object.keys(found).length || !values.role) return;
    const res = await signUp({
      input: { ...values, role: values.role, email: values.email.trim(), name: values.name.trim(), organizationName: values.organizationName.trim() },
    });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) {
      const placed = placeApiErrors(apiError, FIELDS);
      setError(apiError);
      setErrors(placed.byField);
      return;
    }
    await startSession(resetCache);
    // the first-run checklist (features/welcome); it links on to the role's home
    navigate('/welcome', { replace: true });
  };

  return (
    <Page title="Create an account">
      <form className="form form--narrow" onSubmit={submit} noValidate aria-label="Create an account">
        <ErrorMessage error={error} />
        <fieldset className={`radio-group${errors.role ? ' field--invalid' : ''}`} aria-describedby={errors.role ? 'role-error' : undefined}>
          <legend>I want to</legend>
          <label className="radio-card">
            <input type="radio" name="role" value="SELLER" checked={values.role === 'SELLER'} onChange={set('role')} />
            <span>
              <strong>Sell leads</strong> (seller)
            </span>
          </label>
          <label className="radio-card">
            <input type="radio" name="role" value="BUYER" checked={values.role === 'BUYER'} onChange={set('role')} />
            <span>
              <strong>Buy leads</strong> (buyer)
            </span>
          </label>
          {errors.role ? (
            <p id="role-error" className="field__error">
              {errors.role}
            </p>
          ) : null}
        </fieldset>
        <TextField label="Your name" name="name" autoComplete="name" required value={values.name} onChange={set('name')} error={errors.name} />
        <TextField label="E-mail" name="email" type="email" autoComplete="email" required value={values.email} onChange={set('email')} error={errors.email} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters"
          value={values.password}
          onChange={set('password')}
          error={errors.password}
        />
        <TextField
          label="Organization name"
          name="organizationName"
          autoComplete="organization"
          required
          value={values.organizationName}
          onChange={set('organizationName')}
          error={errors.organizationName}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={state.fetching}>
            {state.fetching ? 'Creating account…' : 'Create account'}
          </button>
        </div>
        <p>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </p>
      </form>
    </Page>
  );
}
