// The baseline: a bare node:http server answering {"ok":true} to any request. It runs as a child
// process of the benchmark (plain node, no loader), listening on HOST:PORT from the environment.
import { createServer } from 'node:http';

const body = Buffer.from('{"ok":true}');
const server = createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});

server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1', () => {
  console.log(JSON.stringify({ msg: 'baseline listening', port: Number(process.env.PORT) }));
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// The benchmark holds our stdin open: when it goes away, however it died, so do we.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
