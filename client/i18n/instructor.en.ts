/** English messages of the instructor's own tools: the lasting instructor link, the class's public address and QR code, the projector, exports and school ids (merged into the main catalogue). */
export const instructorEn = {
  'desk.instructorLink': 'Your instructor link (private)',
  'desk.instructorLinkLabel': 'Instructor link',
  'desk.instructorLinkHint': 'This link opens this page in any browser, on any device, for as long as the class lives: copy it to your phone or another computer. Anyone with it can steer the class, so keep it off the projector.',
} as const;
