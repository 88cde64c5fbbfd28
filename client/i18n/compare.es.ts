import type { compareEn } from './compare.en.ts';

/** Spanish messages of the compare pages: the type makes a missing or an extra key a compile error. */
export const compareEs: { readonly [K in keyof typeof compareEn]: string } = {
  'compare.placeholder': 'compare',
};
