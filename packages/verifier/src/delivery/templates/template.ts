/** An email: subject, plain text and HTML, each a template (see variables.ts). */
export interface EmailTemplate {
  subject: string;
  text: string;
  /** The HTML body's content; the renderer wraps it in a document with the locale's lang and dir. */
  html: string;
}

/** The messages of one locale. */
export interface LocaleTemplates {
  /** The SMS text; the renderer appends the WebOTP line `@<checkout host> #<code>`. */
  sms: string;
  email: EmailTemplate;
}

/** A locale's messages as a translator writes them: the email's HTML is made from its plain text (index.ts). */
export interface Translation extends Omit<LocaleTemplates, 'email'> {
  email: Omit<EmailTemplate, 'html'>;
}
