/**
 * The checkout page's side of the brand's step-up (apps/demo-shop/src/step-up.ts). The page reports each session
 * the element creates to the shop, which vouches only for sessions its checkout created for the cart in its cookie.
 * When the verifier asks for a step-up before it texts a code (`otp-verify-challenge` with `step_up`: a recently
 * swapped SIM), the page asks for the account password, the shop's server checks it and vouches for the session to
 * the verifier, and the element sends the code (`continueAfterChallenge()`).
 */
const element = document.querySelector('otp-verify');
const section = document.getElementById('step-up');
const form = section.querySelector('form');
const password = form.elements.namedItem('password');
const error = document.getElementById('step-up-error');
const checkoutPath = `/checkout/${encodeURIComponent(element.getAttribute('brand'))}`;
const claims = new Map();
let sessionId;

const post = (path, body) =>
  fetch(`${checkoutPath}/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).catch(() => undefined);

/** Reports a session to the shop once; the first cart to report a session owns it, so report it at creation. */
const claim = (id) => {
  if (!claims.has(id)) claims.set(id, post('sessions', { sessionId: id }));
  return claims.get(id);
};

async function failureMessage(response) {
  if (response?.status === 401) return form.dataset.wrongPassword;
  if (response?.status === 423) return (await response.json().catch(() => undefined))?.error ?? form.dataset.failed;
  return form.dataset.failed;
}

element.addEventListener('otp-session-created', (event) => {
  void claim(event.detail.sessionId);
});

element.addEventListener('otp-verify-challenge', (event) => {
  if (event.detail.challenge !== 'step_up') return;
  sessionId = event.detail.sessionId;
  error.textContent = '';
  section.hidden = false;
  password.focus();
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  await claim(sessionId);
  const response = await post('step-up', { sessionId, password: password.value });
  if (!response?.ok) {
    error.textContent = await failureMessage(response);
    password.value = '';
    password.focus();
    return;
  }
  section.hidden = true;
  password.value = '';
  await element.continueAfterChallenge();
});
