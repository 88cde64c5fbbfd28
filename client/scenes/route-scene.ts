import * as Phaser from 'phaser';
import type { MapArrow, MapModel } from './map-model.ts';

/** The design size; Phaser's FIT scaling shrinks it to the panel's width. */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 420;

const INK = '#1f2937';
const MUTED = '#475569';
const COLORS = { setOut: 0x64748b, interdicted: 0xdc2626, diverted: 0x15803d, arrived: 0xd97706, returned: 0x7c3aed };
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const TRAVEL_MS = 2200;

type Vec = Phaser.Math.Vector2;
const v = (x: number, y: number): Vec => new Phaser.Math.Vector2(x, y);
const curve = (a: Vec, control: Vec, b: Vec): Phaser.Curves.QuadraticBezier => new Phaser.Curves.QuadraticBezier(a, control, b);

/**
 * The route from origins through the transit state to the destination. It draws a
 * `MapModel` and nothing else: arrow widths scale with last round's numbers, and on a
 * new resolution dots travel along each arrow.
 */
export class RouteScene extends Phaser.Scene {
  private model: MapModel | null = null;
  private pendingAnimation = false;
  private layer: Phaser.GameObjects.Container | null = null;
  private ready = false;

  constructor() {
    super({ key: 'route' });
  }

  create(): void {
    this.ready = true;
    this.redraw();
  }

  show(model: MapModel, animate: boolean): void {
    this.model = model;
    this.pendingAnimation = this.pendingAnimation || animate;
    if (this.ready) this.redraw();
  }

  private redraw(): void {
    const model = this.model;
    if (!model) return;
    this.tweens.killAll();
    this.layer?.destroy(true);
    const layer = this.add.container(0, 0);
    this.layer = layer;
    const g = this.add.graphics();
    layer.add(g);

    const transit = { x: 480, y: 200, w: 170, h: 76 };
    const destination = { x: 830, y: 200, w: 190, h: 76 };
    const n = model.origins.length;
    const originY = (i: number): number => (n === 1 ? 200 : 120 + (i * 180) / (n - 1));

    const ox = 205;
    const setOutCurves = model.origins.map((o, i) => ({ o, c: curve(v(ox + 14, originY(i)), v(320, originY(i)), v(transit.x - transit.w / 2 - 4, transit.y + (i - (n - 1) / 2) * 18)) }));
    const arrived = curve(v(transit.x + transit.w / 2 + 4, transit.y - 10), v(650, transit.y - 24), v(destination.x - destination.w / 2 - 6, destination.y - 10));
    const returned = curve(v(destination.x - 30, destination.y + destination.h / 2 + 4), v(690, 360), v(transit.x + 40, transit.y + transit.h / 2 + 6));
    const interdicted = curve(v(transit.x - 40, transit.y + transit.h / 2 + 4), v(transit.x - 60, 330), v(transit.x - 70, 372));
    const diverted = curve(v(ox + 10, originY(0) - 16), v(480, -40), v(destination.x - 20, destination.y - destination.h / 2 - 6));

    this.drawArrow(g, diverted, model.diverted, COLORS.diverted);
    for (const { o, c } of setOutCurves) this.drawArrow(g, c, o.arrow, COLORS.setOut);
    this.drawArrow(g, arrived, model.arrived, COLORS.arrived);
    this.drawArrow(g, interdicted, model.interdicted, COLORS.interdicted);
    this.drawArrow(g, returned, model.returned, COLORS.returned);

    for (const [i, o] of model.origins.entries()) {
      const y = originY(i);
      g.fillStyle(COLORS.setOut, 1);
      g.fillCircle(ox, y, 12);
      const name = this.label(ox - 20, y, o.name, { color: INK, width: 170, size: 16 });
      name.setOrigin(1, 0.5);
      name.setAlign('right');
      layer.add(name);
      layer.add(this.caption(setOutCurves[i]?.c, o.arrow.caption, '#334155', i === 0 ? -16 : 16));
    }
    this.drawNode(g, layer, transit, model.transit.name, model.transit.color);
    this.drawNode(g, layer, destination, model.destination.name, model.destination.color);

    layer.add(this.caption(diverted, model.diverted.caption, '#166534', -16));
    layer.add(this.caption(arrived, model.arrived.caption, '#92400e', -18));
    layer.add(this.caption(interdicted, model.interdicted.caption, '#991b1b', 0, -14, 1));
    layer.add(this.caption(returned, model.returned.caption, '#5b21b6', 18));

    if (this.pendingAnimation && model.round !== null) {
      this.pendingAnimation = false;
      for (const { o, c } of setOutCurves) this.travel(layer, c, o.arrow.dots, COLORS.setOut, 0);
      this.travel(layer, diverted, model.diverted.dots, COLORS.diverted, 0);
      this.travel(layer, interdicted, model.interdicted.dots, COLORS.interdicted, TRAVEL_MS * 0.8);
      this.travel(layer, arrived, model.arrived.dots, COLORS.arrived, TRAVEL_MS * 0.8);
      this.travel(layer, returned, model.returned.dots, COLORS.returned, TRAVEL_MS * 1.6);
    }
  }

