import type { AddressInfo, Server, Socket } from 'node:net';
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerOptions } from 'smtp-server';
import type { ProviderMessage } from '../../src/delivery/provider.js';
import type { SmtpConfig } from '../../src/delivery/smtp/config-schema.js';
import { smtpConfigSchema } from '../../src/delivery/smtp/config-schema.js';

export const USER = 'acme-mailer';
export const PASSWORD = 'm4il-s3cret';
export const FROM = 'otp@acme.example';

export interface ReceivedMail {
  /** The envelope: MAIL FROM and RCPT TO. */
  from: string;
  to: string[];
  /** The message as the server received it (CRLF line ends). */
  raw: string;
}

/** An SMTP reply a test makes the server give instead of accepting. */
export interface Reply {
  code: number;
  text: string;
}

/** An SMTP server on 127.0.0.1 built on `smtp-server`: records what it receives, answers as told. */
export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** AUTH attempts: the mechanism and whether user and password were right. */
  logins: { method: string; accepted: boolean }[];
  /** How many connections clients opened. */
  connections: number;
  /** Replies to the next RCPT TO commands, one each; accepted once empty. */
  rcptReplies: Reply[];
  /** Replies to the next messages (after DATA), one each; accepted once empty. */
  dataReplies: Reply[];
  /** The text after 250 for an accepted message; smtp-server's "OK: message queued" when absent. */
  acceptedText?: string;
  close(): Promise<void>;
}

export interface TestSmtpServerOptions {
  /** Requires AUTH with USER and PASSWORD, offering only this mechanism. */
  auth?: 'PLAIN' | 'LOGIN';
  /** TLS from the first byte, with smtp-server's built-in certificate (no client trusts it). */
  secure?: boolean;
}

export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const state: Omit<TestSmtpServer, 'port' | 'close'> = {
    received: [],
    logins: [],
    connections: 0,
    rcptReplies: [],
    dataReplies: [],
  };
  const replyError = (reply: Reply) => Object.assign(new Error(reply.text), { responseCode: reply.code });
  const serverOptions: SMTPServerOptions = {
    logger: false,
    secure: options.secure ?? false,
    disabledCommands: options.auth === undefined ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
    ...(options.auth === undefined ? { authOptional: true } : { authMethods: [options.auth] }),
    allowInsecureAuth: true,
    // Lets close() end lingering client connections quickly.
    closeTimeout: 50,
    onConnect: (_session, callback) => {
      state.connections += 1;
      callback();
    },
    onAuth: (auth, _session, callback) => {
      const accepted = auth.username === USER && auth.password === PASSWORD;
      state.logins.push({ method: auth.method, accepted });
      callback(accepted ? null : replyError({ code: 535, text: 'Authentication credentials invalid' }), {
        user: auth.username,
      });
    },
    onRcptTo: (_address, _session, callback) => {
      const reply = state.rcptReplies.shift();
      callback(reply && replyError(reply));
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const reply = state.dataReplies.shift();
        if (reply) return callback(replyError(reply));
        state.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback(null, state.acceptedText);
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  // A client that drops the connection (an aborted attempt, a failed TLS handshake) is no test failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** A server that accepts connections and never says a word: no greeting, no reply. */
export interface SilentServer {
  port: number;
  /** Connections the client has not closed yet. */
  openConnections(): number;
  close(): Promise<void>;
}

export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    openConnections: () => sockets.size,
    close: () => {
      sockets.forEach((socket) => socket.destroy());
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 nothing listens on: it was free a moment ago. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Provider settings for a test server: plain SMTP to 127.0.0.1, short timeouts. */
export function testConfig(port: number, overrides: Record<string, unknown> = {}): SmtpConfig {
  return smtpConfigSchema.parse({
    type: 'smtp',
    host: '127.0.0.1',
    port,
    security: 'none',
    from: FROM,
    timeoutMs: 2000,
    ...overrides,
  });
}

export const CODE = '482913';

/** A code email as the verifier renders it, for customer@example.com. */
export function email(overrides: Partial<ProviderMessage> = {}): ProviderMessage {
  return {
    to: 'customer@example.com',
    channel: 'email',
    subject: 'Dein Bestätigungscode für Noor',
    body: `Dein Code: ${CODE}\nEr gilt 10 Minuten.`,
    html: `<p>Dein Code: <b>${CODE}</b></p>\n<p>Er gilt 10 Minuten.</p>`,
    sender: 'Noor "Mobile" نور',
    sentAt: 0,
    sessionId: 's1',
    idempotencyKey: 'msg_k1',
    ...overrides,
  };
}
