import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimSwapServiceConfig } from '../../src/config/risk-services-schema.js';
import { camaraSimSwap } from '../../src/directory/sim-swap/camara-sim-swap.js';
import type { GatewayBehaviour, TestGateway } from '../delivery/http-gateway-test-server.js';
import { answer, closedGatewayUrl, neverAnswer, startTestGateway } from '../delivery/http-gateway-test-server.js';
import { recordingLogger } from './recording-logger.js';

const NUMBER = '+31612000099';
const TIMEOUT_MS = 300;
const camaraError = (status: number, code: string) =>
  answer(status, JSON.stringify({ status, code, message: 'stand-in error' }));

/**
 * A SIM-swap service that cannot give a clear answer must never be read as "not swapped" (CAMARA SIM Swap v2:
 * only a 200 `{ swapped }` answers the question); the brand's `onUnavailable` policy decides instead.
 */
describe('every answer of a SIM-swap service but a 200 { swapped } is unavailable, within the timeout', () => {
  const log = recordingLogger();
  let service: TestGateway;
  let redirectTarget: TestGateway;

  beforeAll(async () => {
    service = await startTestGateway();
    redirectTarget = await startTestGateway();
    redirectTarget.behave(answer(200, JSON.stringify({ swapped: false })));
  });
  afterAll(async () => {
    await service.close();
    await redirectTarget.close();
  });

  const check = async (url: string) => {
    const config: SimSwapServiceConfig = {
      url: `${url}/sim-swap/v2`,
      auth: { type: 'bearer', secretEnv: 'SIM_SWAP_TOKEN' },
      timeoutMs: TIMEOUT_MS,
    };
    return camaraSimSwap(config, { env: { SIM_SWAP_TOKEN: 'tok' }, logger: log.logger }).check(NUMBER, 240);
  };
  const answering = async (behaviour: GatewayBehaviour) => {
    service.behave(behaviour);
    return check(service.url);
  };

  it('sends the CAMARA request: POST {url}/check, the number and maxAge, the bearer token and an x-correlator', async () => {
    expect(await answering(answer(200, JSON.stringify({ swapped: true })))).toBe('swapped');
    const request = service.received.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/sim-swap/v2/check' });
    expect(JSON.parse(request?.body ?? '')).toEqual({ phoneNumber: NUMBER, maxAge: 240 });
    expect(request?.headers.authorization).toBe('Bearer tok');
    expect(request?.headers['x-correlator']).toMatch(/^[a-zA-Z0-9-]{36}$/);
  });

  it.each([
    ['404 IDENTIFIER_NOT_FOUND (a number the operator does not serve)', camaraError(404, 'IDENTIFIER_NOT_FOUND')],
    ['422 SERVICE_NOT_APPLICABLE', camaraError(422, 'SERVICE_NOT_APPLICABLE')],
    ['400 OUT_OF_RANGE (maxAge over the operator privacy threshold)', camaraError(400, 'OUT_OF_RANGE')],
    ['403 PERMISSION_DENIED', camaraError(403, 'PERMISSION_DENIED')],
    ['429 TOO_MANY_REQUESTS', camaraError(429, 'TOO_MANY_REQUESTS')],
    ['500', answer(500, JSON.stringify({ swapped: false }))],
    ['503 with an HTML page', answer(503, '<html>maintenance</html>', 'text/html')],
    ['200 that is not JSON', answer(200, 'swapped=false', 'text/plain')],
    ['200 with swapped of the wrong type', answer(200, JSON.stringify({ swapped: 'false' }))],
    ['200 without swapped', answer(200, JSON.stringify({ latestSimChange: null }))],
    ['200 with a JSON array', answer(200, JSON.stringify([{ swapped: false }]))],
  ])('%s', async (_case, behaviour) => {
    expect(await answering(behaviour)).toBe('unavailable');
  });

  // CWE-400: an answer over 16 KB is not read to its end, however it ends.
  it('an answer over 16 KB, even one that says not swapped', async () => {
    const oversized = JSON.stringify({ swapped: false, padding: 'x'.repeat(20_000) });
    expect(await answering(answer(200, oversized))).toBe('unavailable');
    const justUnder = JSON.stringify({ swapped: false, padding: 'x'.repeat(15_000) });
    expect(await answering(answer(200, justUnder))).toBe('not_swapped');
  });

  it('a redirect, which is not followed with the token', async () => {
    expect(
      await answering((_request, response) => {
        response.writeHead(307, { location: `${redirectTarget.url}/check` }).end();
      }),
    ).toBe('unavailable');
    expect(redirectTarget.received).toHaveLength(0);
  });

  it('a service that does not answer, within the timeout', async () => {
    const started = performance.now();
    expect(await answering(neverAnswer)).toBe('unavailable');
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 200);
    expect(log.entries().at(-1)?.problem).toBe(`no answer within ${TIMEOUT_MS} ms`);
  });

  it('a service that is down', async () => {
    expect(await check(await closedGatewayUrl())).toBe('unavailable');
    expect(log.entries().at(-1)?.problem).toBe('could not be reached (ECONNREFUSED)');
  });

  it('a token endpoint that does not answer, within the timeout', async () => {
    service.behave(neverAnswer);
    const config: SimSwapServiceConfig = {
      url: `${redirectTarget.url}/sim-swap/v2`,
      auth: { type: 'client_credentials', tokenUrl: `${service.url}/token`, clientId: 'c', secretEnv: 'S' },
      timeoutMs: TIMEOUT_MS,
    };
    const asked = redirectTarget.received.length;
    const started = performance.now();
    const simSwap = camaraSimSwap(config, { env: { S: 'secret' }, logger: log.logger });
    expect(await simSwap.check(NUMBER, 240)).toBe('unavailable');
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 200);
    expect(redirectTarget.received).toHaveLength(asked);
  });

  it('a token endpoint that stops answering after a 401, within the same timeout', async () => {
    let tokensGiven = 0;
    service.behave((request, response) => {
      if (request.url === '/token' && tokensGiven++ === 0) {
        answer(200, JSON.stringify({ access_token: 'first', token_type: 'Bearer', expires_in: 3600 }))(
          request,
          response,
        );
      } else if (request.url !== '/token') {
        camaraError(401, 'UNAUTHENTICATED')(request, response);
      }
    });
    const config: SimSwapServiceConfig = {
      url: `${service.url}/sim-swap/v2`,
      auth: { type: 'client_credentials', tokenUrl: `${service.url}/token`, clientId: 'c', secretEnv: 'S' },
      timeoutMs: TIMEOUT_MS,
    };
    const started = performance.now();
    const simSwap = camaraSimSwap(config, { env: { S: 'secret' }, logger: log.logger });
    expect(await simSwap.check(NUMBER, 240)).toBe('unavailable');
    expect(tokensGiven).toBe(2);
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 200);
  });

  // OWASP ASVS v4.0.3 7.1.2: the log names status and CAMARA code, never the number.
  it('logs the status and the CAMARA code of each failure, never the number', () => {
    expect(log.entries()).toContainEqual(expect.objectContaining({ status: 404, code: 'IDENTIFIER_NOT_FOUND' }));
    for (const line of log.lines) expect(line).not.toContain(NUMBER.slice(1));
  });
});