  private drawArrow(g: Phaser.GameObjects.Graphics, c: Phaser.Curves.QuadraticBezier, arrow: MapArrow, color: number): void {
    const alpha = arrow.value > 0 ? 0.85 : 0.25;
    g.lineStyle(arrow.width, color, alpha);
    g.strokePoints(c.getPoints(40), false, false);
    const end = c.getPoint(1);
    const tangent = c.getTangent(1);
    const size = Math.max(12, arrow.width * 1.4);
    const normal = v(-tangent.y, tangent.x);
    const tip = v(end.x + tangent.x * size * 0.6, end.y + tangent.y * size * 0.6);
    const left = v(end.x - tangent.x * size * 0.5 + normal.x * size * 0.6, end.y - tangent.y * size * 0.5 + normal.y * size * 0.6);
    const right = v(end.x - tangent.x * size * 0.5 - normal.x * size * 0.6, end.y - tangent.y * size * 0.5 - normal.y * size * 0.6);
    g.fillStyle(color, alpha);
    g.fillTriangle(tip.x, tip.y, left.x, left.y, right.x, right.y);
  }

  private drawNode(g: Phaser.GameObjects.Graphics, layer: Phaser.GameObjects.Container, box: { x: number; y: number; w: number; h: number }, name: string, color: number): void {
    g.fillStyle(0xffffff, 1);
    g.fillRoundedRect(box.x - box.w / 2, box.y - box.h / 2, box.w, box.h, 14);
    g.lineStyle(4, color, 1);
    g.strokeRoundedRect(box.x - box.w / 2, box.y - box.h / 2, box.w, box.h, 14);
    const text = this.label(box.x, box.y, name, { color: INK, size: 22, bold: true, width: box.w - 16 });
    text.setOrigin(0.5, 0.5);
    text.setAlign('center');
    layer.add(text);
  }

  /** A caption beside the middle of an arrow, nudged off the line. */
  private caption(c: Phaser.Curves.QuadraticBezier | undefined, text: string, color: string, dy: number, dx = 0, at = 0.5): Phaser.GameObjects.Text {
    const mid = c?.getPoint(at) ?? v(0, 0);
    const label = this.label(mid.x + dx, mid.y + dy, text, { color, size: 17, bold: true });
    label.setOrigin(dx < 0 ? 1 : 0.5, dy < 0 ? 1 : dy > 0 ? 0 : 0.5);
    label.setBackgroundColor('rgba(248,250,252,0.85)');
    label.setPadding(4, 2, 4, 2);
    return label;
  }

  private label(x: number, y: number, text: string, style: { color: string; size: number; width?: number; bold?: boolean }): Phaser.GameObjects.Text {
    return this.add.text(x, y, text, {
      fontFamily: FONT,
      fontSize: `${style.size}px`,
      fontStyle: style.bold ? 'bold' : 'normal',
      color: style.color,
      wordWrap: style.width ? { width: style.width } : undefined,
      resolution: Math.min(2, window.devicePixelRatio || 1),
    });
  }

  /** Dots leave one after another and fade at the end of the arrow. */
  private travel(layer: Phaser.GameObjects.Container, c: Phaser.Curves.QuadraticBezier, dots: number, color: number, delay: number): void {
    for (let i = 0; i < dots; i++) {
      const start = c.getPoint(0);
      const dot = this.add.circle(start.x, start.y, 4, color, 1);
      dot.setAlpha(0);
      layer.add(dot);
      this.tweens.addCounter({
        from: 0,
        to: 1,
        duration: TRAVEL_MS,
        delay: delay + (i * TRAVEL_MS) / Math.max(dots, 1) / 1.5,
        ease: 'Sine.easeInOut',
        onUpdate: (tween) => {
          const t = tween.getValue() ?? 0;
          const p = c.getPoint(t);
          dot.setPosition(p.x, p.y);
          dot.setAlpha(t < 0.1 ? t * 10 : t > 0.9 ? (1 - t) * 10 : 1);
        },
        onComplete: () => dot.destroy(),
      });
    }
  }
}
