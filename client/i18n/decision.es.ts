import type { decisionEn } from './decision.en.ts';

export const decisionEs: { readonly [K in keyof typeof decisionEn]: string } = {
  'brief.heading': 'Lo que te obliga en esta ronda',
  'brief.nothing': 'Ningún acuerdo, amenaza ni promesa te obliga en esta ronda.',
  'brief.obligation': '{agreement}: mantienes {use}.',
  'brief.threatFaced': 'Amenaza de {by}: si no {demand}, {by} fija {consequence}.',
  'brief.threatMade': 'Tu amenaza a {target}: si no {demand}, fijas {consequence}.',
  'brief.promiseOffered': 'Promesa de {by}: si {condition}, {by} fija {reward}.',
  'brief.promiseMade': 'Tu promesa a {target}: si {condition}, fijas {reward}.',
  'brief.kept': 'se cumple con estos niveles',
  'brief.broken': 'se incumple con estos niveles',
  'brief.met': 'se atiende con estos niveles',
  'brief.unmet': 'no se atiende con estos niveles',
  'brief.backed': 'se ejecuta con estos niveles',
  'brief.unbacked': 'no se ejecuta con estos niveles',
  'brief.ifUnsealed': 'Si no sellas antes del plazo, la mesa registra tus niveles vigentes: {levels}.',
  'brief.ifUnsealedMinimum': 'Si no sellas antes del plazo, tus niveles vigentes ya no caben en tu capacidad, así que la mesa registra el mínimo: {levels}.',
  'brief.ifUnsealedBreaks': 'Esos niveles incumplen el {agreements}.',
  'brief.breach': '{agreement} ({use})',
  'brief.recorded': 'Registrado en la ronda {round}: {levels}.',
  'brief.recordedSealed': 'Es la decisión que sellaste.',
  'brief.recordedUnsealed': 'No sellaste a tiempo: la mesa registró tus niveles vigentes.',
  'brief.level': '{instrument} {amount}',

  'mark.breaks-agreement': 'Incumple el {agreement}; acordaste {use}.',
  'mark.misses-demand': 'No atiende la exigencia de {by}: {use}.',
  'mark.empty-threat': 'No ejecuta tu amenaza a {target} ({use}) si no la atienden.',
  'mark.breaks-promise': 'No cumple tu promesa a {target} ({use}) si cumplen su condición.',
  'mark.misses-condition': 'No cumple la condición de la promesa de {by}: {use}.',

  'pledge.contradicts': 'Ejecutarla incumpliría el {agreement}; acordaste {use}.',
  'pledge.asksNothingNew': 'Un acuerdo vigente ya les obliga a esto: atenderla no demostraría nada.',

  'refusedWith.param/out-of-range': '{instrument} debe estar entre {min} y {max}, en pasos de {step}.',
  'refusedWith.budget/exceeded': 'Esta decisión necesita {used} de capacidad; tienes {capacity}.',
  'refusedWith.chat/too-long': 'Un mensaje puede tener como máximo {max} caracteres.',
  'refusedWith.due/invalid': 'La ronda de vencimiento debe estar entre {min} y {max}.',
  'refusedWith.message/too-large': 'Los mensajes tienen un límite de {max} bytes.',
  'refusedWith.instrument/not-yours': '{instrument} pertenece a la otra parte.',
  'refusedWith.proposal/not-open': 'Esa propuesta ya no está abierta: está {status}.',

  'draft.restored': 'Se recuperaron el texto y los valores que no habías enviado.',
};
