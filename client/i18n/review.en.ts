/** English messages of the review pages (merged into the main catalogue). */
export const reviewEn = {
  'review.placeholder': 'review',
} as const;
