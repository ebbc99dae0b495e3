import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** How the sink answers the next deliveries: accept, a temporary 451, or a permanent 550. */
export type SinkMode = "accept" | "tempfail" | "reject";

export interface SmtpSink {
  url: string;
  received: ParsedMail[];
  mode: SinkMode;
  close(): Promise<void>;
}

/** A local SMTP server (smtp-server) that parses what it receives with mailparser, for end-to-end email tests. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: Omit<SmtpSink, "url" | "close"> = { received: [], mode: "accept" };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (sink.mode === "accept") return callback();
      const error = Object.assign(new Error(sink.mode === "tempfail" ? "Mailbox busy, try again later" : "No such user here"), {
        responseCode: sink.mode === "tempfail" ? 451 : 550,
      });
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          sink.received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(sink as SmtpSink, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
