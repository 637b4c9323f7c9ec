/**
 * How each supported language starts a top-level declaration (at column 0), and which lines
 * just above one belong to it (comments, decorators). Line-based on purpose: no parser per
 * language, and well-formatted code puts top-level declarations at column 0.
 */
export interface CodeLanguage {
  declaration: RegExp;
  attached: RegExp;
}

const C_STYLE_COMMENT = /^\s*(\/\/|\/\*|\*)/;

const JAVASCRIPT: CodeLanguage = {
  declaration:
    /^(?:export\s+(?:default\s+)?)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|class|interface|type|enum|const|let|var|namespace)\s+([A-Za-z_$][\w$]*)/,
  attached: new RegExp(`${C_STYLE_COMMENT.source}|^@`),
};

const PYTHON: CodeLanguage = {
  declaration: /^(?:async\s+def|def|class)\s+([A-Za-z_]\w*)/,
  attached: /^(#|@)/,
};

const GO: CodeLanguage = {
  declaration: /^(?:func|type|var|const)\s*(?:\([^)]*\)\s*)?([A-Za-z_]\w*)/,
  attached: C_STYLE_COMMENT,
};

const LANGUAGES: Record<string, CodeLanguage> = {
  typescript: JAVASCRIPT,
  ts: JAVASCRIPT,
  tsx: JAVASCRIPT,
  javascript: JAVASCRIPT,
  js: JAVASCRIPT,
  jsx: JAVASCRIPT,
  mjs: JAVASCRIPT,
  cjs: JAVASCRIPT,
  python: PYTHON,
  py: PYTHON,
  go: GO,
  golang: GO,
};

export function codeLanguage(language: string | undefined): CodeLanguage | undefined {
  return language === undefined ? undefined : LANGUAGES[language.toLowerCase()];
}
