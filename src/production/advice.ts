import type { ProductionDraft } from './validate';

/**
 * Advice on a production-access request that SES would accept but AWS's reviewers are likely to refuse.
 *
 * Drawn from AWS's guidance on what a request should say, "Request production access (Moving out of the Amazon
 * SES sandbox)": https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html (and the console form
 * it describes). Reviewers want a specific description of the mail: what you send and how often, how recipients
 * came to be on your list (they asked for the mail; no purchased or rented lists), how you handle bounces and
 * complaints, and how recipients opt out. Vague or very short requests are denied, usually without feedback.
 * The rules below look for each of those topics in the text; they are heuristics, so advice never blocks a submit.
 */
export interface Advice {
  /** A stable key per topic, for tests and for the page to keep its list steady. */
  topic: AdviceTopic;
  /** One line: what is missing or wrong. */
  title: string;
  /** What to write instead. */
  suggestion: string;
}

export type AdviceTopic =
  | 'empty'
  | 'too-short'
  | 'bounces'
  | 'complaints'
  | 'unsubscribe'
  | 'recipients'
  | 'volume'
  | 'purchased-list'
  | 'placeholder-website';

/** Below this many words a description cannot answer the reviewers' questions. */
export const MIN_WORDS = 40;

const mentions = {
  bounces: /\bbounc(e|es|ed|ing)\b|\bhard[- ]bounce|\bundeliver/i,
  complaints: /\bcomplain(t|ts|ed)?\b|\bspam reports?\b|\bfeedback loop|\bmarked as spam/i,
  unsubscribe: /\bunsubscrib|\bopt[- ]?(out|outs)\b|\bList-Unsubscribe\b|\bpreference (center|centre)|\bremove(d)? (them|themselves|from (the|our) list)/i,
  recipients: /\bopt[- ]?in\b|\bopted[- ]in\b|\bsign(ed|s)?[- ]?up\b|\bregist(er|ered|ration)\b|\bsubscrib(e|ed|ers?)\b|\bconsent|\baccount holders?\b|\b(create|created|creates|open|opened|opens) (an |their )?accounts?\b|\b(customers|users|members) who\b|\bour (users|customers|members|clients)\b|\bdouble[- ]opt/i,
  volume: /\b\d[\d,.]*\s*(k\b|thousand|million)?(\s+[a-z-]+){0,4}?\s*(per|a|an|each|every|\/)\s*(day|daily|week|month|hour|year)\b|\b(daily|weekly|monthly|hourly)\b|\b\d[\d,.]*\s*(e-?mails?|messages?|recipients?)\b/i,
  purchased: /\b(bought|buy|purchas(e|ed|ing)|rent(ed)?|scrap(e|ed|ing)|harvest(ed)?|third[- ]party)\b[^.]{0,40}\b(list|lists|addresses|contacts|leads|emails)\b|\bcold (e-?mail|outreach)/i,
};

