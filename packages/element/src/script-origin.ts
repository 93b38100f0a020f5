/**
 * Where the script defining the element was loaded from, captured at load time (document.currentScript is
 * only set while a classic script runs): the default verifier, since the verifier serves the script.
 */
function scriptUrl(): string {
  const script = document.currentScript;
  if (script instanceof HTMLScriptElement && script.src) return script.src;
  return import.meta.url;
}

export const scriptOrigin: string = (() => {
  try {
    return new URL(scriptUrl()).origin;
  } catch {
    return location.origin;
  }
})();
