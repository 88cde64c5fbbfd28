import type { Actor } from '../actor.ts';
import type { BotPolicyId } from '../framework.ts';
import type { Move } from '../rules/moves.ts';
import type { Locale } from '../scenario/schema.ts';

/**
 * The words a spreadsheet export uses where the record holds ids: bot policies, who acted,
 * move types. English and Spanish, like every player-facing text.
 */
const POLICY: Record<BotPolicyId, Record<Locale, string>> = {
  restraint: { en: 'Restraint', es: 'Contención' },
  defensive: { en: 'Defensive', es: 'Defensivo' },
  extractive: { en: 'Extractive', es: 'Extractivo' },
  punitive: { en: 'Punitive', es: 'Punitivo' },
  coercive: { en: 'Coercive', es: 'Coercitivo' },
  dealmaker: { en: 'Dealmaker', es: 'Negociador' },
};

const MOVE: Record<Move['type'], Record<Locale, string>> = {
  propose: { en: 'proposal', es: 'propuesta' },
  counter: { en: 'counter-proposal', es: 'contrapropuesta' },
  accept: { en: 'acceptance', es: 'aceptación' },
  reject: { en: 'rejection', es: 'rechazo' },
  withdraw: { en: 'withdrawal', es: 'retirada' },
  threaten: { en: 'threat', es: 'amenaza' },
  promise: { en: 'promise', es: 'promesa' },
  decide: { en: 'decision', es: 'decisión' },
  chat: { en: 'chat', es: 'chat' },
  ready: { en: 'ready', es: 'listo' },
};

const WORDS = {
  bot: { en: 'Bot ({policy})', es: 'Bot ({policy})' },
  botOwn: { en: 'Bot (own policy)', es: 'Bot (política propia)' },
  instructor: { en: 'Instructor', es: 'Docente' },
  timer: { en: 'Timer', es: 'Temporizador' },
  table: { en: 'Table (every seat ready)', es: 'Mesa (todos listos)' },
  unknown: { en: 'Unknown (recorded before actors were kept)', es: 'Desconocido (registrado antes de guardar autores)' },
  yes: { en: 'yes', es: 'sí' },
  no: { en: 'no', es: 'no' },
  forkOf: { en: 'table {table}, after step {step}', es: 'mesa {table}, tras el paso {step}' },
  rounds: { en: 'for {count} rounds', es: 'durante {count} rondas' },
  oneRound: { en: 'for 1 round', es: 'durante 1 ronda' },
  atLeast: { en: 'at least', es: 'al menos' },
  atMost: { en: 'at most', es: 'como máximo' },
  to: { en: 'to', es: 'a' },
  byRound: { en: 'by round {round}', es: 'para la ronda {round}' },
  demand: { en: 'demands', es: 'exige' },
  otherwise: { en: 'otherwise', es: 'si no' },
  ifThen: { en: 'if', es: 'si' },
  then: { en: 'then', es: 'entonces' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ExportWord = keyof typeof WORDS;

export function exportWord(locale: Locale, key: ExportWord, params: Readonly<Record<string, string | number>> = {}): string {
  return WORDS[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

export function policyWord(locale: Locale, policy: BotPolicyId): string {
  return POLICY[policy][locale];
}

export function moveWord(locale: Locale, type: Move['type']): string {
  return MOVE[type][locale];
}

/** Who acted, in words: a student by name, a bot by its policy, or the instructor, timer or table. */
export function actorWords(locale: Locale, actor: Actor): string {
  switch (actor.kind) {
    case 'student':
      return actor.name;
    case 'bot':
      return actor.policy === null ? exportWord(locale, 'botOwn') : exportWord(locale, 'bot', { policy: policyWord(locale, actor.policy) });
    case 'instructor':
    case 'timer':
    case 'table':
    case 'unknown':
      return exportWord(locale, actor.kind);
  }
}
