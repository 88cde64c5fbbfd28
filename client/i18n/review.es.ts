import type { reviewEn } from './review.en.ts';

/** Spanish messages of the review pages: the type makes a missing or an extra key a compile error. */
export const reviewEs: { readonly [K in keyof typeof reviewEn]: string } = {
  'review.placeholder': 'review',
};
