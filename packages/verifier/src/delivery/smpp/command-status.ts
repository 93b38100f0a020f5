import smpp from 'smpp';

const namesByStatus = new Map(Object.entries(smpp.errors).map(([name, status]) => [status, name]));

/** "ESME_RTHROTTLED (0x58)": the SMPP name of a command status, for errors and logs. */
export function commandStatusName(status: number): string {
  return `${namesByStatus.get(status) ?? 'unknown status'} (0x${status.toString(16)})`;
}

export const ESME_ROK = 0;
export const ESME_RTHROTTLED = 0x58;

/**
 * submit_sm statuses that refuse the message itself (SMPP 3.4 section 5.1.3), so submitting it again is pointless:
 * its length, its source address (the brand's sender id) or destination and their TON/NPI, its esm_class (UDHI
 * for concatenated parts), its data coding (ESME_RINVDCS, SMPP 5.0, also sent by 3.4 SMSCs), and the SMSC's
 * permanent and reject-message application errors. Any other status (ESME_RSYSERR, ESME_RMSGQFUL, throttling,
 * ESME_RX_T_APPN…) is the SMSC's condition, not the message's.
 */
export const MESSAGE_REFUSALS: ReadonlySet<number> = new Set(
  [
    'ESME_RINVMSGLEN',
    'ESME_RINVSRCADR',
    'ESME_RINVSRCTON',
    'ESME_RINVSRCNPI',
    'ESME_RINVDSTADR',
    'ESME_RINVDSTTON',
    'ESME_RINVDSTNPI',
    'ESME_RINVESMCLASS',
    'ESME_RINVDCS',
    'ESME_RX_P_APPN',
    'ESME_RX_R_APPN',
  ].map((name) => smpp.errors[name] as number),
);
