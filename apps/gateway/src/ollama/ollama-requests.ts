import {
  ErrorCode,
  PlatformError,
  Subject,
  type ChatMessageContract,
  type GenerationSettings,
} from '@aip/contracts';
import type { GenerationPayload, GenerationSubject } from '../clients/inference.client';
import type { OllamaChatDto, OllamaGenerateDto, OllamaMessageDto } from './ollama-generation.dto';
import { requestedModelOf } from './ollama-model-names';
import { generationSettingsOf } from './ollama-options';

/** What an Ollama request asks the inference service, or `undefined`: nothing to generate. */
export interface OllamaGeneration {
  subject: GenerationSubject;
  payload: GenerationPayload;
}

/** Ollama's wording for what a model cannot do, as in `"x" does not support tools`. */
export function unsupported(model: string, what: string, field: string): PlatformError {
  return new PlatformError(ErrorCode.ValidationFailed, `"${model}" does not support ${what}`, {
    field,
  });
}

const given = (list: unknown[] | undefined): boolean => list !== undefined && list.length > 0;

/** What neither route can honour, refused rather than silently left out of the answer. */
function refuseCommon(body: OllamaChatDto | OllamaGenerateDto): void {
  if (body.think !== undefined && body.think !== false)
    throw unsupported(body.model, 'thinking', 'think');
  if (body.logprobs) throw unsupported(body.model, 'logprobs', 'logprobs');
}

function settingsOf(body: OllamaChatDto | OllamaGenerateDto): GenerationSettings {
  return generationSettingsOf(requestedModelOf(body.model), body.options, body.format);
}

function chatMessageOf(model: string, message: OllamaMessageDto): ChatMessageContract {
  if (message.role === 'tool' || given(message.tool_calls))
    throw unsupported(model, 'tools', 'messages');
  if (given(message.images)) throw unsupported(model, 'images', 'messages');
  return { role: message.role, content: message.content ?? '' };
}

/** `/api/chat`: the messages with the model's chat template; none only loads the model. */
export function chatGenerationOf(body: OllamaChatDto): OllamaGeneration | undefined {
  refuseCommon(body);
  if (given(body.tools)) throw unsupported(body.model, 'tools', 'tools');
  const messages = (body.messages ?? []).map((m) => chatMessageOf(body.model, m));
  const settings = settingsOf(body);
  if (messages.length === 0) return undefined;
  return { subject: Subject.InferenceChat, payload: { ...settings, messages } };
}

/**
 * `/api/generate`: as in Ollama, the prompt goes through the model's chat template as a user
 * message (after `system`, when given) unless `raw`, which continues it as it is. An empty
 * prompt only loads the model.
 */
export function generateGenerationOf(body: OllamaGenerateDto): OllamaGeneration | undefined {
  refuseCommon(body);
  if (body.suffix) throw unsupported(body.model, 'insert', 'suffix');
  if (given(body.images)) throw unsupported(body.model, 'images', 'images');
  if (body.template)
    throw unsupported(body.model, "templates other than the model's own", 'template');
  // The platform's replies carry no `context`, so one sent back came from elsewhere.
  if (given(body.context)) throw unsupported(body.model, 'context', 'context');
  const settings = settingsOf(body);
  const prompt = body.prompt ?? '';
  if (prompt === '') return undefined;
  if (body.raw) return { subject: Subject.InferenceGenerate, payload: { ...settings, prompt } };
  const messages: ChatMessageContract[] = [
    ...(body.system ? [{ role: 'system' as const, content: body.system }] : []),
    { role: 'user', content: prompt },
  ];
  return { subject: Subject.InferenceChat, payload: { ...settings, messages } };
}
