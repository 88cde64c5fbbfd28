import type { dealsEn } from './deals.en.ts';

/** Nombres de las propuestas y los acuerdos, y de aquello sobre lo que trata cada compromiso. */
export const dealsEs: { readonly [K in keyof typeof dealsEn]: string } = {
  'deal.offer': 'oferta {n} de {seat}',
  'deal.agreement': 'Acuerdo {n}: {terms}',
  'deal.exchange': '{given} a cambio de {taken}',
  'deal.topic.enforcement': 'contención',
  'deal.topic.loosen': 'paso libre',
  'deal.topic.accept_returns': 'retornos',
  'deal.topic.request_returns': 'retornos',
  'deal.topic.tariff': 'aranceles',
  'deal.topic.aid': 'ayuda',
  'deal.topic.pathway': 'vías legales',
  'deal.topic.asylum': 'asilo',
  'deal.topic.visa_sanctions': 'sanciones de visas',
};
