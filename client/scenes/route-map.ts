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
  return {
    show: (model, animate) => scene.show(model, animate),
    destroy: () => game.destroy(true),
  };
}
