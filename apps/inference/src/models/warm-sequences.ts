/**
 * The sequences of one model's context, kept alive between requests with the tokens they
 * hold, so a request whose prompt begins like an earlier one (a chat's next turn, a shared
 * system prompt) evaluates only what is new: node-llama-cpp keeps the common prefix of a
 * sequence's state and evaluates the rest. Like llama.cpp's server choosing a slot, a request
 * gets the idle sequence whose last conversation shares the longest prefix with its own;
 * with none sharing any, a new sequence while there is room, else the coldest idle one.
 *
 * Conversations are compared as text keys (see promptKey) rather than tokens: the prompt's
 * tokens are only known once its chat template has run inside the generation, and a longer
 * common text prefix means a longer common token prefix.
 */
export interface Disposable {
  dispose(): unknown;
}

interface Idle<S> {
  sequence: S;
  key: string;
  releasedAt: number;
}

export class WarmSequences<S extends Disposable> {
  private readonly idle: Idle<S>[] = [];
  private live = 0;
  private clock = 0;

  /** `capacity`: the sequences the context has room for (its `sequences` option). */
  constructor(
    private readonly create: () => S,
    private readonly capacity: number,
  ) {}

  /** A sequence for a request with this key, and how many key characters it already holds. */
  take(key: string): { sequence: S; sharedChars: number } {
    let best: Idle<S> | undefined;
    let bestShared = 0;
    for (const candidate of this.idle) {
      const shared = sharedPrefix(candidate.key, key);
      if (
        shared > bestShared ||
        (shared === bestShared && best && candidate.releasedAt < best.releasedAt)
      ) {
        best = candidate;
        bestShared = shared;
      }
    }
    if (bestShared === 0 && this.live < this.capacity) {
      this.live += 1;
      return { sequence: this.create(), sharedChars: 0 };
    }
    // No idle one shares anything and the context is full: the coldest is reused.
    best ??= this.idle.reduce<Idle<S> | undefined>(
      (coldest, candidate) =>
        !coldest || candidate.releasedAt < coldest.releasedAt ? candidate : coldest,
      undefined,
    );
    if (!best) {
      // More takers than the pool admits: the caller's SequencePool prevents this.
      throw new Error('no sequence is free');
    }
    this.idle.splice(this.idle.indexOf(best), 1);
    return { sequence: best.sequence, sharedChars: bestShared };
  }

  /** Back to the idle set, holding the conversation of `key` (prompt and generated text). */
  give(sequence: S, key: string): void {
    this.idle.push({ sequence, key, releasedAt: ++this.clock });
  }

  /** A sequence in an unknown state (its generation failed): disposed, its room freed. */
  async discard(sequence: S): Promise<void> {
    this.live -= 1;
    await sequence.dispose();
  }

  get stats(): { live: number; idle: number } {
    return { live: this.live, idle: this.idle.length };
  }
}

const PROMPT = 'prompt\u0000';
const CHAT = 'chat\u0000';
const END_OF_MESSAGE = '\u0001';

/**
 * How much of two keys a sequence can reuse: the common characters of two prompts, or the
 * whole messages two chats begin with (every chat shares its template's first tokens, which is
 * not worth taking another conversation's sequence for).
 */
function sharedPrefix(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let common = 0;
  while (common < length && a.charCodeAt(common) === b.charCodeAt(common)) common++;
  if (a.startsWith(PROMPT)) return b.startsWith(PROMPT) && common > PROMPT.length ? common : 0;
  const wholeMessages = a.lastIndexOf(END_OF_MESSAGE, common - 1) + 1;
  return wholeMessages > CHAT.length ? wholeMessages : 0;
}

/** A chat message as a key sees it: tool calls and the call a tool result answers are part of it. */
export interface KeyedMessage {
  role: string;
  content: string;
  toolCalls?: readonly unknown[];
  toolCallId?: string;
}

function messageKey({ role, content, toolCalls, toolCallId }: KeyedMessage): string {
  const calls = toolCalls?.length ? `\u0000${JSON.stringify(toolCalls)}` : '';
  const answers = toolCallId === undefined ? '' : `\u0000${toolCallId}`;
  return `${role}\u0000${content}${calls}${answers}${END_OF_MESSAGE}`;
}

/**
 * A message list or a prompt as one string, in order, so that a longer history extends it. The
 * tools a chat offers come first, as their documentation opens the rendered prompt; a reply that
 * called tools is keyed as the assistant message that carries those calls back next turn.
 */
export function promptKey(
  input: { messages?: readonly KeyedMessage[]; prompt?: string; tools?: unknown },
  generated: string | Omit<KeyedMessage, 'role'> = '',
): string {
  const reply = typeof generated === 'string' ? { content: generated } : generated;
  if (input.prompt !== undefined) return `${PROMPT}${input.prompt}${reply.content}`;
  const tools =
    input.tools === undefined
      ? ''
      : messageKey({ role: 'tools', content: JSON.stringify(input.tools) });
  const turns = (input.messages ?? []).map(messageKey).join('');
  const replied = reply.content !== '' || Boolean(reply.toolCalls?.length);
  return `${CHAT}${tools}${turns}${replied ? messageKey({ role: 'assistant', ...reply }) : ''}`;
}
