/** English messages of the compare pages (merged into the main catalogue). */
export const compareEn = {
  'compare.placeholder': 'compare',
} as const;
