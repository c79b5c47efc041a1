import { screen } from '@testing-library/react';
import { renderWithApi } from '../../test/render-with-api';
import { FrontPage } from './FrontPage';

describe('<FrontPage>', () => {
  it('says what Leadex is for each role, with a sign-up link for each and the calculator', () => {
    renderWithApi(<FrontPage />, {});
    expect(screen.getByRole('heading', { name: 'For sellers' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'For buyers' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign up to sell leads' }).getAttribute('href')).toBe('/sign-up?role=SELLER');
    expect(screen.getByRole('link', { name: 'Sign up to buy leads' }).getAttribute('href')).toBe('/sign-up?role=BUYER');
    expect(screen.getAllByRole('listitem').length).toBeGreaterThanOrEqual(3);
    expect(screen.getByRole('form', { name: 'Campaign calculator' })).toBeTruthy();
  });
});
