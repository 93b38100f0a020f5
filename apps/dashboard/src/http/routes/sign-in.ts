import { Router } from 'express';
import { z } from 'zod';
import type { DashboardContext } from '../context.js';
import { requireSignIn, signedIn } from '../guards.js';
import { HttpProblem } from '../problem.js';
import { clearSessionCookie, setSessionCookie } from '../session-cookie.js';

const credentialsSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});

export function signInRoutes(context: DashboardContext): Router {
  const router = Router();
  router.post('/api/session', async (req, res) => {
    const credentials = credentialsSchema.safeParse(req.body);
    if (!credentials.success) throw new HttpProblem('invalid_request', 'Send {"username", "password"}.');
    const { username, password } = credentials.data;
    const result = await context.signIn.attempt(username, password, req.ip ?? 'unknown');
    if (result.kind === 'too_many_attempts') {
      throw new HttpProblem('too_many_attempts', 'Wait before you try again.', result.retryAfterSeconds);
    }
    if (result.kind === 'invalid_credentials') {
      throw new HttpProblem('invalid_credentials', 'The username or the password is wrong.');
    }
    context.logger.info({ user: result.user.username }, 'signed in');
    setSessionCookie(res, result.sessionId);
    res.json({ user: result.user, csrfToken: result.csrfToken });
  });
  const signedInOnly = requireSignIn(context.sessions);
  router.delete('/api/session', signedInOnly, (_req, res) => {
    context.sessions.end(signedIn(res).idHash);
    clearSessionCookie(res);
    res.status(204).end();
  });
  router.get('/api/me', signedInOnly, (_req, res) => {
    const { user, csrfToken } = signedIn(res);
    res.json({ user, csrfToken });
  });
  return router;
}
