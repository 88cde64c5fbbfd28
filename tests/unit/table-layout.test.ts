import { describe, expect, it } from 'vitest';
import { boardStart, dismissAll, keepOnly, noticesBetween, pageShown, receive, tabOfNotice, tabOpened, titleWithCount, type Notice } from '../../client/ui/table-notices.ts';
import { addNews, enterPhase, FRONT_TAB, selectTab, tabByKey, TABS, tabsShown, tabsStart } from '../../client/ui/table-tabs.ts';
import { createGame, type GameState, type Move } from '../../shared/rules/index.ts';
import { advanceTo, must } from './fixtures/play.ts';
import { usMexico2019 } from './fixtures/moments.ts';

const s = usMexico2019();
const GUARDS = [{ seat: 'mx', instrument: 'mx_guard', amount: 10 }];

function talks(): GameState {
  return advanceTo(s, createGame(s, 2019), 'negotiation');
}

function move(state: GameState, body: Record<string, unknown>): Move {
  return { ...body, version: state.version } as Move;
}

describe('the table tabs: the phase brings its own section to the front', () => {
  it.each([
    ['briefing', 'briefing'],
    ['negotiation', 'talks'],
    ['decision', 'decision'],
    ['resolution', 'results'],
    ['debrief', 'cards'],
    ['ended', 'cards'],
  ] as const)('the %s phase opens the %s tab', (phase, tab) => {
    expect(FRONT_TAB[phase]).toBe(tab);
    expect(enterPhase(tabsStart(), phase).selected).toBe(tab);
  });

  it('a student who opened another tab keeps it until the phase changes, and the same phase again changes nothing', () => {
    const reading = selectTab(enterPhase(tabsStart(), 'negotiation'), 'briefing');
    expect(enterPhase(reading, 'negotiation')).toBe(reading);
    expect(enterPhase(reading, 'decision').selected).toBe('decision');
  });

  it('news is counted on the tabs the student is not looking at, and opening a tab reads it', () => {
    let tabs = enterPhase(tabsStart(), 'negotiation');
    tabs = addNews(tabs, ['talks', 'cards', 'cards']);
    expect(tabs.unseen).toEqual({ briefing: 0, talks: 0, decision: 0, results: 0, cards: 2 });
    tabs = selectTab(tabs, 'cards');
    expect(tabs.unseen.cards).toBe(0);
    expect(addNews(tabs, ['talks']).unseen.talks).toBe(1);
  });

  it('a spectator has no decision tab, and nobody has one once the game is over', () => {
    expect(tabsShown('us', 'decision')).toEqual([...TABS]);
    expect(tabsShown(null, 'decision')).toEqual(['briefing', 'talks', 'results', 'cards']);
    expect(tabsShown('mx', 'ended')).toEqual(['briefing', 'talks', 'results', 'cards']);
  });

  it.each([
    ['ArrowRight', 'talks', 'decision'],
    ['ArrowRight', 'cards', 'briefing'],
    ['ArrowLeft', 'briefing', 'cards'],
    ['ArrowLeft', 'decision', 'talks'],
    ['Home', 'results', 'briefing'],
    ['End', 'talks', 'cards'],
  ] as const)('%s from %s goes to %s', (key, from, to) => {
    expect(tabByKey(TABS, from, key)).toBe(to);
  });

  it('arrows skip tabs that are not shown, and other keys do nothing', () => {
    const shown = tabsShown(null, 'negotiation');
    expect(tabByKey(shown, 'talks', 'ArrowRight')).toBe('results');
    expect(tabByKey(shown, 'talks', 'Enter')).toBeNull();
    expect(tabByKey(shown, 'decision', 'ArrowRight')).toBeNull();
  });
});

