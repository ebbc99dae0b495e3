import { createServer } from "node:net";

const LOOPBACK = "127.0.0.1";

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, LOOPBACK, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A free loopback TCP port chosen by the OS. */
export function freePort(): Promise<number> {
  return listenOnce(0);
}

/** `preferred` when nothing listens on it, otherwise a free port (so a second demo or a busy 3000 still starts). */
export async function preferredOrFreePort(preferred: number): Promise<number> {
  try {
    return await listenOnce(preferred);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    return freePort();
  }
}
