import { env } from "~/env.server";
import { smtpSender, type EmailSender } from "./email/transport.server";
import { twilioSender, type SmsSender } from "./sms/twilio.server";

/** The configured ways out; null means the channel is not configured and its messages are suppressed with that reason. */
export interface NotificationChannels {
  email: { sender: EmailSender; fromAddress: string } | null;
  sms: SmsSender | null;
}

let configured: NotificationChannels | undefined;

/** The channels the environment configures (SMTP_URL + MAIL_FROM, TWILIO_*), created once per process. */
export function configuredChannels(): NotificationChannels {
  if (configured) return configured;
  const config = env();
  configured = {
    email: config.SMTP_URL && config.MAIL_FROM ? { sender: smtpSender(config.SMTP_URL), fromAddress: config.MAIL_FROM } : null,
    sms:
      config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN
        ? twilioSender({
            accountSid: config.TWILIO_ACCOUNT_SID,
            authToken: config.TWILIO_AUTH_TOKEN,
            from: config.TWILIO_FROM_NUMBER,
            messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID,
            apiUrl: config.TWILIO_API_URL,
          })
        : null,
  };
  return configured;
}
