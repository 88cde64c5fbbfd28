import type { Scenario } from '../../shared/scenario/schema.ts';
import type { SessionView } from '../../shared/session.ts';
import { exportButtons } from '../compare/export-buttons.ts';
import { local, t } from '../i18n/index.ts';
import { serverAddress } from '../net/class-board.ts';
import { fetchScenario } from '../net/connection.ts';
import type { DeskModel, InstructorDesk } from '../net/session.ts';
import { forgetSecret, secretFor } from '../net/session-store.ts';
import { createClassControls, createStart } from '../panels/class-controls.ts';
import { copyButton } from '../panels/copy-link.ts';
import { joinPoster } from '../panels/join-poster.ts';
import { bindControl, confirming, situationIs, type DeskContext } from '../panels/desk-context.ts';
import { createRoster } from '../panels/roster.ts';
import { createSchoolIds } from '../panels/school-ids.ts';
import { createTablesBoard } from '../panels/tables-board.ts';
import { addressOf, withSecret } from '../ui/address.ts';
import { fill, h } from '../ui/element.ts';
import type { Screen } from './screen.ts';

/** How often the tables' countdowns are redrawn. */
const TICK_MS = 500;

/**
 * The instructor's page: the join code for the projector, the class list, every table
 * live, and the controls. It renders the session view the server pushes and sends
 * controls; it decides nothing itself.
 */
export function instructorScreen(desk: InstructorDesk, secret: string): Screen {
  const el = h('div', { class: 'instructor' }, h('p', { class: 'muted', attrs: { role: 'status' }, text: t('common.loading') }));
  let built: { update(view: SessionView, model: DeskModel): void; tick(): void } | null = null;
  let scenario: Scenario | null = null;
  let scenarioId: string | null = null;
  let disposed = false;

  const refused = (): void => {
    forgetSecret(desk.sessionId, secret);
    fill(
      el,
      h(
        'section',
        { class: 'card narrow' },
        h('h1', { text: t('desk.heading') }),
        h('p', { class: 'error', attrs: { role: 'alert' }, text: t('desk.refused') }),
        h('p', {}, h('a', { text: t('join.back'), attrs: { href: '/' } })),
      ),
    );
  };

  const render = (model: DeskModel): void => {
    if (model.refused !== null) return refused();
    const view = model.view;
    if (view === null) return;
    if (scenario === null) {
      // The scenario names the seats and lists the events to inject: fetched once, then the page is built.
      if (scenarioId === null) {
        scenarioId = view.scenarioId;
        fetchScenario(view.scenarioId)
          .then((loaded) => {
            if (disposed) return;
            scenario = loaded;
            render(desk.model());
          })
          .catch((error: unknown) => {
            fill(el, h('p', { class: 'error', attrs: { role: 'alert' }, text: t('common.error', { message: error instanceof Error ? error.message : String(error) }) }));
          });
      }
      return;
    }
    built ??= build(scenario, view);
    built.update(view, model);
  };

  const build = (loaded: Scenario, first: SessionView): NonNullable<typeof built> => {
    const ctx: DeskContext = {
      scenario: loaded,
      control: (control) => desk.control(control),
      watchHref: (gameId) => addressOf({ kind: 'watch', sessionId: desk.sessionId, gameId, secret: null }),
    };
    const status = h('p', { class: 'form-status', attrs: { role: 'alert' } });
    const phase = h('span', { class: 'session-phase' });
    const connection = h('p', { class: 'connection', attrs: { role: 'status' } });
    const start = createStart(ctx, status);
    const end = confirming(h('button', { class: 'danger-outline', text: t('desk.end'), attrs: { type: 'button' } }), t('desk.endConfirm'), t('desk.endYes'));
    bindControl(end.confirm, status, () => ({ type: 'end' }), ctx);
    const projector = h('a', { class: 'button-link secondary-link', text: t('poster.projector'), attrs: { href: addressOf({ kind: 'projector', code: first.code }), target: '_blank', rel: 'noopener' } });

    const classHead = h(
      'section',
      { class: 'card class-head', attrs: { 'aria-labelledby': 'desk-h' } },
      h(
        'div',
        { class: 'class-title' },
        h('p', { class: 'eyebrow', text: t('desk.heading') }),
        h('h1', { id: 'desk-h', text: local(loaded.title) }),
        h('p', { class: 'session-line' }, phase),
        connection,
      ),
      joinPoster(first.code, 'card'),
      h('div', { class: 'actions class-actions' }, start.el, end.el, projector),
      status,
      instructorLink(desk.sessionId, secret),
    );
    const controls = createClassControls(ctx);
    const board = createTablesBoard(ctx, (gameId) => addressOf({ kind: 'review', gameId, sessionId: desk.sessionId, secret: null, debrief: false }));
    const roster = createRoster(ctx);
    const schoolIds = createSchoolIds(desk.sessionId, secret);
    const review = reviewLinks(desk.sessionId);
    fill(el, classHead, review, controls.el, h('div', { class: 'desk-grid' }, board.el, h('div', { class: 'desk-side' }, roster.el, schoolIds.el)));

    return {
      update(view, model) {
        connection.textContent = t(`header.connection.${model.status}`);
        connection.dataset.status = model.status;
        phase.textContent = t(`desk.phase.${view.phase}`);
        phase.dataset.phase = view.phase;
        start.update(view);
        // Start and End act on the class's phase: a refusal is gone once it changes.
        situationIs(status, view.phase);
        // Nothing to compare or export before the tables exist.
        review.hidden = view.phase === 'lobby';
        end.el.hidden = view.phase === 'ended';
        controls.update(view);
        board.update(view);
        roster.update(view);
        schoolIds.update(view);
      },
      tick: () => board.tick(),
    };
  };

  const unsubscribe = desk.subscribe(render);
  const timer = setInterval(() => built?.tick(), TICK_MS);
  render(desk.model());

  return {
    el,
    dispose: () => {
      disposed = true;
      unsubscribe();
      clearInterval(timer);
    },
  };
}

