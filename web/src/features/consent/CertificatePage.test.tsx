import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { renderWithApi } from '../../test/render-with-api';
import { CertificatePage } from './CertificatePage';

const certificate = (patch: Record<string, unknown> = {}) => ({
  __typename: 'ConsentCertificate',
  id: 'cer_01',
  leadId: 'lead_01',
  verified: true,
  pageUrl: 'https://forms.example.com/quote?utm=x',
  pageTitle: 'Car insurance quote',
  consentText: 'I agree to be called about car insurance.',
  timeOnPageMs: 95_000,
  keystrokeToSubmitMs: 41_500,
  phoneEntry: 'TYPED',
  emailEntry: 'PASTED',
  issuedAt: '2026-11-20T10:15:00.000Z',
  ...patch,
});

function renderPage(answer: unknown) {
  return renderWithApi(
    <Routes>
      <Route path="/certificates/:id" element={<CertificatePage />} />
    </Routes>,
    { ConsentCertificate: () => ({ data: { consentCertificate: answer } }) },
    '/certificates/cer_01',
  );
}

describe('<CertificatePage>', () => {
  it('shows every recorded fact in words and asks for the id in the address', async () => {
    const page = renderPage(certificate());
    const cert = await screen.findByRole('article', { name: 'Certificate' });
    expect(page.requests.find((r) => r.operationName === 'ConsentCertificate')!.variables).toEqual({ id: 'cer_01' });
    expect(within(cert).getByText('Signature verified')).toBeTruthy();
    expect(within(cert).getByText('cer_01')).toBeTruthy();
    expect(within(cert).getByText('https://forms.example.com/quote?utm=x')).toBeTruthy();
    expect(within(cert).getByText('Car insurance quote')).toBeTruthy();
    expect(within(cert).getByText('I agree to be called about car insurance.')).toBeTruthy();
    expect(within(cert).getByText('1 min 35 s')).toBeTruthy();
    expect(within(cert).getByText('41.5 seconds')).toBeTruthy();
    expect(within(cert).getByText('Typed by the person')).toBeTruthy();
    expect(within(cert).getByText('Pasted')).toBeTruthy();
    expect(within(cert).queryByText('TYPED')).toBeNull();
  });

  it('says plainly when the signature no longer covers the facts, and when no keystroke was recorded', async () => {
    renderPage(certificate({ verified: false, keystrokeToSubmitMs: null, pageTitle: null, emailEntry: 'EMPTY' }));
    const cert = await screen.findByRole('article', { name: 'Certificate' });
    expect(within(cert).getByText('Not verified')).toBeTruthy();
    expect(within(cert).queryByText('Signature verified')).toBeNull();
    expect(within(cert).getByText('not recorded')).toBeTruthy();
    expect(within(cert).getByText('Left empty')).toBeTruthy();
  });

  it('prints with the browser', async () => {
    // native ESM jest has no `jest` global: a counting stand-in for the browser's print dialog
    const original = window.print;
    let printed = 0;
    window.print = () => {
      printed += 1;
    };
    try {
      renderPage(certificate());
      await screen.findByRole('article', { name: 'Certificate' });
      fireEvent.click(screen.getByRole('button', { name: 'Print' }));
      expect(printed).toBe(1);
    } finally {
      window.print = original;
    }
  });

  it('shows nothing of a certificate the caller may not read', async () => {
    renderPage(null);
    expect(await screen.findByText('No certificate to show.')).toBeTruthy();
    expect(screen.queryByRole('article', { name: 'Certificate' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Print' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
