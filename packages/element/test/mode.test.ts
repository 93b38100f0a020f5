import { describe, expect, it } from 'vitest';
import { selectMode, sessionState } from '../src/mode.js';

describe('selectMode', () => {
  it('asks for a number when no credential is given', () => {
    expect(selectMode(undefined, undefined, undefined)).toEqual({ kind: 'phone' });
    expect(selectMode('', null, '  ')).toEqual({ kind: 'phone' });
  });

  it('uses the registered number with a customer token', () => {
    expect(selectMode('eyJ.token.sig', undefined, undefined)).toEqual({
      kind: 'customer',
      customerToken: 'eyJ.token.sig',
    });
    expect(selectMode('  eyJ.t.s \n', '', '')).toEqual({ kind: 'customer', customerToken: 'eyJ.t.s' });
  });

  it('uses a session the checkout server made, before a customer token', () => {
    expect(selectMode(undefined, 'ses_1', 'cs_1')).toEqual({
      kind: 'session',
      sessionId: 'ses_1',
      clientSecret: 'cs_1',
    });
    expect(selectMode('eyJ.t.s', 'ses_1', 'cs_1')).toMatchObject({ kind: 'session' });
  });

  it('treats half a session as a set-up mistake, even with a customer token', () => {
    expect(selectMode(undefined, 'ses_1', undefined)).toEqual({ kind: 'incomplete' });
    expect(selectMode('eyJ.t.s', '', 'cs_1')).toEqual({ kind: 'incomplete' });
  });
});

describe('sessionState', () => {
  it('offers the send for a new session and the code field once a code was sent', () => {
    expect(sessionState('created')).toEqual({ next: 'send' });
    expect(sessionState('sent')).toEqual({ next: 'code' });
  });

  it('says why a session can no longer be used', () => {
    expect(sessionState('locked')).toEqual({ next: 'none', failure: { code: 'locked' } });
    expect(sessionState('expired')).toEqual({ next: 'none', failure: { code: 'session_expired' } });
    expect(sessionState('blocked')).toEqual({ next: 'none', failure: { code: 'blocked' } });
    expect(sessionState('verified')).toEqual({ next: 'none', failure: { code: 'session_closed' } });
    expect(sessionState('redeemed')).toEqual({ next: 'none', failure: { code: 'session_closed' } });
    expect(sessionState('some_future_status')).toEqual({ next: 'none', failure: { code: 'session_closed' } });
  });
});
