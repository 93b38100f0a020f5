// How the benchmarks' bare node:http children (plain node, no loader) listen and stop: on HOST:PORT from
// the environment, until SIGTERM, SIGINT or the end of their stdin.

/** @param {import('node:http').Server} server @param {string} name what the start-up line calls it */
export function serveChild(server, name) {
  server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1', () => {
    console.log(JSON.stringify({ msg: `${name} listening`, port: Number(process.env.PORT) }));
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
}
