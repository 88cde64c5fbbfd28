/**
 * Building DOM nodes from data. Text always goes in as text nodes: nothing a player
 * types (names, chat) can ever be read as markup.
 */
export type Child = Node | string | number | null | undefined | false;
export type Props = {
  class?: string;
  id?: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
};

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.id) el.id = props.id;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, listener] of Object.entries(props.on ?? {})) {
    el.addEventListener(type, listener as EventListener);
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'number' ? String(child) : child);
  }
}

/** Replace an element's content in one step. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

let nextId = 0;
/** Unique ids for `<label for>` pairs. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A labelled form field: the label's `for` points at the control. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLDivElement {
  if (!control.id) control.id = uid('f');
  const children: Child[] = [h('label', { text: label, attrs: { for: control.id } }), control];
  if (hint) {
    const hintEl = h('p', { class: 'hint', id: `${control.id}-hint`, text: hint });
    control.setAttribute('aria-describedby', hintEl.id);
    children.push(hintEl);
  }
  return h('div', { class: 'field' }, ...children);
}

export function setDisabled(el: HTMLButtonElement | HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLFieldSetElement, disabled: boolean): void {
  if (el.disabled !== disabled) el.disabled = disabled;
}

/** A wide table scrolls sideways on a phone instead of stretching the page; the keyboard can scroll it too. */
export function scrollable(label: string, table: HTMLTableElement): HTMLDivElement {
  return h('div', { class: 'table-scroll', attrs: { role: 'group', 'aria-label': label, tabindex: 0 } }, table);
}
