import type { AlertRule, AlertRuleInput } from '../../src/alerts/alert-rules.js';
import { parseAlertRules } from '../../src/alerts/alert-rules.js';

/** A rule as the rules file would give it: checked, with the defaults of the fields left out. */
export function alertRule(fields: AlertRuleInput): AlertRule {
  return parseAlertRules({ rules: [fields] }, 'the test')[0] as AlertRule;
}
