/**
 * A small round-robin HTTP proxy for `npm run bench -- --instances N`: it stands where a load balancer
 * would, in front of N server processes on one database, handing each new request to the next one over
 * kept-alive connections. The ceiling is measured behind one too, so the proxy's own cost is in both.
 * Usage: round-robin-proxy.ts <port> <target port>…
 */
import { Agent, createServer, request } from "node:http";

const [port, ...targets] = process.argv.slice(2).map(Number);
if (!port || targets.length === 0) throw new Error("usage: round-robin-proxy.ts <port> <target port>…");
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
let turn = 0;

const server = createServer((incoming, outgoing) => {
  const target = targets[turn++ % targets.length];
  const forwarded = request(
    {
      host: "127.0.0.1",
      port: target,
      method: incoming.method,
      path: incoming.url,
      headers: incoming.headers,
      agent,
    },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    },
  );
  forwarded.on("error", () => {
    if (!outgoing.headersSent) outgoing.writeHead(502);
    outgoing.end();
  });
  incoming.pipe(forwarded);
});
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1");
const close = () => server.close(() => process.exit(0));
process.once("SIGTERM", close);
process.once("SIGINT", close);
