/**
 * The ceiling: a bare Fastify server that answers the benchmark's requests with no work at all — the
 * real server's answer bytes for reads, the request body echoed for writes. What the real server reaches
 * against it shows what its own work costs. Usage: ceiling-server.ts <config.json>.
 */
import { readFileSync } from "node:fs";
import Fastify from "fastify";

export type CeilingConfig = {
  host: string;
  port: number;
  /** Paths (without query) answered with the file's bytes as JSON. */
  reads: { path: string; bodyFile: string }[];
  /** Route patterns answered with the request's body and this status. */
  writes: { path: string; status: number }[];
};

const configPath = process.argv[2];
if (!configPath) throw new Error("usage: ceiling-server.ts <config.json>");
const config = JSON.parse(readFileSync(configPath, "utf8")) as CeilingConfig;
const app = Fastify({ logger: false, bodyLimit: 1_048_576 });
app.get("/healthz", async () => ({ status: "ok" }));
for (const read of config.reads) {
  const body = readFileSync(read.bodyFile);
  app.get(read.path, (_request, reply) => {
    reply.type("application/json; charset=utf-8").send(body);
  });
}
for (const write of config.writes) {
  app.post(write.path, (request, reply) => {
    reply.status(write.status).send(request.body);
  });
}
await app.listen({ host: config.host, port: config.port });
const close = () => {
  app.close().then(() => process.exit(0));
};
process.once("SIGTERM", close);
process.once("SIGINT", close);
