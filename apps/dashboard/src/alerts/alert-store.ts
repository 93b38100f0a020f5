import type { DashboardDatabase } from '../store/dashboard-database.js';

export interface Alert {
  id: number;
  at: number;
  rule: string;
  brand: string;
  /** The country or number prefix the alert is about; '' for the whole brand. */
  subject: string;
  severity: 'warning' | 'critical';
  title: string;
  detail: string;
  value: number;
  threshold: number;
  /** When the condition stopped holding; null while the alert is open. */
  clearedAt: number | null;
}

export type NewAlert = Omit<Alert, 'id' | 'clearedAt'>;

interface AlertRow extends Omit<Alert, 'clearedAt'> {
  cleared_at: number | null;
}

const COLUMNS = 'id, at, rule, brand, subject, severity, title, detail, value, threshold, cleared_at';

/** Stored alerts: at most one open per rule, brand and subject (a unique partial index) until it clears. */
export class AlertStore {
  private readonly insert;
  private readonly openOfRule;
  private readonly clearOne;
  private readonly reopenCleared;
  private readonly clearOthers;
  private readonly newest;
  private readonly newestOfBrand;

  constructor(db: DashboardDatabase) {
    this.insert = db.prepare<NewAlert, AlertRow>(
      `INSERT INTO alerts (at, rule, brand, subject, severity, title, detail, value, threshold)
       VALUES (@at, @rule, @brand, @subject, @severity, @title, @detail, @value, @threshold)
       ON CONFLICT (rule, brand, subject) WHERE cleared_at IS NULL DO NOTHING RETURNING ${COLUMNS}`,
    );
    this.openOfRule = db.prepare<[string], { id: number; brand: string; subject: string }>(
      'SELECT id, brand, subject FROM alerts WHERE rule = ? AND cleared_at IS NULL',
    );
    this.clearOne = db.prepare('UPDATE alerts SET cleared_at = ? WHERE id = ?');
    this.reopenCleared = db.prepare<{ rule: string; brand: string; subject: string; since: number }, AlertRow>(
      `UPDATE alerts SET cleared_at = NULL
       WHERE id = (SELECT id FROM alerts WHERE rule = @rule AND brand = @brand AND subject = @subject
                   AND cleared_at >= @since ORDER BY id DESC LIMIT 1)
       RETURNING ${COLUMNS}`,
    );
    this.clearOthers = db.prepare<[number, string]>(
      'UPDATE alerts SET cleared_at = ? WHERE cleared_at IS NULL AND rule NOT IN (SELECT value FROM json_each(?))',
    );
    this.newest = db.prepare<[number], AlertRow>(`SELECT ${COLUMNS} FROM alerts ORDER BY id DESC LIMIT ?`);
    this.newestOfBrand = db.prepare<[string, number], AlertRow>(
      `SELECT ${COLUMNS} FROM alerts WHERE brand = ? ORDER BY id DESC LIMIT ?`,
    );
  }

  /** Stores the alert unless the same one is open already; returns it when it is new. */
  open(alert: NewAlert): Alert | undefined {
    const row = this.insert.get(alert);
    return row && fromRow(row);
  }

  /** The rule's open alerts. */
  openOf(rule: string): { id: number; brand: string; subject: string }[] {
    return this.openOfRule.all(rule);
  }

  clear(id: number, at: number): void {
    this.clearOne.run(at, id);
  }

  /** Opens again the newest alert of this rule, brand and subject that cleared at `since` or later, if any. */
  reopen(key: { rule: string; brand: string; subject: string }, since: number): Alert | undefined {
    const row = this.reopenCleared.get({ ...key, since });
    return row && fromRow(row);
  }

  /** Clears the open alerts of every rule not in `rules` (rules removed from the configuration). */
  clearRulesOtherThan(rules: readonly string[], at: number): void {
    this.clearOthers.run(at, JSON.stringify(rules));
  }

  /** Newest first; one brand's, or every brand's. */
  list(filter: { brand?: string; limit: number }): Alert[] {
    const rows =
      filter.brand === undefined ? this.newest.all(filter.limit) : this.newestOfBrand.all(filter.brand, filter.limit);
    return rows.map(fromRow);
  }
}

export function alertKey(brand: string, subject: string): string {
  return `${brand}\t${subject}`;
}

function fromRow({ cleared_at, ...alert }: AlertRow): Alert {
  return { ...alert, clearedAt: cleared_at };
}
