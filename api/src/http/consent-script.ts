// The consent capture script (GET /consent.js) as served: plain browser JS, no dependencies. It is kept as text
// so it is neither compiled nor linted as Node code; it uses no template literals, so it sits in one here.
//
// On a form with fields marked data-leadex="phone" / "email" and an element data-leadex="consent" it records
// the page URL and title, the consent text shown, the time on page (from script load), the time from the first
// keystroke to submit, whether phone and e-mail were typed, pasted or left empty, and the viewport. At submit it
// holds the form once, asks <script origin>/consent/certificates for a certificate, puts its id into a hidden
// input leadex_certificate_id and submits for real; when the request fails it submits without one.
// Phone and e-mail go along only to be hashed by the server; no keystrokes and no other field are sent.
export const CONSENT_SCRIPT = `(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var seller = script.getAttribute('data-leadex-seller');
  var country = script.getAttribute('data-leadex-country');
  // the seller in the query too: the CORS preflight has no body, and answers only that seller's origins
  var endpoint = new URL(script.src).origin + '/consent/certificates?seller=' + encodeURIComponent(seller || '');
  var loadedAt = Date.now();
  var firstKeyAt = null;
  var pasted = [];
  var TIMEOUT_MS = 5000;

  function mark(e) {
    var el = e.target;
    if (firstKeyAt === null && (e.type === 'keydown' || e.type === 'input')) firstKeyAt = Date.now();
    if (!el || !el.getAttribute || !el.getAttribute('data-leadex')) return;
    if (e.type === 'paste' || e.inputType === 'insertFromPaste') {
      if (pasted.indexOf(el) < 0) pasted.push(el);
    } else if (e.type === 'input' && !el.value && pasted.indexOf(el) >= 0) {
      pasted.splice(pasted.indexOf(el), 1);
    }
  }
  document.addEventListener('keydown', mark, true);
  document.addEventListener('input', mark, true);
  document.addEventListener('paste', mark, true);

  function find(form, name) {
    var sel = '[data-leadex="' + name + '"]';
    return form.querySelector(sel) || document.querySelector(sel);
  }
  function value(el) {
    return el && el.value ? String(el.value).trim() : '';
  }
  function entry(el) {
    if (!value(el)) return 'EMPTY';
    return pasted.indexOf(el) >= 0 ? 'PASTED' : 'TYPED';
  }

  function facts(form) {
    var now = Date.now();
    var phone = find(form, 'phone');
    var email = find(form, 'email');
    var consent = find(form, 'consent');
    return {
      seller: seller,
      pageUrl: location.href.slice(0, 2000),
      pageTitle: document.title.slice(0, 500) || null,
      consentText: consent ? (consent.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 2000) : '',
      timeOnPageMs: now - loadedAt,
      keystrokeToSubmitMs: firstKeyAt === null ? null : now - firstKeyAt,
      phoneEntry: entry(phone),
      emailEntry: entry(email),
      viewport: { width: window.innerWidth, height: window.innerHeight },
      phone: value(phone) || null,
      email: value(email) || null,
      country: country || null
    };
  }

  function submit(form, submitter, id) {
    var input = form.querySelector('input[name="leadex_certificate_id"]');
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'leadex_certificate_id';
      form.appendChild(input);
    }
    input.value = id || '';
    form.setAttribute('data-leadex-sent', '1');
    if (form.requestSubmit) form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
    else form.submit();
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!seller || e.defaultPrevented || !form || form.tagName !== 'FORM') return;
    if (form.getAttribute('data-leadex-sent') || !form.querySelector('[data-leadex]')) return;
    e.preventDefault();
    var done = false;
    function finish(id) {
      if (done) return;
      done = true;
      submit(form, e.submitter, id);
    }
    setTimeout(finish, TIMEOUT_MS);
    try {
      fetch(endpoint, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(facts(form))
      })
        .then(function (res) { return res.ok ? res.json() : null; })
        .then(function (body) { finish(body && body.certificateId); }, function () { finish(null); });
    } catch (_err) {
      finish(null);
    }
  });
})();
`;
