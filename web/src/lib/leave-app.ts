// Leaving the app for a hosted page (Stripe Checkout, Stripe Connect onboarding). Pages take it as a prop
// so tests can see where they would go (jsdom cannot navigate away).
export function leaveApp(url: string): void {
  window.location.assign(url);
}
