import smpp from 'smpp';

const namesByStatus = new Map(Object.entries(smpp.errors).map(([name, status]) => [status, name]));

/** "ESME_RTHROTTLED (0x58)": the SMPP name of a command status, for errors and logs. */
export function commandStatusName(status: number): string {
  return `${namesByStatus.get(status) ?? 'unknown status'} (0x${status.toString(16)})`;
}

export const ESME_ROK = 0;
export const ESME_RTHROTTLED = 0x58;
