/**
 * Writes that touch the DOM only when something changed: a live view pushed several times
 * a second must not restyle a node that already says the same.
 */
export function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

export function setHidden(el: HTMLElement, hidden: boolean): void {
  if (el.hidden !== hidden) el.hidden = hidden;
}

/** Even an unchanged class or attribute written again is a DOM mutation, and may restyle. */
export function setClass(el: HTMLElement, name: string, on: boolean): void {
  if (el.classList.contains(name) !== on) el.classList.toggle(name, on);
}
