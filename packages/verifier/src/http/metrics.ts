import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

export interface VerifierMetrics {
  registry: Registry;
  sessionsCreated: Counter<'brand'>;
  codesSent: Counter<'brand' | 'channel'>;
  checks: Counter<'brand' | 'result'>;
  redemptions: Counter<'brand' | 'result'>;
}

export function createMetrics(): VerifierMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const counter = <Label extends string>(name: string, help: string, labelNames: Label[]) =>
    new Counter<Label>({ name, help, labelNames, registers: [registry] });
  return {
    registry,
    sessionsCreated: counter('otp_verify_sessions_created_total', 'Verification sessions created', ['brand']),
    codesSent: counter('otp_verify_codes_sent_total', 'Codes accepted for sending (queued in the outbox)', [
      'brand',
      'channel',
    ]),
    checks: counter('otp_verify_checks_total', 'Code checks by result', ['brand', 'result']),
    redemptions: counter('otp_verify_redemptions_total', 'Token redemptions by result', ['brand', 'result']),
  };
}
