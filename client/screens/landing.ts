import type { ScenarioSummary } from '../../shared/protocol.ts';
import { inThisLanguage, local, t } from '../i18n/index.ts';
import { createGame, listScenarios } from '../net/connection.ts';
import { createClassSetup } from '../panels/class-setup.ts';
import { createPracticeSetup } from '../panels/practice-setup.ts';
import { copyButton } from '../panels/copy-link.ts';
import { codeFrom } from '../ui/address.ts';
import { field, fill, h, uid } from '../ui/element.ts';
import { gameIdFrom } from '../ui/move-drafts.ts';
import type { Screen } from './screen.ts';

/** The scenario a newcomer plays first, alone against a bot. */
const TUTORIAL = 'tutorial';

/** Join links always point at this page, whatever address the server reports. */
export function joinLinkFor(gameId: string): string {
  return inThisLanguage(`${window.location.origin}/?game=${encodeURIComponent(gameId)}`);
}

/** The start page: what the game is, which scenarios exist, create a game or run a class, join either. */
export function landingScreen(go: (gameId: string) => void, joinClass: (code: string) => void): Screen {
  const list = h('ul', { class: 'scenario-list' }, h('li', { class: 'muted', text: t('common.loading') }));
  const created = h('div', { class: 'created', attrs: { 'aria-live': 'polite' } });

  const code = h('input', { attrs: { type: 'text', name: 'game', autocomplete: 'off', spellcheck: 'false' } });
  const codeError = h('p', { class: 'field-error', id: uid('code-err') });
  const joinForm = h(
    'form',
    { class: 'join-code', attrs: { novalidate: true } },
    field(t('landing.joinLabel'), code, t('landing.joinHint')),
    codeError,
    h('button', { class: 'secondary', text: t('landing.joinButton'), attrs: { type: 'submit' } }),
  );
  joinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    // A class code (or a link carrying one) goes to the class; anything else is a game.
    const classCode = codeFrom(code.value);
    if (classCode !== null) return joinClass(classCode);
    const gameId = gameIdFrom(code.value);
    if (gameId === null) {
      codeError.textContent = t('landing.joinInvalid');
      code.setAttribute('aria-invalid', 'true');
      code.setAttribute('aria-describedby', `${code.id}-hint ${codeError.id}`);
      code.focus();
      return;
    }
    go(gameId);
  });

  const showCreated = (gameId: string): void => {
    const link = joinLinkFor(gameId);
    const copier = copyButton(t('landing.link'), link);
    fill(
      created,
      h('div', { class: 'card created-card' }, h('p', { text: t('landing.created') }), copier, h('button', { class: 'primary', text: t('landing.goJoin'), attrs: { type: 'button' }, on: { click: () => go(gameId) } })),
    );
    copier.querySelector('button')?.focus();
  };

  const card = (s: ScenarioSummary): HTMLLIElement => {
    const titleId = uid('sc');
    const status = h('p', { class: 'hint', attrs: { role: 'status' } });
    const button = h('button', { class: 'primary', text: t('landing.create'), attrs: { type: 'button', 'aria-describedby': titleId } });
    const setupId = uid('setup');
    const setup = h('div', { id: setupId, attrs: { hidden: true } });
    const runClass = h('button', { class: 'secondary', text: t('class.run'), attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': setupId, 'aria-describedby': titleId } });
    runClass.addEventListener('click', () => {
      const opening = setup.hidden !== false;
      if (opening && setup.childElementCount === 0) setup.append(createClassSetup(s));
      setup.hidden = !opening;
      runClass.setAttribute('aria-expanded', String(opening));
      item.classList.toggle('setting-up', opening);
      if (opening) setup.querySelector<HTMLElement>('input, select')?.focus();
    });
    // Practice alone: the tutorial is played this way by default, so it comes first there.
    const tutorial = s.id === TUTORIAL;
    const practiceId = uid('practice');
    const practice = h('div', { id: practiceId, attrs: { hidden: true } });
    const practise = h('button', { class: tutorial ? 'primary' : 'secondary', text: t('practice.open'), attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': practiceId, 'aria-describedby': titleId } });
    if (tutorial) button.className = 'secondary';
    practise.addEventListener('click', () => {
      const opening = practice.hidden !== false;
      if (opening && practice.childElementCount === 0) practice.append(createPracticeSetup(s, go));
      practice.hidden = !opening;
      practise.setAttribute('aria-expanded', String(opening));
      if (opening) practice.querySelector<HTMLElement>('input')?.focus();
    });
    button.addEventListener('click', () => {
      button.disabled = true;
      status.textContent = t('landing.creating');
      createGame({ scenarioId: s.id })
        .then((game) => {
          status.textContent = '';
          showCreated(game.gameId);
        })
        .catch((error: unknown) => {
          status.textContent = t('common.error', { message: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => {
          button.disabled = false;
        });
    });
    const item = h(
      'li',
      { class: 'card scenario' },
      h('h3', { id: titleId, text: local(s.title) }),
      h('p', { text: local(s.summary) }),
      h('p', { class: 'muted', text: `${t('common.rounds', { count: s.rounds })} · ${t('landing.seats', { seats: s.seats.map((seat) => local(seat.name)).join(', ') })}` }),
      tutorial ? h('p', { class: 'hint', text: t('practice.tutorialTip') }) : null,
      h('div', { class: 'actions' }, ...(tutorial ? [practise, button] : [button, practise]), runClass),
      status,
      practice,
      setup,
    );
    return item;
  };

  listScenarios()
    .then((scenarios) => {
      if (scenarios.length === 0) fill(list, h('li', { class: 'muted', text: t('landing.noScenarios') }));
      else fill(list, ...scenarios.map(card));
    })
    .catch((error: unknown) => fill(list, h('li', { class: 'error', text: t('common.error', { message: error instanceof Error ? error.message : String(error) }) })));

  const el = h(
    'div',
    { class: 'landing' },
    h('section', { class: 'hero' }, h('h1', { text: t('landing.heading') }), h('p', { class: 'lead', text: t('landing.intro') })),
    h('section', { attrs: { 'aria-labelledby': 'scenarios-h' } }, h('h2', { id: 'scenarios-h', text: t('landing.scenarios') }), list, created),
    h('section', { class: 'card join-card', attrs: { 'aria-labelledby': 'joincode-h' } }, h('h2', { id: 'joincode-h', text: t('landing.joinHeading') }), joinForm),
  );
  return { el, dispose: () => undefined };
}
