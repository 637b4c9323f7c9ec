import {
  MAX_TOOL_DESCRIPTION_CHARS,
  TOOL_CHOICE_MODES,
  TOOL_NAME_PATTERN,
  type ToolChoice,
  type ToolChoiceMode,
  type ToolContract,
} from '@aip/contracts';
import { isPlainObject, refusal, refuseUnknownFields } from './response-input-refusal';

/** A function tool as the Responses API declares it: flat, where chat nests it in `function`. */
export interface ResponsesFunctionTool {
  type: 'function';
  name: string;
  description?: string | null;
  parameters?: Record<string, unknown> | null;
  strict?: boolean | null;
}

/** `tool_choice` as the Responses API takes it: a mode, or one function by name. */
export type ResponsesToolChoice = ToolChoiceMode | { type: 'function'; name: string };

const TOOL_FIELDS = ['type', 'name', 'description', 'parameters', 'strict'];

export function isResponsesToolChoice(value: unknown): value is ResponsesToolChoice {
  if (typeof value === 'string') return (TOOL_CHOICE_MODES as readonly string[]).includes(value);
  return (
    isPlainObject(value) &&
    value['type'] === 'function' &&
    Object.keys(value).length === 2 &&
    typeof value['name'] === 'string' &&
    TOOL_NAME_PATTERN.test(value['name'])
  );
}

export const TOOL_CHOICE_FORMS = `${TOOL_CHOICE_MODES.join(', ')} or {"type": "function", "name": ...}`;

function checkedTool(tool: unknown, index: number): ResponsesFunctionTool {
  const path = ['tools', index];
  if (!isPlainObject(tool)) throw refusal(path, 'must be a tool object');
  if (tool['type'] !== 'function') {
    throw refusal(
      [...path, 'type'],
      `must be function: built-in tools (web_search, file_search, code_interpreter, computer_use, mcp, image_generation, ...) are not offered here`,
    );
  }
  refuseUnknownFields(tool, path, TOOL_FIELDS, 'a function tool');
  const { name, description, parameters, strict } = tool;
  if (typeof name !== 'string' || !TOOL_NAME_PATTERN.test(name)) {
    throw refusal([...path, 'name'], 'must be 1-64 letters, digits, _ or -');
  }
  if (
    description != null &&
    (typeof description !== 'string' || description.length > MAX_TOOL_DESCRIPTION_CHARS)
  ) {
    throw refusal(
      [...path, 'description'],
      `must be a string of at most ${MAX_TOOL_DESCRIPTION_CHARS} characters`,
    );
  }
  if (parameters != null && !isPlainObject(parameters)) {
    throw refusal([...path, 'parameters'], 'must be a JSON schema object');
  }
  if (strict != null && typeof strict !== 'boolean') {
    throw refusal([...path, 'strict'], 'must be a boolean');
  }
  return tool as unknown as ResponsesFunctionTool;
}

/** The request's function tools, each checked, refusing built-in tools and a name used twice. */
export function checkedTools(tools: readonly unknown[] | undefined): ResponsesFunctionTool[] {
  const checked = (tools ?? []).map(checkedTool);
  checked.forEach((tool, index) => {
    if (checked.findIndex((other) => other.name === tool.name) !== index) {
      throw refusal(['tools', index, 'name'], `${tool.name} names a function already defined`);
    }
  });
  return checked;
}

/**
 * The tools as the chat contract nests them. `strict` goes on as it came: arguments here always
 * follow the parameters' schema (a grammar enforces it), strict or not.
 */
export function chatToolsOf(tools: readonly ResponsesFunctionTool[]): ToolContract[] {
  return tools.map((tool) => ({
    type: 'function',
    function: {
      name: tool.name,
      ...(tool.description == null ? {} : { description: tool.description }),
      ...(tool.parameters == null ? {} : { parameters: tool.parameters }),
      ...(tool.strict == null ? {} : { strict: tool.strict }),
    },
  }));
}

/**
 * The chat contract's `tool_choice`, after checking what it asks against the tools there are
 * (so the refusal names this request's fields rather than the chat route's).
 */
export function chatToolChoiceOf(
  choice: ResponsesToolChoice | undefined,
  tools: readonly ResponsesFunctionTool[],
): ToolChoice | undefined {
  if (choice === undefined || typeof choice === 'string') {
    if (choice === 'required' && tools.length === 0) {
      throw refusal(['tool_choice'], 'required needs tools to call');
    }
    return choice;
  }
  if (!tools.some((tool) => tool.name === choice.name)) {
    throw refusal(['tool_choice'], `names the function ${choice.name}, which tools do not define`);
  }
  return { type: 'function', function: { name: choice.name } };
}
