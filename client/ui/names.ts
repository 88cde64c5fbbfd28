import { BotPolicyId } from '../../shared/bots/policy.ts';
import { findInstrument } from '../../shared/rules/instruments.ts';
import type { Instrument, Scenario } from '../../shared/scenario/schema.ts';
import { local, locale, t } from '../i18n/index.ts';
import { h, type Child } from './element.ts';
import { formatNumber } from './format.ts';

/** How the game's things are called on screen, in the current language. */

export function seatName(scenario: Scenario, seatId: string): string {
  const seat = scenario.seats.find((s) => s.id === seatId);
  return seat ? local(seat.name) : seatId;
}

export function seatWithRole(scenario: Scenario, seatId: string): string {
  const seat = scenario.seats.find((s) => s.id === seatId);
  if (!seat) return seatId;
  return t('common.seat', { name: local(seat.name), role: t(seat.role === 'destination' ? 'role.destination' : 'role.transit') });
}

/** The server names a bot-held seat `bot:<policy>`; people see the policy in their language. */
export function occupantName(name: string): string {
  const policy = BotPolicyId.safeParse(name.startsWith('bot:') ? name.slice(4) : '');
  return policy.success ? t('bot.player', { policy: t(`bot.${policy.data}`) }) : name;
}

/**
 * Text a person typed, as the page shows it: in a `<bdi>`, so a right-to-left name (or a
 * smuggled override character) is laid out on its own and cannot reorder the words around
 * it. Our own words (a bot's policy) need no isolation.
 */
export function typed(text: string): HTMLElement {
  return h('bdi', { text });
}

export function occupantNode(name: string): Node {
  const shown = occupantName(name);
  return shown === name ? typed(name) : document.createTextNode(shown);
}

/** Several occupants, comma separated, each isolated; `none` when there are none. */
export function occupantList(names: readonly string[], none: string): Child[] {
  if (names.length === 0) return [none];
  return names.flatMap((name, i) => (i === 0 ? [occupantNode(name)] : [', ', occupantNode(name)]));
}

/** A sentence of ours with typed text in it (`{name}` and the like): the typed parts isolated. */
export function sentenceWith(sentence: (marks: Record<string, string>) => string, parts: Record<string, string>): Child[] {
  const marks = Object.fromEntries(Object.keys(parts).map((key, i) => [key, `\uE000${i}\uE001`]));
  const keys = Object.keys(parts);
  return sentence(marks)
    .split(/\uE000(\d+)\uE001/)
    .map((piece, i) => (i % 2 === 1 ? typed(parts[keys[Number(piece)]!] ?? '') : piece))
    .filter((piece) => piece !== '');
}

export function seatColor(scenario: Scenario, seatId: string): string {
  return scenario.seats.find((s) => s.id === seatId)?.color ?? '#64748b';
}

export function instrumentName(scenario: Scenario, id: string): string {
  const inst = findInstrument(scenario, id);
  return inst ? local(inst.label) : id;
}

/** Step decimals: a 0.5 step shows one decimal, a whole step none. */
export function stepDigits(inst: Instrument): number {
  const text = String(inst.param.step);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

export function amountWithUnit(scenario: Scenario, id: string, amount: number): string {
  const inst = findInstrument(scenario, id);
  if (!inst) return formatNumber(locale(), amount, 2);
  return `${formatNumber(locale(), amount, stepDigits(inst))} ${local(inst.param.unit)}`;
}

/**
 * "at least" for a floor, "at most" for a ceiling. A threatened consequence runs the
 * other way (raising a tariff, cutting enforcement), so it reads reversed.
 */
export function boundWord(scenario: Scenario, id: string, reversed = false): string {
  const inst = findInstrument(scenario, id);
  const ceiling = (inst?.commit === 'atMost') !== reversed;
  return t(ceiling ? 'proposal.atMost' : 'proposal.atLeast');
}

/** "National Guard deployment at least 6 thousand personnel". */
export function describeUse(scenario: Scenario, use: { instrument: string; amount: number }, reversed = false): string {
  return t('pledge.use', {
    instrument: instrumentName(scenario, use.instrument),
    bound: boundWord(scenario, use.instrument, reversed),
    amount: amountWithUnit(scenario, use.instrument, use.amount),
  });
}
