import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getMailEnv } from "~/env";
import { briefly, logger } from "~/server/log";

/**
 * Optional email, off unless SMTP_HOST is set. Never throws: a mail server that is down or
 * slow must not block or fail the change that triggered the message.
 */
let transporter: Transporter | null | undefined;

function getTransporter(): Transporter | null {
  if (transporter !== undefined) return transporter;
  const env = getMailEnv();
  transporter = env.SMTP_HOST
    ? nodemailer.createTransport({
        host: env.SMTP_HOST,
        port: env.SMTP_PORT,
        secure: env.SMTP_SECURE,
        auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } : undefined,
        connectionTimeout: 5_000,
        greetingTimeout: 5_000,
        socketTimeout: 10_000,
      })
    : null;
  return transporter;
}

export function isEmailEnabled(): boolean {
  return getTransporter() !== null;
}

export async function sendMail(message: { to: string; subject: string; text: string }): Promise<boolean> {
  const transport = getTransporter();
  if (!transport) return false;
  try {
    await transport.sendMail({ from: getMailEnv().SMTP_FROM, ...message });
    return true;
  } catch (error) {
    logger.warn({ path: "mail", subject: message.subject, cause: briefly(error).message }, "email not sent");
    return false;
  }
}

/** For tests: forget the cached transport after changing SMTP_* variables. */
export function resetMailerForTests() {
  transporter = undefined;
}
