import type { RequestHandler } from 'express';
import { sendProblem } from '../problem.js';

export function methodNotAllowed(...allowed: string[]): RequestHandler {
  return (req, res) => {
    res.set('Allow', allowed.join(', '));
    sendProblem(res, 'method_not_allowed', `${req.method} is not allowed here; use ${allowed.join(' or ')}.`);
  };
}
