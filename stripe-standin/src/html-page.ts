// The stand-in's hosted pages share one plain, accessible HTML layout; every interpolated value is escaped.

import escape from 'escape-html';

/** Text and attribute values for the pages (escape-html: & < > " '). */
export const escapeHtml: (value: string) => string = escape;

const STYLE = `
  body { font-family: system-ui, sans-serif; background: #f6f8fa; color: #1a1f36; margin: 0; }
  main { max-width: 28rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 3px #0002; }
  h1 { font-size: 1.3rem; margin-top: 0; }
  .badge { display: inline-block; font-size: .75rem; background: #ffde92; color: #983705; padding: .1rem .4rem; border-radius: 4px; }
  label { display: block; font-weight: 600; margin: .9rem 0 .3rem; }
  input { width: 100%; box-sizing: border-box; padding: .55rem; font-size: 1rem; border: 1px solid #c1c9d2; border-radius: 6px; }
  .row { display: flex; gap: .8rem; } .row > div { flex: 1; }
  button { margin-top: 1.3rem; width: 100%; padding: .75rem; font-size: 1rem; font-weight: 600; color: #fff; background: #635bff; border: 0; border-radius: 6px; cursor: pointer; }
  .error { background: #fde8e8; color: #9b1c1c; padding: .6rem; border-radius: 6px; }
  .hint { color: #697386; font-size: .85rem; }
  ul.items { padding: 0; list-style: none; } ul.items li { display: flex; justify-content: space-between; padding: .3rem 0; }
  .total { font-weight: 700; border-top: 1px solid #e3e8ee; padding-top: .5rem; display: flex; justify-content: space-between; }
`;

/** A whole document; `body` must already be escaped HTML. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<span class="badge">Test mode · Stripe stand-in</span>
${body}
</main>
</body>
</html>`;
}

export function messagePage(title: string, message: string, link?: { href: string; text: string }): string {
  const anchor = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : '';
  return htmlPage(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${anchor}`);
}
