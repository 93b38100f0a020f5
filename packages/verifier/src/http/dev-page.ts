import { escapeHtml } from '../delivery/escape-html.js';
import type { SmsSize } from '../delivery/sms-size.js';
import { segmentCount } from '../delivery/sms-size.js';

/**
 * A dev mode page: one heading, an introduction and a table, in the dev pages' look. No script, so the
 * default Content-Security-Policy holds; callers escape what they put in.
 */
export function devPage(page: { title: string; intro: string; table: string; refreshSeconds?: number }): string {
  const refresh =
    page.refreshSeconds === undefined ? '' : `<meta http-equiv="refresh" content="${page.refreshSeconds}">`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
${refresh}<title>otp-verify ${escapeHtml(page.title.toLowerCase())}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ccc;padding:.5rem;text-align:left;vertical-align:top}pre{margin:0;white-space:pre-wrap}</style>
</head><body><h1>${escapeHtml(page.title)}</h1>
<p>${page.intro}</p>
${page.table}</body></html>`;
}

/** A table with a header row; `rows` are `<tr>` elements, or `empty` when there are none. */
export function devTable(headings: string[], rows: string[], empty: string): string {
  const head = headings.map((heading) => `<th scope="col">${escapeHtml(heading)}</th>`).join('');
  const body =
    rows.length > 0 ? rows.join('\n') : `<tr><td colspan="${headings.length}">${escapeHtml(empty)}</td></tr>`;
  return `<table><thead><tr>${head}</tr></thead>\n<tbody>${body}</tbody></table>`;
}

/** What a gateway would bill for the text: "GSM-7, 1 segment" or "UCS-2, 2 segments". */
export function billedAs({ encoding, segments }: SmsSize): string {
  return `${encoding}, ${segmentCount(segments)}`;
}
