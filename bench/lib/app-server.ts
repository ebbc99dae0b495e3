// The benches start the app the same way as the demo and the browser tests: scripts/lib/app-server.ts.
export { freePort, startBuiltApp, type RunningApp } from "../../scripts/lib/app-server";
