import type { SesApi } from '../ses/client';
import { SendFailure, type SendResult, type TestMessage } from './message';
import { formatMailbox } from '../address';

/** Sends one message through the SES API v2 SendEmail operation with the profile's credentials. */
export async function sendViaApi(api: SesApi, region: string, m: TestMessage): Promise<SendResult> {
  const started = performance.now();
  const from = m.fromName ? formatMailbox({ address: m.from, name: m.fromName }) : m.from;
  try {
    const messageId = await api.sendEmail(region, {
      FromEmailAddress: from,
      Destination: { ToAddresses: m.to, CcAddresses: m.cc, BccAddresses: m.bcc },
      ReplyToAddresses: m.replyTo?.length ? m.replyTo : undefined,
      ConfigurationSetName: m.configurationSet || undefined,
      Content:
        m.raw !== undefined
          ? { Raw: { Data: new TextEncoder().encode(m.raw) } }
          : {
              Simple: {
                Subject: { Data: m.subject, Charset: 'UTF-8' },
                Body: {
                  Text: m.text ? { Data: m.text, Charset: 'UTF-8' } : undefined,
                  Html: m.html ? { Data: m.html, Charset: 'UTF-8' } : undefined,
                },
              },
            },
    });
    return { messageId, response: messageId, elapsedMs: Math.round(performance.now() - started), transcript: [] };
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause ?? err;
    throw new SendFailure(cause, 'api', [], Math.round(performance.now() - started));
  }
}
