import { buildApp, configFromEnv } from "../src/index.ts";

const app = await buildApp({ ...configFromEnv(), dataDir: "/tmp/d1000", logLevel: "silent" });
const login = await app.inject({
  method: "POST",
  url: "/api/v1/auth/login",
  payload: { email: "admin@synthetic.example", password: "luodi-demo" },
});
const cookie = String(login.headers["set-cookie"]).split(";")[0] as string;
const cycles = JSON.parse(
  (await app.inject({ method: "GET", url: "/api/v1/cycles", headers: { cookie } })).body,
);
const quarter = cycles.find((c: { kind: string }) => c.kind === "quarter").id;
const which = process.argv[2] ?? "tree";
const path = `/api/v1/cycles/${quarter}/${which}`;
await app.inject({ method: "GET", url: path, headers: { cookie } });
const t0 = performance.now();
for (let i = 0; i < 20; i++) await app.inject({ method: "GET", url: path, headers: { cookie } });
console.log(which, ((performance.now() - t0) / 20).toFixed(1), "ms");
await app.close();
