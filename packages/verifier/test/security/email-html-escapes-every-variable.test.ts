import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../src/delivery/render-email.js';
import { DEFAULT_TEMPLATES } from '../../src/delivery/templates/index.js';
import type { TemplateValues } from '../../src/delivery/templates/variables.js';

const HOSTILE_BRAND = '<img src=x onerror=alert(1)> "Acme" & \'Co\'';

function values(overrides: Partial<TemplateValues> = {}): TemplateValues {
  return { brand: HOSTILE_BRAND, amount: '€129.99', code: '481516', minutes: '5 minutes', ...overrides };
}

describe('the email of a code', () => {
  it('escapes every variable in the HTML, in the body and in the title', () => {
    const { html } = renderEmail(DEFAULT_TEMPLATES.en.email, values(), 'en');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('"Acme"');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;Acme&quot; &amp; &#39;Co&#39;');
    expect(html).toMatch(/<title>[^<]*&lt;img src=x onerror=alert\(1\)&gt;[^<]*<\/title>/);
  });

  it('escapes the variables of a brand’s own HTML template, even inside an attribute', () => {
    const template = {
      subject: '{brand}',
      text: '{brand} {amount} {code}',
      html: '<p title="{brand}">{amount}</p><p>{code} {minutes}</p>',
    };
    const { html } = renderEmail(
      template,
      values({ amount: '"><script>alert(1)</script>', minutes: '<b>5</b>' }),
      'en',
    );
    expect(html).toContain('<p title="&lt;img src=x onerror=alert(1)&gt; &quot;Acme&quot; &amp; &#39;Co&#39;">');
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;5&lt;/b&gt;');
    expect(html).not.toMatch(/<script|<b>|<img/);
  });

  it('keeps the plain text as it is: it is not HTML', () => {
    expect(renderEmail(DEFAULT_TEMPLATES.en.email, values(), 'en').text).toContain(HOSTILE_BRAND);
  });

  it('keeps the subject to one line, so a brand name cannot add a mail header', () => {
    const { subject } = renderEmail(
      DEFAULT_TEMPLATES.en.email,
      values({ brand: 'Acme\r\nBcc: victim@example.com' }),
      'en',
    );
    expect(subject).toBe('Confirm your Acme Bcc: victim@example.com order of €129.99');
    expect(subject).not.toMatch(/[\r\n]/);
  });

  it('escapes the language tag it writes into the lang attribute', () => {
    const { html } = renderEmail(DEFAULT_TEMPLATES.en.email, values(), 'en"><script>');
    expect(html).toContain('<html lang="en&quot;&gt;&lt;script&gt;" dir="ltr">');
  });
});
