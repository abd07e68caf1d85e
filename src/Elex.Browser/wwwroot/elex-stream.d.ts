/** One question's answer as it is produced ({@link Swarm.queryStream}): the parts (re-exported by elex.d.ts). */
import type { ElexError } from './elex-config.js';
import type { ProposedCommand, QueryResponse } from './elex-types.js';

/** A feature the router weighed for the question, and why. */
export interface RoutingCandidate {
  featureCode: string;
  featureName: string;
  /** How close the question is to it, 0–1. */
  similarity: number;
  /** What matched: the names the question uses, how similar its wording or meaning is. */
  why: string;
}

/** First: where the question goes, sent before the agent answers. */
export interface RoutedPart {
  kind: 'routed';
  queryId: string;
  /** The best feature (null when nothing in the catalog matched). */
  featureCode: string | null;
  featureName: string | null;
  /** The agent that answers; null when the swarm abstains (the answer will be Unsure or NoMatch). */
  agentId: string | null;
  /** Routing confidence, 0–1. */
  confidence: number;
  abstained: boolean;
  /** Best first, the best one included. */
  candidates: RoutingCandidate[];
  /** Why the best feature was chosen ("routed by …"). */
  evidence: string[];
  resolvedFromContext: boolean;
}

/** Then each section of the answer's text, in order. */
export interface SectionPart {
  kind: 'section';
  queryId: string;
  /** Position, from 0. */
  index: number;
  /** The label of its first line ("Requires (in activation order)"), or ''. */
  title: string;
  /** Its lines as they are in the answer's text. */
  lines: string[];
}

/** Then each proposed command with its safety verdict, in the answer's order. */
export interface VerdictPart {
  kind: 'verdict';
  queryId: string;
  /** Position in `response.commands`, from 0. */
  index: number;
  command: ProposedCommand;
}

/** Last: the whole response, as `query()` resolves. */
export interface DonePart {
  kind: 'done';
  queryId: string;
  response: QueryResponse;
}

/** Instead of done, when the question failed; handed to `error` as `ElexError.part`. */
export interface ErrorPart {
  kind: 'error';
  queryId: string;
  /** The stage that failed (`classify`, `answer`, `safety`, …; `ingress` when it never got in). */
  stage: string | null;
  error: { code: string; message: string };
  /** The Error response, when the question got one. */
  response: QueryResponse | null;
}

/** What `next` receives. */
export type AnswerPart = RoutedPart | SectionPart | VerdictPart | DonePart;

/** Stops the delivery (the question is still answered); callable as is or as `.unsubscribe()`. */
export interface AnswerSubscription {
  (): void;
  unsubscribe(): void;
}

/** A question asked when subscribed, once per subscription. */
export interface AnswerStream {
  /**
   * `next` for each part (an async `next` is awaited before the next part), then `complete` after
   * done — or `error` (an ElexError: INVALID_QUERY, SWARM_DISPOSED, INTERNAL; its `part` is the
   * {@link ErrorPart}) instead.
   * @example
   * swarm.queryStream('which counters show MSM is working?').subscribe({
   *   next: (p) => { if (p.kind === 'routed') header.textContent = `${p.featureName} (${p.confidence.toFixed(2)})`; },
   *   complete: () => spinner.hidden = true,
   * });
   */
  subscribe(observer: ((part: AnswerPart) => void | Promise<void>) | {
    next?(part: AnswerPart): void | Promise<void>;
    error?(error: ElexError & { part?: ErrorPart }): void;
    complete?(): void;
  }): AnswerSubscription;
}
