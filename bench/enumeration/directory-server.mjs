// A brand's customer directory for the enumeration benchmark (packages/verifier/README.md, "Customer
// directory"): a bare node:http child process (plain node, no loader) on HOST:PORT from the environment.
//
// It holds no table: the kind of customer is in the reference the benchmark makes up, `ref-<K|U|V>-<8 digits>`
// (all references the same length), and the number is derived from the digits, so every known customer has
// its own number and no per-number limit is reached:
//   ref-K-…  known       200 {"phoneNumber":"+49151<digits>","phoneNumberVerified":true}
//   ref-V-…  unverified  200 {"phoneNumber":"+49151<digits>","phoneNumberVerified":false}
//   other    unknown     404
// POST <any path> with {"brand","customerRef"} or GET <any path>?customerRef=…; GET /healthz answers 200 and
// GET /lookups the number of lookups per kind so far (the benchmark checks it made one per session).
import { createServer } from 'node:http';
import { serveChild } from '../shared/serve-child.mjs';

const lookups = { known: 0, unverified: 0, unknown: 0, malformed: 0 };

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body */
function answer(res, status, body) {
  const text = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': text.length });
  res.end(text);
}

/** @param {import('node:http').ServerResponse} res @param {unknown} customerRef */
function lookUp(res, customerRef) {
  const match = typeof customerRef === 'string' ? /^ref-([KUV])-(\d{8})$/.exec(customerRef) : null;
  if (match === null) {
    lookups.malformed += 1;
    answer(res, 404, { error: 'unknown customer' });
    return;
  }
  const [, kind, digits] = match;
  if (kind === 'U') {
    lookups.unknown += 1;
    answer(res, 404, { error: 'unknown customer' });
    return;
  }
  const verified = kind === 'K';
  lookups[verified ? 'known' : 'unverified'] += 1;
  answer(res, 200, { phoneNumber: `+49151${digits}`, phoneNumberVerified: verified });
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://directory.invalid');
  if (req.method === 'GET' && url.pathname === '/healthz') {
    req.resume();
    answer(res, 200, { ok: true });
  } else if (req.method === 'GET' && url.pathname === '/lookups') {
    req.resume();
    answer(res, 200, lookups);
  } else if (req.method === 'GET') {
    req.resume();
    lookUp(res, url.searchParams.get('customerRef'));
  } else if (req.method === 'POST') {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      let customerRef;
      try {
        customerRef = JSON.parse(Buffer.concat(chunks).toString('utf8')).customerRef;
      } catch {
        customerRef = undefined;
      }
      lookUp(res, customerRef);
    });
  } else {
    req.resume();
    answer(res, 405, { error: 'method not allowed' });
  }
});

serveChild(server, 'customer directory');
