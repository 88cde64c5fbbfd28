import type { tableEn } from './table.en.ts';

/** Spanish messages of the table's layout: the type makes a missing or an extra key a compile error. */
export const tableEs: { readonly [K in keyof typeof tableEn]: string } = {
  'table.now': 'Ahora: {phase}',
  'table.sections': 'Secciones de la mesa',
  'tabs.briefing': 'Noticias e informe',
  'tabs.talks': 'Conversaciones',
  'tabs.decision': 'Decisión',
  'tabs.results': 'Mapa y resultados',
  'tabs.cards': 'Fichas',
  'tabs.new': '{count} nuevas',
  'notices.label': 'Lo que acaba de llegar',
  'notices.open': 'Abrir {tab}',
  'notices.dismiss': 'Cerrar',
  'notices.more': 'y {count} más',
  'notice.proposal': 'Nueva propuesta de {seat}',
  'notice.counter': '{seat} respondió con una contrapropuesta',
  'notice.accepted': '{seat} aceptó tu propuesta',
  'notice.rejected': '{seat} rechazó tu propuesta',
  'notice.threat': '{seat} lanzó una amenaza',
  'notice.promise': '{seat} hizo una promesa',
  'notice.chat': 'Nuevo mensaje de {seat}',
  'notice.announcement': 'Nuevo mensaje del docente',
  'notice.unsealed': 'El plazo cerró tu decisión antes de que la sellaras: mira lo que registró la mesa',
};
