import {
  ArrayMaxSize,
  Equals,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { NestedObject } from '../validation/nested-object';

/** Most tools one request may offer the model. */
export const MAX_TOOLS = 64;
/** Most tool calls one assistant message of a history may carry. */
export const MAX_TOOL_CALLS_PER_MESSAGE = 32;
/** A tool's name, as OpenAI allows it: letters, digits, `_` and `-`. */
export const TOOL_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_TOOL_DESCRIPTION_CHARS = 4096;
/** Longest tool call id a history may carry back. */
export const MAX_TOOL_CALL_ID_CHARS = 256;
/** Longest JSON-encoded arguments of one tool call in a history. */
export const MAX_TOOL_ARGUMENTS_CHARS = 65_536;

const toolName = (field: string) =>
  Matches(TOOL_NAME_PATTERN, { message: `${field} must be 1-64 letters, digits, _ or -` });

/** A function the model may call: its JSON-schema `parameters` constrain the arguments. */
export class ToolFunctionContract {
  @IsString({ message: 'function.name must be a string' })
  @toolName('function.name')
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_TOOL_DESCRIPTION_CHARS, {
    message: `function.description must be at most ${MAX_TOOL_DESCRIPTION_CHARS} characters`,
  })
  description?: string;

  /** A JSON schema of the arguments; none means the function takes none. */
  @IsOptional()
  @IsObject({ message: 'function.parameters must be a JSON schema object' })
  parameters?: Record<string, unknown>;

  /** OpenAI's strict mode; arguments here always follow the schema, so it changes nothing. */
  @IsOptional()
  @IsBoolean({ message: 'function.strict must be a boolean' })
  strict?: boolean | null;
}

export class ToolContract {
  @Equals('function', { message: 'tools[].type must be function' })
  type!: 'function';

  @NestedObject(() => ToolFunctionContract, 'tools[].function')
  function!: ToolFunctionContract;
}

export class ToolCallFunctionContract {
  @IsString()
  @toolName('tool_calls[].function.name')
  name!: string;

  /** The arguments as a JSON string, as the model generated them. */
  @IsString({ message: 'tool_calls[].function.arguments must be a string' })
  @MaxLength(MAX_TOOL_ARGUMENTS_CHARS, {
    message: `tool_calls[].function.arguments must be at most ${MAX_TOOL_ARGUMENTS_CHARS} characters`,
  })
  arguments!: string;
}

/** A call the model made, as an assistant message of a history carries it back. */
export class ToolCallContract {
  @IsString()
  @MaxLength(MAX_TOOL_CALL_ID_CHARS, {
    message: `tool_calls[].id must be at most ${MAX_TOOL_CALL_ID_CHARS} characters`,
  })
  id!: string;

  @Equals('function', { message: 'tool_calls[].type must be function' })
  type!: 'function';

  @NestedObject(() => ToolCallFunctionContract, 'tool_calls[].function')
  function!: ToolCallFunctionContract;
}

/** Most tool calls one message may carry, naming the limit. */
export const ToolCallsSize = () =>
  ArrayMaxSize(MAX_TOOL_CALLS_PER_MESSAGE, {
    message: `tool_calls must hold at most ${MAX_TOOL_CALLS_PER_MESSAGE} calls`,
  });

/** A call made in a reply: the same shape a history carries back. */
export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export const TOOL_CHOICE_MODES = ['none', 'auto', 'required'] as const;
export type ToolChoiceMode = (typeof TOOL_CHOICE_MODES)[number];
/** Whether and which tool the model must call: OpenAI's `tool_choice`. */
export type ToolChoice = ToolChoiceMode | { type: 'function'; function: { name: string } };

function isToolChoice(value: unknown): value is ToolChoice {
  if (typeof value === 'string') return (TOOL_CHOICE_MODES as readonly string[]).includes(value);
  if (typeof value !== 'object' || value === null) return false;
  const choice = value as { type?: unknown; function?: { name?: unknown } };
  return (
    choice.type === 'function' &&
    Object.keys(value).length === 2 &&
    typeof choice.function?.name === 'string' &&
    TOOL_NAME_PATTERN.test(choice.function.name)
  );
}

/** `tool_choice`: one of the modes, or `{type: 'function', function: {name}}`. */
export const ToolChoiceField = () =>
  ValidateBy({
    name: 'isToolChoice',
    validator: {
      validate: isToolChoice,
      defaultMessage: () =>
        `tool_choice must be one of ${TOOL_CHOICE_MODES.join(', ')} or {"type": "function", "function": {"name": ...}}`,
    },
  });

/** The name a `tool_choice` forces, if it names one. */
export function forcedToolName(choice: ToolChoice | undefined): string | undefined {
  return typeof choice === 'object' ? choice.function.name : undefined;
}
