/** A whole page's content; `dispose` stops its timers, connections and canvas. */
export type Screen = { el: HTMLElement; dispose(): void };
