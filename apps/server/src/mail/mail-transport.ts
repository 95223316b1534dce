import nodemailer from "nodemailer";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  calendar: string | null;
}

/** Sends one mail or throws; the delivery job decides what a failure means. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * The SMTP connection of this node, or null when no mail server is set up. Timeouts are
 * short: a delivery run holds its job's lease, and a mail server that hangs must not let
 * the lease run out while mails are half sent.
 */
export function createMailSender(smtpUrl: string | undefined, from: string): MailSender | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.calendar ? { icalEvent: { method: "REQUEST", content: mail.calendar } } : {}),
      });
    },
    close: () => transport.close(),
  };
}
