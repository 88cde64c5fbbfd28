import type { instructorEn } from './instructor.en.ts';

/** Spanish messages of the instructor's own tools: the type makes a missing or an extra key a compile error. */
export const instructorEs: { readonly [K in keyof typeof instructorEn]: string } = {
  'desk.instructorLink': 'Tu enlace de docente (privado)',
  'desk.instructorLinkLabel': 'Enlace de docente',
  'desk.instructorLinkHint': 'Este enlace abre esta página en cualquier navegador y dispositivo mientras dure la clase: cópialo a tu teléfono o a otra computadora. Quien lo tenga puede dirigir la clase, así que no lo muestres en el proyector.',
  'poster.open': "Abre",
  'poster.andType': "y escribe este código:",
  'poster.others': "También se llega por {addresses}.",
  'poster.localOnly': "Esta dirección solo funciona en esta computadora: los dispositivos de los estudiantes no llegan a ella. Define PUBLIC_URL o abre esta página con la dirección de red de la computadora.",
  'poster.qr': "Código QR: escanéalo para unirte a la clase {code}",
  'poster.projector': 'Abrir la vista para el proyector',
  'projector.heading': "Únete a la clase",
  'projector.tables': "Mesas",
  'projector.joined': "{count} estudiantes unidos ({connected} conectados)",
  'projector.joinedOne': "1 estudiante unido ({connected} conectado)",
  'projector.phase.lobby': "Los estudiantes se están uniendo",
  'projector.phase.running': "La clase está jugando",
  'projector.phase.ended': "La clase terminó",
  'projector.table': "Mesa {table}",
  'projector.round': "Ronda {round}",
  'projector.paused': "en pausa",
  'projector.unknown': "No hay ninguna clase en curso con el código {code}.",
  'projector.failed': "No se pudo contactar al servidor: {message}",
  'projector.badCode.empty': "Este enlace del proyector no tiene código de clase.",
  'projector.badCode.length': "Un código de clase tiene exactamente 6 letras y dígitos: este enlace del proyector está incompleto.",
  'projector.badCode.letters': "Esto no es un código de clase: revisa el enlace del proyector en la página del docente.",
};
