// Stripe's documented test cards and test PaymentMethod tokens, and how each one behaves when charged.

export interface CardDetails {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  name?: string;
}

export interface CardFailure {
  // 'validation': Stripe's form rejects the card before any charge; 'issuer': a charge is attempted and declined
  stage: 'validation' | 'issuer';
  code: string;
  declineCode?: string;
  message: string;
}

interface TestCard {
  brand: 'visa' | 'mastercard' | 'amex';
  funding: 'credit' | 'debit';
  failure?: CardFailure;
}

const DECLINED: CardFailure = { stage: 'issuer', code: 'card_declined', declineCode: 'generic_decline', message: 'Your card was declined.' };

const TEST_CARDS: Record<string, TestCard> = {
  '4242424242424242': { brand: 'visa', funding: 'credit' },
  '4000056655665556': { brand: 'visa', funding: 'debit' },
  '5555555555554444': { brand: 'mastercard', funding: 'credit' },
  '378282246310005': { brand: 'amex', funding: 'credit' },
  '4000000000000002': { brand: 'visa', funding: 'credit', failure: DECLINED },
  '4000000000009995': {
    brand: 'visa',
    funding: 'credit',
    failure: { stage: 'issuer', code: 'card_declined', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  },
  '4000000000000069': { brand: 'visa', funding: 'credit', failure: { stage: 'issuer', code: 'expired_card', message: 'Your card has expired.' } },
  '4000000000000127': {
    brand: 'visa',
    funding: 'credit',
    failure: { stage: 'issuer', code: 'incorrect_cvc', message: "Your card's security code is incorrect." },
  },
};

/** `pm_card_visa` and friends, as Stripe accepts them in test mode. */
const TEST_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: '4242424242424242',
  pm_card_visa_debit: '4000056655665556',
  pm_card_mastercard: '5555555555554444',
  pm_card_amex: '378282246310005',
  pm_card_chargeDeclined: '4000000000000002',
  pm_card_visa_chargeDeclined: '4000000000000002',
  pm_card_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_chargeDeclinedExpiredCard: '4000000000000069',
  pm_card_chargeDeclinedIncorrectCvc: '4000000000000127',
};

export function cardForTestPaymentMethod(paymentMethod: string): CardDetails | undefined {
  const number = TEST_PAYMENT_METHODS[paymentMethod];
  return number ? { number, expMonth: 12, expYear: 2034, cvc: '123' } : undefined;
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

export interface CardCheck {
  brand: string;
  funding: string;
  last4: string;
  failure?: CardFailure;
}

/** Validates the card as Stripe's form would, then says how the issuer answers at `now`. */
export function checkTestCard(card: CardDetails, now: Date): CardCheck {
  const digits = card.number.replace(/[\s-]/g, '');
  const last4 = digits.slice(-4);
  if (!/^\d{12,19}$/.test(digits) || !passesLuhn(digits)) {
    return {
      brand: 'unknown',
      funding: 'unknown',
      last4,
      failure: { stage: 'validation', code: 'incorrect_number', message: 'Your card number is incorrect.' },
    };
  }
  const known = TEST_CARDS[digits];
  const brand = known?.brand ?? 'visa';
  const funding = known?.funding ?? 'credit';
  if (!(card.expMonth >= 1 && card.expMonth <= 12)) {
    return { brand, funding, last4, failure: { stage: 'validation', code: 'invalid_expiry_month', message: "Your card's expiration month is invalid." } };
  }
  const expiresAfter = new Date(Date.UTC(card.expYear, card.expMonth, 1));
  if (!(card.expYear >= 2000) || expiresAfter <= now) {
    return { brand, funding, last4, failure: { stage: 'validation', code: 'invalid_expiry_year', message: "Your card's expiration year is in the past." } };
  }
  if (!/^\d{3,4}$/.test(card.cvc)) {
    return { brand, funding, last4, failure: { stage: 'validation', code: 'invalid_cvc', message: "Your card's security code is invalid." } };
  }
  if (!known) {
    // Stripe refuses real card numbers in test mode
    return {
      brand,
      funding,
      last4,
      failure: {
        stage: 'issuer',
        code: 'card_declined',
        declineCode: 'test_mode_live_card',
        message: 'Your card was declined. Your request was in test mode, but used a non test (live) card.',
      },
    };
  }
  return { brand, funding, last4, ...(known.failure ? { failure: known.failure } : {}) };
}
