/**
 * The theme gallery's scripted customer (apps/demo-shop/src/gallery): in each cell it does what the cell's state
 * needs (data-script), waits until the element shows the state (data-shows), and when every cell does, takes
 * the focus away (the element moves it after a customer's action) and marks the page ready
 * (`body[data-gallery-ready]`) for the visual regression test.
 */

const INVALID_PHONE = '123';
const CODE_DIGITS = '1234567890';

/**
 * The answers that never come (data-held) are held here, in the page, with their headers sent and a body that
 * never ends: the browser opens at most six connections per host, and a request held on the network would keep
 * one busy for good (two rows of them would stall the page).
 */
function holdRequests(paths) {
  const fetchFromNetwork = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!paths.has(url.pathname)) return fetchFromNetwork(input, init);
    const neverEnding = new ReadableStream();
    return Promise.resolve(new Response(neverEnding, { headers: { 'Content-Type': 'application/json' } }));
  };
}

/** Resolves once the element matches `selector` (its custom states change after each render). */
function reached(element, selector) {
  return new Promise((resolve) => {
    const watcher = {
      hostUpdated: () => queueMicrotask(check),
    };
    function check() {
      if (!element.matches(selector)) return;
      element.removeController(watcher);
      resolve();
    }
    element.addController(watcher);
    check();
  });
}

/** The element waits for the customer in this step: nothing is under way. */
const waitsIn = (step) => `:state(${step}):not(:state(busy))`;

/** Types into a field as a customer does: the value, then an `input` event. */
function type(input, text) {
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}

const steps = {
  'type-invalid-phone': async (element) => {
    await reached(element, waitsIn('phone'));
    type(element.shadowRoot.querySelector('#phone'), INVALID_PHONE);
    element.shadowRoot.querySelector('button[type="submit"]').click();
  },
  'open-countries': async (element) => {
    await reached(element, waitsIn('phone'));
    // A brand with a single country has no list to open.
    element.shadowRoot.querySelector('#country')?.click();
  },
  send: async (element) => {
    await reached(element, waitsIn('registered'));
    element.shadowRoot.querySelector('#send').click();
  },
  'type-code': async (element) => {
    await reached(element, waitsIn('code'));
    const length = element.querySelectorAll('.otp-verify-code-slot').length;
    type(element.querySelector('.otp-verify-code-input'), CODE_DIGITS.slice(0, length));
  },
};

async function play(cell) {
  const element = cell.querySelector('otp-verify');
  for (const step of cell.dataset.script.split(' ').filter(Boolean)) await steps[step](element);
  await reached(
    element,
    cell.dataset.shows
      .split(' ')
      .map((state) => `:state(${state})`)
      .join(''),
  );
  await element.updateComplete;
}

/** The focused control, even inside a shadow root. */
function focusedControl() {
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return focused;
}

const cells = [...document.querySelectorAll('[data-gallery-cell]')];
holdRequests(new Set(cells.map((cell) => cell.dataset.held).filter(Boolean)));
await customElements.whenDefined('otp-verify');
await Promise.all(cells.map(play));
focusedControl()?.blur();
window.scrollTo(0, 0);
document.body.dataset.galleryReady = '';
