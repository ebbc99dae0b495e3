import type { NotificationChannels } from "../channels.server";
import type { OutgoingEmail } from "../email/transport.server";
import type { OutgoingSms } from "../sms/twilio.server";

/** Channels that accept everything and keep what they were given, for tests about what is sent rather than how. */
export function recordingChannels() {
  const emails: OutgoingEmail[] = [];
  const texts: OutgoingSms[] = [];
  const channels: NotificationChannels = {
    email: {
      fromAddress: "updates@aftercare.test",
      sender: {
        send: async (email) => {
          emails.push(email);
          return { providerMessageId: `email-${emails.length}` };
        },
        close: () => undefined,
      },
    },
    sms: {
      send: async (sms) => {
        texts.push(sms);
        return { providerMessageId: `SM${String(texts.length).padStart(32, "0")}` };
      },
    },
  };
  return { channels, emails, texts };
}