/** A sentence that denies what it mentions: "we never buy lists", "no purchased lists". */
const NEGATION = /\b(never|not|no|nor|don't|do not|doesn't|does not|won't|will not|without)\b/i;
/** A sentence that says a topic is left unhandled: "we ignore bounces", "never let anyone unsubscribe". */
const NEGLECT = /\b(ignor(e|es|ed|ing)|disregard|(don't|do not|never|won't|will not) (handle|process|honou?r|let|allow|remove|track|care)|no way to|cannot|can't)\b/i;

const sentences = (text: string): string[] => text.split(/(?<=[.!?;])\s+|\n+/).filter(Boolean);

/** Whether a sentence mentions the topic and is not denying it. */
const affirms = (text: string, topic: RegExp): boolean => sentences(text).some((s) => topic.test(s) && !NEGATION.test(s.slice(0, s.search(topic) + 1)));
/** Whether a sentence mentions the topic only to say it is not handled. */
const neglects = (text: string, topic: RegExp): boolean => sentences(text).some((s) => topic.test(s) && NEGLECT.test(s));

const PLACEHOLDER_HOSTS = /(^|\.)(example\.(com|org|net)|localhost|test|invalid|local)$|^\d+\.\d+\.\d+\.\d+$/i;

export function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Advice for a draft, most important first. Empty when the request says what AWS asks for. */
export function adviseUseCase(draft: Pick<ProductionDraft, 'mailType' | 'useCaseDescription' | 'websiteUrl'>): Advice[] {
  const advice: Advice[] = [];
  const text = draft.useCaseDescription.trim();
  const marketing = draft.mailType === 'MARKETING';

  if (!text) {
    advice.push({
      topic: 'empty',
      title: 'The use-case description is empty.',
      suggestion: 'AWS reviews each request by hand and denies ones that do not explain the use case. Describe what you send, to whom, how often, how recipients signed up, and how you handle bounces, complaints and unsubscribes.',
    });
  } else {
    const words = wordCount(text);
    if (words < MIN_WORDS) {
      advice.push({
        topic: 'too-short',
        title: `The description has ${words} word${words === 1 ? '' : 's'}; requests this short are often denied.`,
        suggestion: 'Write a few specific sentences: the kind of mail (e.g. order receipts, password resets, a monthly newsletter), who receives it, and the expected volume.',
      });
    }
    if (affirms(text, mentions.purchased)) {
      advice.push({
        topic: 'purchased-list',
        title: 'The description mentions bought, rented or collected lists, or cold outreach.',
        suggestion: 'AWS does not allow mail to recipients who did not ask for it. Send only to people who signed up or are your customers, and say so.',
      });
    }
    if (!mentions.recipients.test(text)) {
      advice.push({
        topic: 'recipients',
        title: 'It does not say how recipients come to be on your list.',
        suggestion: 'Explain how people ask for your mail: they create an account, place an order, or opt in on a form (double opt-in is best).',
      });
    }
    const bouncesNeglected = neglects(text, mentions.bounces);
    if (!mentions.bounces.test(text) || bouncesNeglected) {
      advice.push({
        topic: 'bounces',
        title: bouncesNeglected ? 'It says bounces are not handled; AWS requires that they are.' : 'It does not say how you handle bounces.',
        suggestion: 'Say that you receive bounce notifications (SNS topic or event destination) and stop mailing addresses that hard-bounce, e.g. with the account-level suppression list.',
      });
    }
    const complaintsNeglected = neglects(text, mentions.complaints);
    if (!mentions.complaints.test(text) || complaintsNeglected) {
      advice.push({
        topic: 'complaints',
        title: complaintsNeglected ? 'It says complaints are not handled; AWS requires that they are.' : 'It does not say how you handle complaints.',
        suggestion: 'Say that you receive complaint notifications and never mail an address again after it has reported your mail as spam.',
      });
    }
    const unsubscribeNeglected = neglects(text, mentions.unsubscribe);
    if (!mentions.unsubscribe.test(text) || unsubscribeNeglected) {
      advice.push({
        topic: 'unsubscribe',
        title: unsubscribeNeglected
          ? 'It says recipients cannot unsubscribe; AWS requires a way to opt out.'
          : marketing ? 'It does not say how recipients unsubscribe.' : 'It does not say how recipients opt out.',
        suggestion: marketing
          ? 'Marketing mail must carry an unsubscribe link (and a List-Unsubscribe header); say that you honour it at once.'
          : 'Say how a recipient can stop non-essential mail (an unsubscribe link or account settings), even for transactional mail.',
      });
    }
    if (!mentions.volume.test(text)) {
      advice.push({
        topic: 'volume',
        title: 'It does not say how much or how often you send.',
        suggestion: 'Give an estimate, e.g. "about 2,000 messages a day" or "a weekly newsletter to 5,000 subscribers".',
      });
    }
  }

  const host = hostOf(draft.websiteUrl);
  if (host && PLACEHOLDER_HOSTS.test(host)) {
    advice.push({
      topic: 'placeholder-website',
      title: `"${host}" is not a public website.`,
      suggestion: 'AWS looks at the website to judge what you send; give your real site, ideally with a privacy policy.',
    });
  }
  return advice;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url.trim()).hostname;
  } catch {
    return undefined;
  }
}
