// The baseline: a bare node:http server answering {"ok":true} to any request. It runs as a child
// process of the benchmark (plain node, no loader), listening on HOST:PORT from the environment.
import { createServer } from 'node:http';
import { serveChild } from '../shared/serve-child.mjs';

const body = Buffer.from('{"ok":true}');
const server = createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});

serveChild(server, 'baseline');
