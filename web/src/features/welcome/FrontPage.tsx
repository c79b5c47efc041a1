// The front page before sign-in: what Leadex is for sellers and buyers, how it works, the CPL calculator, sign-up.
import { Link } from 'react-router';
import { CampaignCalculator } from '../calculator/CalculatorPage';
import { Page } from '../../lib/ui/page';
import { signUpLink } from './checklist-steps';
import './welcome.css';

const STEPS = [
  { title: 'Sellers list leads', text: 'Through a form, a CSV file or the API, each with the person’s consent. Every lead is checked before it is listed.' },
  { title: 'Buyers pick or bid', text: 'Filter the marketplace and buy the leads you want, or let a campaign bid on new ones within your budget.' },
  { title: 'Money moves safely', text: 'Buyers pay by card or wallet; the money waits in escrow through the return window, then the seller is paid.' },
];

export function FrontPage() {
  return (
    <Page
      title="Leadex: a marketplace for leads"
      intro="Sell the leads you capture, buy the ones your business needs: verified, priced by a public grid, paid safely."
    >
      <div className="front">
        <div className="two-columns">
          <section className="card front__role" aria-labelledby="for-sellers">
            <h2 id="for-sellers">For sellers</h2>
            <ul>
              <li>List leads from your forms, ads and events, one by one or thousands at a time.</li>
              <li>Prices follow the segment, place, freshness and your quality record.</li>
              <li>Get paid to your bank account once the return window closes.</li>
            </ul>
            <Link className="button" to={signUpLink('SELLER')}>
              Sign up to sell leads
            </Link>
          </section>
          <section className="card front__role" aria-labelledby="for-buyers">
            <h2 id="for-buyers">For buyers</h2>
            <ul>
              <li>Verified contacts with their consent proof, filtered to the places and segments you serve.</li>
              <li>Exclusive or shared leads; return a bad one within the window for a refund.</li>
              <li>Campaigns that bid for you, and delivery to your CRM by webhook.</li>
            </ul>
            <Link className="button" to={signUpLink('BUYER')}>
              Sign up to buy leads
            </Link>
          </section>
        </div>

        <section aria-labelledby="how-it-works">
          <h2 id="how-it-works">How it works</h2>
          <ol className="front__steps">
            {STEPS.map((s) => (
              <li key={s.title} className="card">
                <h3>{s.title}</h3>
                <p>{s.text}</p>
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="calculator-title" className="front__calculator">
          <h2 id="calculator-title">What does a lead cost you today?</h2>
          <p className="muted">
            Put in your ad campaign’s clicks, cost per click and leads: compare its cost per lead with the marketplace. More in the{' '}
            <Link to="/calculator">full calculator</Link>.
          </p>
          <CampaignCalculator />
        </section>

        <p>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </p>
      </div>
    </Page>
  );
}
