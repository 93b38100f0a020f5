/**
 * Makes the element's custom states exactly `wanted`, for `otp-verify:state(code)` in page CSS. Chrome before
 * 125 only accepted the older `--code` form, which pages can match as `:--code`.
 */
export function setStates(states: CustomStateSet, wanted: readonly string[]): void {
  for (const state of [...states]) {
    if (!wanted.includes(state.replace(/^--/, ''))) states.delete(state);
  }
  for (const state of wanted) {
    try {
      states.add(state);
    } catch {
      states.add(`--${state}`);
    }
  }
}
