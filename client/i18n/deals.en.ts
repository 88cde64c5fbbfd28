/** English names of proposals and agreements (client/ui/deal-names.ts), and of what each commitment is about. */
export const dealsEn = {
  'deal.offer': '{seat} offer {n}',
  'deal.agreement': 'Agreement {n}: {terms}',
  'deal.exchange': '{given} for {taken}',
  'deal.topic.enforcement': 'enforcement',
  'deal.topic.loosen': 'waving people through',
  'deal.topic.accept_returns': 'returns',
  'deal.topic.request_returns': 'returns',
  'deal.topic.tariff': 'tariffs',
  'deal.topic.aid': 'aid',
  'deal.topic.pathway': 'legal pathways',
  'deal.topic.asylum': 'asylum processing',
  'deal.topic.visa_sanctions': 'visa sanctions',
};
