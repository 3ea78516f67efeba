// No line of code runs past 120 columns, strings (template strings whole) and comments aside:
// Prettier breaks code at its print width but cannot break a string, so a line it leaves long must
// be long only by a string.
// Read with TypeScript's own parser: a line whose code alone (its strings, template parts and
// comments left out) is wider than 120 columns is a line to break.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import ts from 'typescript';
import { root } from '../helpers.ts';

const WIDTH = 120;
const TEXT = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.JsxText,
]);

/** `file:line` of each line longer than WIDTH once its strings, template parts and comments are left out. */
function longCodeLines(file: string, text = readFileSync(join(root, file), 'utf8')): string[] {
  if (!text.split('\n').some((l) => l.length > WIDTH)) return [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const prose = new Uint8Array(text.length);
  const mark = (from: number, to: number): void => void prose.fill(1, from, to);
  const visit = (node: ts.Node): void => {
    // A template string is a string whole, its interpolations too: Prettier breaks neither.
    if (ts.isTemplateExpression(node)) return mark(node.getStart(sf), node.getEnd());
    const children = node.getChildren(sf);
    if (children.length) return children.forEach(visit);
    for (const c of ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []) mark(c.pos, c.end);
    for (const c of ts.getTrailingCommentRanges(text, node.getEnd()) ?? []) mark(c.pos, c.end);
    if (TEXT.has(node.kind)) mark(node.getStart(sf), node.getEnd());
  };
  visit(sf);
  const long: string[] = [];
  let start = 0;
  text.split('\n').forEach((line, i) => {
    let code = 0;
    for (let j = 0; j < line.length; j++) if (!prose[start + j]) code++;
    if (code > WIDTH) long.push(`${file}:${i + 1}`);
    start += line.length + 1;
  });
  return long;
}

test('no line of code runs past 120 columns (strings and comments aside)', () => {
  const files = execFileSync('git', ['ls-files', '*.ts', '*.mts'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.startsWith('node_modules/'));
  expect(files.length, 'TypeScript files read').toBeGreaterThan(200);
  expect(files.flatMap((f) => longCodeLines(f))).toEqual([]);
});

test('the measure sees a long line of code, and not a long string or comment', () => {
  const code = `const x = [${Array.from({ length: 40 }, (_, i) => `v${i}`).join(', ')}];`;
  const words = `const y = '${'w'.repeat(200)}'; // ${'c'.repeat(150)}`;
  const template = `const z = \`${'t'.repeat(100)}\${x.map((v) => v.toString()).join(', ')}${'t'.repeat(50)}\`;`;
  expect(longCodeLines('x.ts', [code, words, template].join('\n'))).toEqual(['x.ts:1']);
});
