/** What the Elex JS API takes and answers: queries, responses, conversations, feedback (re-exported by elex.d.ts). */
import type { ComplexityName, ComplexityValue, QueryTypeName, QueryTypeValue } from './elex-config.js';

/** A question. `type`/`complexity` (number or name) override the classifier. */
export interface Query {
  text: string;
  type?: QueryTypeValue | QueryTypeName;
  /** The seed SDK's name for `type`. */
  queryType?: QueryTypeValue | QueryTypeName;
  complexity?: ComplexityValue | ComplexityName;
  /** Your id, echoed as `queryId`. */
  id?: string;
  /** Optional context hash. */
  context?: string;
}

/** A safety verdict of a proposed command. */
export type Safety = 'Safe' | 'NeedsApproval' | 'Rejected' | 'PendingValidation';

/** A cmedit command an answer proposes, with its safety verdict. Only `Safe` commands are `runnable`. */
export interface ProposedCommand {
  command: string;
  kind: string;
  purpose: string;
  mo: string | null;
  parameter: string | null;
  value: string | null;
  safety: Safety;
  /** Why the verdict was given (e.g. the bound a value broke). */
  safetyReason: string;
  runnable: boolean;
}

/** The swarm's answer to one query (plain JSON). */
export interface QueryResponse {
  /** Feedback refers to this id. */
  responseId: string;
  queryId: string;
  queryText: string;
  /** `Unsure`: below the abstention threshold — `featureCode` is the best guess, no agent, no commands. */
  status: 'Answered' | 'Unsure' | 'NoMatch' | 'Rejected' | 'Error';
  text: string;
  agentId: string | null;
  featureCode: string | null;
  featureName: string | null;
  /** Routing confidence, 0–1. */
  confidence: number;
  queryType: QueryTypeValue;
  queryTypeName: QueryTypeName;
  complexity: ComplexityValue;
  complexityName: ComplexityName;
  /** Alternative feature codes, best first. */
  alternatives: string[];
  /** What the router matched and every catalog fact the answer used. */
  evidence: string[];
  commands: ProposedCommand[];
  /** The seed SDK's command list (`commands[].command`). */
  cmeditCommands: string[];
  /** The seed SDK's risk level: the worst verdict among the commands. */
  riskLevel: 'none' | 'low' | 'medium' | 'high';
  warnings: string[];
  /** The response strategy the agent's Q-policy chose. */
  strategy: string;
  error: string | null;
  latencyMs: number;
  /** Milliseconds since the epoch. */
  timestamp: number;
  /** Feature codes the question names itself (code, licence key, acronym, whole name, an identifier only it has), best first. */
  namedFeatures: string[];
  /** The feature codes of the session the question was asked in (empty outside a session). */
  contextFeatures: string[];
  /**
   * True when the question named no feature of its own and was answered about a feature of
   * `contextFeatures` (a follow-up such as "and its counters?").
   */
  resolvedFromContext: boolean;
}

/** A feature a session is about. */
export interface ContextFeature {
  code: string;
  name: string;
}

/**
 * A conversation on a swarm ({@link Swarm.createSession}): a follow-up that names no feature of its
 * own ("how do I activate it?") is answered about the feature(s) the session is about, and the
 * response says so (`resolvedFromContext`); naming another feature switches the session to it. A
 * question comparing two features keeps both in context. Sessions are independent of each other;
 * their questions are answered one at a time, in the order asked.
 * @example
 * const chat = await swarm.createSession();
 * await chat.query('which counters show MSM is saving energy?');
 * const r = await chat.query('and how do I activate it?');
 * console.log(r.featureCode, r.resolvedFromContext); // 'FAJ 121 3094' true
 */
export interface Session {
  /** The session's handle, unique within its swarm. */
  readonly id: number;
  /**
   * Asks a question in this session (a string is short for `{ text }`). Rejects with
   * `INVALID_QUERY`, `SESSION_CLOSED` or `SWARM_DISPOSED`.
   */
  query(query: Query | string): Promise<QueryResponse>;
  /**
   * The features the session is about, most recent first (none, one, or two after a comparison).
   * @example
   * const [current] = await chat.context(); label.textContent = current?.name ?? 'no feature yet';
   */
  context(): Promise<ContextFeature[]>;
  /** Forgets the features in context: the next question starts afresh. */
  reset(): Promise<void>;
  /** Ends the session; later calls reject with `SESSION_CLOSED`. */
  close(): Promise<void>;
}

/** Feedback on a response (by id) or on an agent's most recent answer. */
export type Feedback =
  | { responseId: string; agentId?: undefined; reward: number; success?: boolean; correct?: undefined }
  | { agentId: string; responseId?: undefined; reward: number; success?: boolean; correct?: undefined }
  /**
   * Names the feature that should have answered (an Answered or Unsure response): the router learns
   * to send questions like it there, stored with the agents' state. Reward defaults to -1 for the
   * agent that answered.
   * @example await swarm.feedback({ responseId: r.responseId, correct: 'FAJ 121 3009' });
   */
  | { responseId: string; correct: string; agentId?: undefined; reward?: number; success?: boolean };

/** What an applied feedback resolves with. */
export interface FeedbackResult {
  status: 'Applied';
  agentId: string | null;
  message: string;
  /** True when the learning was committed to IndexedDB before the Promise resolved. */
  durable: boolean;
}
