import * as Phaser from 'phaser';
import type { MapModel } from './map-model.ts';
import { MAP_HEIGHT, MAP_WIDTH } from './route-layout.ts';
import { RouteScene } from './route-scene.ts';

export type RouteMap = { show(model: MapModel, animate: boolean): void; destroy(): void };

/** Starts Phaser inside `parent`. Loaded on demand, so the landing and join pages stay light. */
export function startRouteMap(parent: HTMLElement): RouteMap {
  const scene = new RouteScene();
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    backgroundColor: '#f8fafc',
    banner: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
    render: { antialias: true },
    // The map is not interactive: keyboard and pointer belong to the page around it.
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    audio: { noAudio: true },
    scene,
  });
  // Phaser refits on window resizes only; the map's card also changes size when its tab opens or the layout reflows.
  // While the card is hidden (another tab is open) the loop sleeps, so a map nobody sees draws nothing.
  const watch = new ResizeObserver(() => {
    if (parent.clientWidth === 0) {
      if (game.loop.running) game.loop.sleep();
      return;
    }
    if (game.loop.started && !game.loop.running) game.loop.wake();
    if (game.scale.getParentBounds()) game.scale.refresh();
  });
  watch.observe(parent);
  return {
    show: (model, animate) => scene.show(model, animate),
    destroy: () => {
      watch.disconnect();
      game.destroy(true);
    },
  };
}
