import * as Phaser from 'phaser';
import type { MapArrow, MapModel } from './map-model.ts';
import type { Anchor, Arrowway, Bend, Box } from './route-layout.ts';

const INK = '#1f2937';
const COLORS = { setOut: 0x64748b, interdicted: 0xdc2626, diverted: 0x15803d, arrived: 0xd97706, returned: 0x7c3aed };
const CAPTION_COLORS = { setOut: '#334155', interdicted: '#991b1b', diverted: '#166534', arrived: '#92400e', returned: '#5b21b6' };
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const TRAVEL_MS = 2200;
/** Dots reach the next seat this far into their trip, and the next stretch sets off then. */
const HANDOVER = 0.8;

type Vec = Phaser.Math.Vector2;
const v = (x: number, y: number): Vec => new Phaser.Math.Vector2(x, y);
const curveOf = (b: Bend): Phaser.Curves.QuadraticBezier => new Phaser.Curves.QuadraticBezier(v(b.from.x, b.from.y), v(b.via.x, b.via.y), v(b.to.x, b.to.y));

/**
 * The route from origins through each transit seat to the destination. It draws a
 * `MapModel` and nothing else: the layout says where, the arrows say how thick, and on a
 * new resolution dots travel along each arrow in the order people do.
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
    const { layout } = model;

    const setOut = model.origins.map((o, i) => ({ o, way: layout.origins[i] }));
    const legs = model.legs.map((leg, j) => ({ leg, way: layout.legs[j] }));
    // People reach seat i after i hops, and are stopped there.
    const stops = model.transits.map((t, i) => ({ arrow: t.stopped, way: layout.transits[i]?.stopped, step: i + 1 }));
    const returns = model.returned.map((r) => ({ arrow: r.arrow, way: layout.transits[r.to]?.returned }));

    this.drawArrow(g, layout.diverted.bend, model.diverted, COLORS.diverted);
    for (const { o, way } of setOut) if (way) this.drawArrow(g, way.setOut.bend, o.arrow, COLORS.setOut);
    for (const { leg, way } of legs) if (way) this.drawArrow(g, way.bend, leg.arrow, COLORS.setOut);
    this.drawArrow(g, layout.arrived.bend, model.arrived, COLORS.arrived);
    for (const stop of stops) if (stop.way) this.drawArrow(g, stop.way.bend, stop.arrow, COLORS.interdicted);
    for (const back of returns) if (back.way) this.drawArrow(g, back.way.bend, back.arrow, COLORS.returned);

    for (const { o, way } of setOut) {
      if (!way) continue;
      g.fillStyle(COLORS.setOut, 1);
      g.fillCircle(way.dot.x, way.dot.y, 12);
      const name = this.label(way.label, o.name, { color: INK, width: way.labelWidth, size: 16 });
      name.setAlign('right');
      layer.add(name);
      layer.add(this.caption(way.setOut, o.arrow.caption, CAPTION_COLORS.setOut));
    }
    for (const [i, t] of model.transits.entries()) {
      const box = layout.transits[i]?.box;
      if (box) this.drawNode(g, layer, box, t.name, t.color, layout.nameSize);
    }
    this.drawNode(g, layer, layout.destination, model.destination.name, model.destination.color, layout.nameSize);

    layer.add(this.caption(layout.diverted, model.diverted.caption, CAPTION_COLORS.diverted));
    layer.add(this.caption(layout.arrived, model.arrived.caption, CAPTION_COLORS.arrived));
    for (const stop of stops) if (stop.way) layer.add(this.caption(stop.way, stop.arrow.caption, CAPTION_COLORS.interdicted));
    for (const back of returns) if (back.way) layer.add(this.caption(back.way, back.arrow.caption, CAPTION_COLORS.returned));

    if (this.pendingAnimation && model.round !== null) {
      this.pendingAnimation = false;
      const hop = TRAVEL_MS * HANDOVER;
      for (const { o, way } of setOut) if (way) this.travel(layer, way.setOut.bend, o.arrow.dots, COLORS.setOut, 0);
      this.travel(layer, layout.diverted.bend, model.diverted.dots, COLORS.diverted, 0);
      for (const [j, { leg, way }] of legs.entries()) if (way) this.travel(layer, way.bend, leg.arrow.dots, COLORS.setOut, hop * (j + 1));
      for (const stop of stops) if (stop.way) this.travel(layer, stop.way.bend, stop.arrow.dots, COLORS.interdicted, hop * stop.step);
      this.travel(layer, layout.arrived.bend, model.arrived.dots, COLORS.arrived, hop * model.transits.length);
      for (const back of returns) if (back.way) this.travel(layer, back.way.bend, back.arrow.dots, COLORS.returned, hop * (model.transits.length + 1));
    }
  }

  private drawArrow(g: Phaser.GameObjects.Graphics, bend: Bend, arrow: MapArrow, color: number): void {
    const c = curveOf(bend);
    const alpha = arrow.value > 0 ? 0.85 : 0.25;
    g.lineStyle(arrow.width, color, alpha);
    g.strokePoints(c.getPoints(40), false, false);
    this.drawHead(g, c, Math.max(12, arrow.width * 1.4), color, alpha);
  }

  private drawHead(g: Phaser.GameObjects.Graphics, c: Phaser.Curves.QuadraticBezier, size: number, color: number, alpha: number): void {
    const end = c.getPoint(1);
    const tangent = c.getTangent(1);
    const normal = v(-tangent.y, tangent.x);
    const tip = v(end.x + tangent.x * size * 0.6, end.y + tangent.y * size * 0.6);
    const left = v(end.x - tangent.x * size * 0.5 + normal.x * size * 0.6, end.y - tangent.y * size * 0.5 + normal.y * size * 0.6);
    const right = v(end.x - tangent.x * size * 0.5 - normal.x * size * 0.6, end.y - tangent.y * size * 0.5 - normal.y * size * 0.6);
    g.fillStyle(color, alpha);
    g.fillTriangle(tip.x, tip.y, left.x, left.y, right.x, right.y);
  }

  private drawNode(g: Phaser.GameObjects.Graphics, layer: Phaser.GameObjects.Container, box: Box, name: string, color: number, size: number): void {
    g.fillStyle(0xffffff, 1);
    g.fillRoundedRect(box.x - box.w / 2, box.y - box.h / 2, box.w, box.h, 14);
    g.lineStyle(4, color, 1);
    g.strokeRoundedRect(box.x - box.w / 2, box.y - box.h / 2, box.w, box.h, 14);
    const text = this.label({ x: box.x, y: box.y, originX: 0.5, originY: 0.5 }, name, { color: INK, size, bold: true, width: box.w - 16 });
    text.setAlign('center');
    layer.add(text);
  }

  private caption(way: Arrowway, text: string, color: string): Phaser.GameObjects.Text {
    const label = this.label(way.caption, text, { color, size: 17, bold: true });
    label.setBackgroundColor('rgba(248,250,252,0.85)');
    label.setPadding(4, 2, 4, 2);
    return label;
  }

  private label(at: Anchor, text: string, style: { color: string; size: number; width?: number; bold?: boolean }): Phaser.GameObjects.Text {
    const label = this.add.text(at.x, at.y, text, {
      fontFamily: FONT,
      fontSize: `${style.size}px`,
      fontStyle: style.bold ? 'bold' : 'normal',
      color: style.color,
      wordWrap: style.width ? { width: style.width } : undefined,
      resolution: Math.min(2, window.devicePixelRatio || 1),
    });
    label.setOrigin(at.originX, at.originY);
    return label;
  }

  /** Dots leave one after another and fade at the end of the arrow. */
  private travel(layer: Phaser.GameObjects.Container, bend: Bend, dots: number, color: number, delay: number): void {
    const c = curveOf(bend);
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