describe('notices: what just reached this seat', () => {
  it('an offer, its acceptance, a counter-proposal, a threat, a promise and a chat line each reach their target once', () => {
    const start = talks();
    const offered = must(s, start, 'us', move(start, { type: 'propose', to: 'mx', commitments: GUARDS, rounds: 2 }));
    const id = offered.proposals[0]!.id;
    expect(noticesBetween(start, offered, 'mx')).toEqual([{ kind: 'proposal', from: 'us', proposalId: id }]);
    expect(noticesBetween(start, offered, 'us')).toEqual([]);

    const accepted = must(s, offered, 'mx', move(offered, { type: 'accept', proposalId: id }));
    expect(noticesBetween(offered, accepted, 'us')).toEqual([{ kind: 'accepted', from: 'mx', proposalId: id }]);
    expect(noticesBetween(offered, accepted, 'mx')).toEqual([]);

    const countered = must(s, offered, 'mx', move(offered, { type: 'counter', proposalId: id, commitments: [{ ...GUARDS[0]!, amount: 6 }], rounds: 1 }));
    const counter = countered.proposals.find((p) => p.parent === id)!;
    expect(noticesBetween(offered, countered, 'us')).toEqual([{ kind: 'counter', from: 'mx', proposalId: counter.id }]);

    const pressed = must(s, start, 'us', move(start, { type: 'threaten', target: 'mx', demand: { instrument: 'mx_guard', amount: 15 }, consequence: { instrument: 'us_tariff', amount: 10 }, dueRound: 1 }));
    expect(noticesBetween(start, pressed, 'mx')).toEqual([{ kind: 'threat', from: 'us', threatId: pressed.threats[0]!.id }]);
    const promised = must(s, start, 'mx', move(start, { type: 'promise', target: 'us', condition: { instrument: 'us_tariff', amount: 0 }, reward: { instrument: 'mx_guard', amount: 12 }, dueRound: 1 }));
    expect(noticesBetween(start, promised, 'us')).toEqual([{ kind: 'promise', from: 'mx', promiseId: promised.promises[0]!.id }]);

    const said = must(s, start, 'us', move(start, { type: 'chat', to: 'mx', text: 'hello' }));
    expect(noticesBetween(start, said, 'mx')).toEqual([{ kind: 'chat', from: 'us' }]);
    expect(noticesBetween(start, said, 'us')).toEqual([]);
  });

  it('a decision the deadline closed before the seat sealed is news to that seat only', () => {
    let g = advanceTo(s, talks(), 'decision');
    g = must(s, g, 'us', move(g, { type: 'decide', levels: { us_tariff: 0 } }));
    const closed = advanceTo(s, g, 'resolution');
    expect(noticesBetween(g, closed, 'mx')).toEqual([{ kind: 'unsealed' }]);
    expect(noticesBetween(g, closed, 'us')).toEqual([]);
    expect(tabOfNotice({ kind: 'unsealed' })).toBe('decision');
  });

  it('the first view and a spectator bring no news', () => {
    const start = talks();
    const offered = must(s, start, 'us', move(start, { type: 'propose', to: 'mx', commitments: GUARDS, rounds: 2 }));
    expect(noticesBetween(null, offered, 'mx')).toEqual([]);
    expect(noticesBetween(start, offered, null)).toEqual([]);
  });

  it('talk goes to the talks tab; the instructor message to no tab, since it has its own banner', () => {
    expect(tabOfNotice({ kind: 'chat', from: 'us' })).toBe('talks');
    expect(tabOfNotice({ kind: 'threat', from: 'us', threatId: 't1' })).toBe('talks');
    expect(tabOfNotice({ kind: 'announcement' })).toBeNull();
  });

  it('the board counts what arrived while the page was hidden for the title, and forgets it when the student is back', () => {
    const chat: Notice = { kind: 'chat', from: 'us' };
    const note: Notice = { kind: 'announcement' };
    let board = receive(boardStart(), [chat], false);
    board = receive(board, [chat, note], true);
    expect(board).toEqual({ shown: [chat, chat, note], whileAway: 2 });
    expect(titleWithCount('Border Bargain', board.whileAway)).toBe('(2) Border Bargain');
    board = pageShown(board);
    expect(board.whileAway).toBe(0);
    expect(titleWithCount('Border Bargain', board.whileAway)).toBe('Border Bargain');
    // Opening the talks tab reads the chat lines; the announcement stays until dismissed.
    board = tabOpened(board, 'talks');
    expect(board.shown).toEqual([note]);
    expect(dismissAll(board).shown).toEqual([]);
    // A new phase keeps only what its own change brought.
    const unsealed: Notice = { kind: 'unsealed' };
    expect(keepOnly(receive(board, [unsealed], false), [unsealed]).shown).toEqual([unsealed]);
    expect(receive(board, [], true)).toBe(board);
  });
});
