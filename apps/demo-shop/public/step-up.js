/**
 * The checkout page's side of the brand's step-up (apps/demo-shop/src/step-up.ts). When the verifier asks for it
 * before it texts a code (`otp-verify-challenge` with `step_up`: a recently swapped SIM), the page asks for the
 * account password, the shop's server checks it and vouches for the session to the verifier, and the element
 * sends the code (`continueAfterChallenge()`).
 */
const element = document.querySelector('otp-verify');
const section = document.getElementById('step-up');
const form = section.querySelector('form');
const password = form.elements.namedItem('password');
const error = document.getElementById('step-up-error');
let sessionId;

element.addEventListener('otp-verify-challenge', (event) => {
  if (event.detail.challenge !== 'step_up') return;
  sessionId = event.detail.sessionId;
  error.textContent = '';
  section.hidden = false;
  password.focus();
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = { cartId: form.elements.namedItem('cartId').value, sessionId, password: password.value };
  const response = await fetch('/step-up', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).catch(() => undefined);
  if (!response?.ok) {
    error.textContent = response?.status === 401 ? form.dataset.wrongPassword : form.dataset.failed;
    password.value = '';
    password.focus();
    return;
  }
  section.hidden = true;
  password.value = '';
  await element.continueAfterChallenge();
});
