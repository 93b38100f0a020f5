import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { DashboardContext } from './context.js';
import { noStore, ownHost, requireSignIn, sameOrigin } from './guards.js';
import { HttpProblem, problemHandler } from './problem.js';
import { alertRoutes } from './routes/alerts.js';
import { figuresRoutes } from './routes/figures.js';
import { fraudRoutes } from './routes/fraud.js';
import { liveRoutes } from './routes/live.js';
import { operationsRoutes } from './routes/operations.js';
import { signInRoutes } from './routes/sign-in.js';

export interface AppOptions {
  /** The built web page (apps/dashboard/dist/web), served as static files. */
  webDir: string;
  /** The dashboard's origin as browsers see it; default: the request's own scheme and Host. */
  publicOrigin?: string;
  /** Express `trust proxy`: off unless a proxy in front sets X-Forwarded-For (sign-in throttling uses the IP). */
  trustProxy?: boolean | number | string;
}

/** No inline script or style, nothing from elsewhere, no framing (OWASP ASVS V14.4). */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

export function createApp(context: DashboardContext, options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }));
  app.use(countRequests(context));
  app.use('/api', noStore);
  app.use(ownHost(options.publicOrigin));
  app.use(operationsRoutes(context));
  app.use('/api', sameOrigin(options.publicOrigin));
  app.use(express.json({ limit: '4kb', strict: true, type: 'application/json' }));
  app.use(signInRoutes(context));
  app.use('/api', requireSignIn(context.sessions));
  app.use(figuresRoutes(context), fraudRoutes(context), liveRoutes(context), alertRoutes(context));
  app.use('/api', (req) => {
    throw new HttpProblem('not_found', `Nothing at ${req.method} ${req.originalUrl.split('?')[0]}.`);
  });
  app.use(express.static(options.webDir, { index: 'index.html', fallthrough: true }));
  app.use((req: Request) => {
    throw new HttpProblem('not_found', `Nothing at ${req.method} ${req.path}.`);
  });
  app.use(problemHandler(context.logger));
  return app;
}

function countRequests(context: DashboardContext) {
  return (req: Request, res: Response, next: NextFunction) => {
    const stop = context.metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = req.route === undefined ? 'other' : String((req.route as { path: string }).path);
      stop({ route });
      context.metrics.httpRequests.inc({ method: req.method, route, status: res.statusCode });
    });
    next();
  };
}
