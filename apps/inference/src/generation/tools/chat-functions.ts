import { ErrorCode, forcedToolName, PlatformError, type ToolChoice } from '@aip/contracts';
import type { ToolDefinition } from '../text-generator';
import {
  toGrammarJsonSchema,
  UnenforceableSchemaError,
  type GrammarJsonSchema,
} from './grammar-json-schema';

/** node-llama-cpp's `functions` option: what the model may call, documented in its prompt. */
export type ChatFunctions = Record<string, { description?: string; params?: GrammarJsonSchema }>;

export interface ChatFunctionCalling {
  functions: ChatFunctions;
  /** The reply must be a call of one of `functions` (`required`, or one function named). */
  forced: boolean;
}

const invalid = (message: string, field: string) =>
  new PlatformError(ErrorCode.ValidationFailed, message, { field });

/**
 * What function calling a request asks for: none (no tools, or `tool_choice: none`), the model's
 * own choice (`auto`), or a call it must make: of any tool (`required`) or of the one named, the
 * only one then offered, so the grammar can choose no other. Every tool's parameters must be a
 * schema the grammar enforces, so that arguments always parse and match it.
 */
export function chatFunctionCalling(
  tools: readonly ToolDefinition[] | undefined,
  choice: ToolChoice | undefined,
): ChatFunctionCalling | undefined {
  const offered = tools ?? [];
  const named = forcedToolName(choice);
  if (offered.length === 0) {
    if (choice === 'required' || named !== undefined) {
      throw invalid(`tool_choice ${JSON.stringify(choice)} needs tools to call`, 'tool_choice');
    }
    return undefined;
  }
  const seen = new Set<string>();
  for (const tool of offered) {
    if (seen.has(tool.name)) {
      throw invalid(`tools define the function ${tool.name} more than once`, 'tools');
    }
    seen.add(tool.name);
  }
  if (named !== undefined && !seen.has(named)) {
    throw invalid(
      `tool_choice names the function ${named}, which tools do not define`,
      'tool_choice',
    );
  }
  if (choice === 'none') return undefined;
  const problems: string[] = [];
  const functions: ChatFunctions = {};
  offered.forEach((tool, index) => {
    if (named !== undefined && tool.name !== named) return;
    try {
      functions[tool.name] = {
        ...(tool.description === undefined ? {} : { description: tool.description }),
        ...(tool.parameters === undefined ? {} : { params: toGrammarJsonSchema(tool.parameters) }),
      };
    } catch (error) {
      if (!(error instanceof UnenforceableSchemaError)) throw error;
      problems.push(`tools[${index}].function.parameters: ${error.message}`);
    }
  });
  if (problems.length > 0) {
    throw invalid(
      `Tool parameters use JSON schema keywords the output grammar cannot enforce: ${problems.join('; ')}`,
      'tools',
    );
  }
  return { functions, forced: choice === 'required' || named !== undefined };
}
