import { splitText } from './text-splitter';

export interface MarkdownSection {
  text: string;
  /** Headings from the top level down to this section's own ("Install > Linux"). */
  headings: string[];
}

const HEADING = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/;
const FENCE = /^[ \t]{0,3}(```|~~~)/;

/** ATX headings outside fenced code start sections; each keeps the path of headings above it. */
export function markdownSections(markdown: string): MarkdownSection[] {
  const sections: MarkdownSection[] = [];
  const path: string[] = [];
  let lines: string[] = [];
  let headings: string[] = [];
  let fence: string | undefined;
  const close = (): void => {
    const text = lines.join('\n').trim();
    if (text.length > 0) sections.push({ text, headings });
  };
  for (const line of markdown.split('\n')) {
    const fenceMark = FENCE.exec(line)?.[1];
    if (fenceMark)
      fence = fence === undefined ? fenceMark : fence === fenceMark ? undefined : fence;
    const heading = fence === undefined && !fenceMark ? HEADING.exec(line) : null;
    if (heading) {
      close();
      const level = heading[1]!.length;
      path.length = Math.min(path.length, level - 1);
      while (path.length < level - 1) path.push('');
      path.push(heading[2]!);
      headings = path.filter((h) => h.length > 0);
      lines = [];
    }
    lines.push(line);
  }
  close();
  return sections;
}

/** Markdown split at headings first; a section longer than maxTokens is split as plain text. */
export function splitMarkdown(
  markdown: string,
  maxTokens: number,
  overlapTokens: number,
): MarkdownSection[] {
  return markdownSections(markdown).flatMap((section) =>
    splitText(section.text, maxTokens, overlapTokens).map((text) => ({
      text,
      headings: section.headings,
    })),
  );
}
