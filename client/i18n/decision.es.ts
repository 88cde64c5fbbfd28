import type { decisionEn } from './decision.en.ts';

export const decisionEs: { readonly [K in keyof typeof decisionEn]: string } = {
  'brief.heading': 'Lo que le obliga en esta ronda',
  'brief.nothing': 'Ningún acuerdo, amenaza ni promesa le obliga en esta ronda.',
  'brief.agreement': 'Acuerdo {agreement}',
  'brief.obligation': '{agreement}: usted mantiene {use}.',
  'brief.threatFaced': 'Amenaza de {by}: si no {demand}, {by} fija {consequence}.',
  'brief.threatMade': 'Su amenaza a {target}: si no {demand}, usted fija {consequence}.',
  'brief.promiseOffered': 'Promesa de {by}: si {condition}, {by} fija {reward}.',
  'brief.promiseMade': 'Su promesa a {target}: si {condition}, usted fija {reward}.',
  'brief.kept': 'se cumple con estos niveles',
  'brief.broken': 'se incumple con estos niveles',
  'brief.met': 'se atiende con estos niveles',
  'brief.unmet': 'no se atiende con estos niveles',
  'brief.backed': 'se ejecuta con estos niveles',
  'brief.unbacked': 'no se ejecuta con estos niveles',
  'brief.ifUnsealed': 'Si no sella antes del plazo, la mesa registra sus niveles vigentes: {levels}.',
  'brief.ifUnsealedMinimum': 'Si no sella antes del plazo, sus niveles vigentes ya no caben en su capacidad, así que la mesa registra el mínimo: {levels}.',
  'brief.ifUnsealedBreaks': 'Esos niveles incumplen {agreements}.',
  'brief.recorded': 'Registrado en la ronda {round}: {levels}.',
  'brief.recordedSealed': 'Es la decisión que usted selló.',
  'brief.recordedUnsealed': 'No selló a tiempo: la mesa registró sus niveles vigentes.',
  'brief.level': '{instrument} {amount}',

  'mark.breaks-agreement': 'Incumple el {agreement}: usted acordó {use}.',
  'mark.misses-demand': 'No atiende la exigencia de {by}: {use}.',
  'mark.empty-threat': 'No ejecuta su amenaza a {target} ({use}) si no la atienden.',
  'mark.breaks-promise': 'No cumple su promesa a {target} ({use}) si cumplen su condición.',
  'mark.misses-condition': 'No cumple la condición de la promesa de {by}: {use}.',

  'pledge.contradicts': 'Ejecutarla incumpliría el {agreement}: usted acordó {use}.',
  'pledge.asksNothingNew': 'Un acuerdo vigente ya les obliga a esto: atenderla no demostraría nada.',

  'draft.restored': 'Se recuperaron el texto y los valores que no había enviado.',
};