/**
 * The lasting instructor link, folded away (the page is often on a projector) and copied
 * with one press, to open this page on another device.
 */
function instructorLink(sessionId: string, secret: string): HTMLElement {
  const address = withSecret(addressOf({ kind: 'instructor', sessionId, secret: null }), secret);
  const slot = h('div', {});
  const show = (base: string): void => slot.replaceChildren(copyButton(t('desk.instructorLinkLabel'), `${base}${address}`));
  // At the address other devices reach (this page may be open as localhost), once the server has said it.
  show(window.location.origin);
  serverAddress().then(
    (server) => show(server.joinBase),
    () => undefined,
  );
  return h('details', { class: 'instructor-link' }, h('summary', { text: t('desk.instructorLink') }), h('p', { class: 'hint', text: t('desk.instructorLinkHint') }), slot);
}

/**
 * Where the instructor reviews the class: the comparison of its tables, the printable
 * debrief (both in a new tab, so the live page keeps running) and the exports.
 */
function reviewLinks(sessionId: string): HTMLElement {
  const link = (text: string, label: string, href: string): HTMLElement => h('a', { class: 'button-link secondary-link', text, attrs: { href, target: '_blank', rel: 'noopener', 'aria-label': label } });
  return h(
    'section',
    { class: 'card desk-review', attrs: { 'aria-labelledby': 'desk-review-h', hidden: true } },
    h('h2', { id: 'desk-review-h', text: t('dash.review') }),
    h(
      'div',
      { class: 'desk-review-row' },
      h(
        'div',
        { class: 'actions desk-review-links' },
        link(t('dash.compare'), t('dash.compareLabel'), addressOf({ kind: 'compare', sessionId, secret: null })),
        link(t('dash.debrief'), t('dash.debriefLabel'), addressOf({ kind: 'debrief', sessionId, secret: null })),
      ),
      // The secret is read when a button is pressed: the page that opened this one stored it.
      exportButtons(sessionId, () => secretFor(sessionId)),
    ),
  );
}
