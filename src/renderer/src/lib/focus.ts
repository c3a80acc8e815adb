/**
 * Focus that comes back after awaited work. An action (save, mark, remove) awaits the service and a
 * reload before it can put the keyboard on the changed element; by then the person may have moved
 * on (opened a form, typed in a field). `holdFocus()` notes where the keyboard is when the action
 * starts; the function it returns moves focus, on the next frame, only if the keyboard is still
 * there or was lost with an element the reload removed. Never steals it from where they went.
 */
export function holdFocus(): (target: () => HTMLElement | null | undefined) => void {
  const from = document.activeElement;
  return (target) => {
    requestAnimationFrame(() => {
      const now = document.activeElement;
      const moved = now !== null && now !== document.body && now !== from && now.isConnected;
      if (moved) return;
      const el = target();
      if (!el) return;
      if (!el.matches('a[href], button, input, select, textarea, [tabindex]')) el.setAttribute('tabindex', '-1');
      el.focus();
    });
  };
}
