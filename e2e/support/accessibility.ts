import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** axe-core's tags for the WCAG 2.2 level AA success criteria (and the A ones under them). */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's WCAG 2.2 AA violations on the page (or inside `include`), measured once the running transitions
 * have ended: a colour read mid-fade (a button coming back from its busy state) is neither the one before nor the
 * one after, and made this check fail now and then. Looping animations (the busy spinner) are not waited for.
 */
export async function wcagViolations(page: Page, include?: string) {
  await page.evaluate(async () => {
    // Document.getAnimations() leaves out shadow trees, where the element's transitions run.
    const roots: (Document | ShadowRoot)[] = [document];
    document.querySelectorAll('*').forEach((element) => {
      if (element.shadowRoot) roots.push(element.shadowRoot);
    });
    const ending = roots
      .flatMap((root) => root.getAnimations())
      .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)));
    await Promise.all(ending.map((animation) => animation.finished.catch(() => undefined)));
  });
  const axe = new AxeBuilder({ page }).withTags(WCAG_22_AA);
  return (await (include === undefined ? axe : axe.include(include)).analyze()).violations;
}
