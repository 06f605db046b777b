export {
  checkSafeMarkdown,
  isSafeHref,
  type MarkdownProblem,
  type MdInline,
  type MdNode,
  markdownToText,
  parseSafeMarkdown,
} from './parse.ts';
export { renderMarkdown, renderMarkdownText } from './render.ts';
