import type { instructorEn } from './instructor.en.ts';

/** Spanish messages of the instructor's own tools: the type makes a missing or an extra key a compile error. */
export const instructorEs: { readonly [K in keyof typeof instructorEn]: string } = {
  'desk.instructorLink': 'Tu enlace de docente (privado)',
  'desk.instructorLinkLabel': 'Enlace de docente',
  'desk.instructorLinkHint': 'Este enlace abre esta página en cualquier navegador y dispositivo mientras dure la clase: cópialo a tu teléfono o a otra computadora. Quien lo tenga puede dirigir la clase, así que no lo muestres en el proyector.',
};
