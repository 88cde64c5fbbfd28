import type { HistoricalCase } from '../scenario/schema.ts';

/**
 * Cases from the sources (FRAMEWORK §4) that any scenario's debrief can point to. A
 * scenario may add its own in its `cases` field; those are preferred on a tie.
 */
export const BUILT_IN_CASES: HistoricalCase[] = [
  {
    id: 'mexico-2017-restraint',
    instrument: 'restraint',
    role: 'transit',
    title: { en: 'Mexico, 2017–18', es: 'México, 2017-2018' },
    text: {
      en: 'Early in the Trump administration Mexico held its migration leverage in reserve and did not tie border control to other disputes.',
      es: 'Al inicio del gobierno de Trump, México guardó su palanca migratoria y no ató el control fronterizo a otras disputas.',
    },
  },
  {
    id: 'mexico-2019-defensive',
    instrument: 'cooperative',
    aim: 'defensive',
    role: 'transit',
    title: { en: 'Mexico, June 2019', es: 'México, junio de 2019' },
    text: {
      en: 'Facing tariffs of 5% rising to 25%, Mexico deployed the National Guard and accepted Remain in Mexico returns to make Washington drop the threat.',
      es: 'Ante aranceles del 5% que subirían al 25%, México desplegó a la Guardia Nacional y aceptó los retornos de «Quédate en México» para que Washington retirara la amenaza.',
    },
  },
  {
    id: 'us-2019-tariff-threat',
    instrument: 'coercive',
    aim: 'extractive',
    role: 'destination',
    title: { en: 'United States, May 2019', es: 'Estados Unidos, mayo de 2019' },
    text: {
      en: 'Washington announced tariffs on all Mexican goods, rising month by month, unless Mexico curbed the movement of Central Americans.',
      es: 'Washington anunció aranceles a todos los bienes mexicanos, crecientes mes a mes, salvo que México frenara el paso de centroamericanos.',
    },
  },
  {
    id: 'eu-turkey-2016',
    instrument: 'cooperative',
    aim: 'extractive',
    role: 'transit',
    title: { en: 'EU–Turkey, 2016', es: 'UE-Turquía, 2016' },
    text: {
      en: 'Turkey, hosting millions of Syrians on the route to Greece, obtained a €6 billion pledge in exchange for controlling departures and taking back those who reached the islands.',
      es: 'Turquía, que acogía a millones de sirios en la ruta hacia Grecia, obtuvo la promesa de 6.000 millones de euros a cambio de controlar las salidas y readmitir a quienes llegaran a las islas.',
    },
  },
  {
    id: 'libya-gaddafi',
    instrument: 'coercive',
    aim: 'extractive',
    role: 'transit',
    title: { en: 'Libya under Gaddafi', es: 'Libia bajo Gadafi' },
    text: {
      en: 'Gaddafi demanded European money while warning that, without it, departures across the Mediterranean would go unchecked.',
      es: 'Gadafi exigía dinero europeo y advertía que, sin él, las salidas por el Mediterráneo quedarían sin control.',
    },
  },
  {
    id: 'greece-2015',
    instrument: 'coercive',
    aim: 'punitive',
    role: 'transit',
    title: { en: 'Greece, 2015', es: 'Grecia, 2015' },
    text: {
      en: 'In the middle of a debt dispute, a Greek defence minister threatened to let migrants travel on into the rest of Europe.',
      es: 'En plena disputa por la deuda, un ministro de Defensa griego amenazó con dejar que los migrantes siguieran hacia el resto de Europa.',
    },
  },
  {
    id: 'tamaulipas-title-42',
    instrument: 'unilateral',
    aim: 'defensive',
    role: 'transit',
    title: { en: 'Tamaulipas under Title 42', es: 'Tamaulipas bajo el Título 42' },
    text: {
      en: 'The Mexican state of Tamaulipas refused to receive expelled families with small children, so US authorities had to admit them or move them elsewhere.',
      es: 'El estado de Tamaulipas se negó a recibir a familias expulsadas con niños pequeños, y las autoridades estadounidenses tuvieron que admitirlas o trasladarlas a otro punto.',
    },
  },
  {
    id: 'mexico-2024-sb4',
    aim: 'deterrent',
    role: 'transit',
    title: { en: 'Mexico and Texas SB 4, 2024', es: 'México y la ley SB 4 de Texas, 2024' },
    text: {
      en: 'Mexico announced in advance that it would accept no returns ordered by Texas and filed an amicus brief against the law.',
      es: 'México anunció de antemano que no aceptaría retornos ordenados por Texas y presentó un amicus curiae contra la ley.',
    },
  },
  {
    id: 'guinea-2018',
    instrument: 'coercive',
    role: 'destination',
    title: { en: 'Guinea and US visa sanctions, 2018', es: 'Guinea y las sanciones de visas de Estados Unidos, 2018' },
    text: {
      en: 'The United States restricted visas for Guinea over refused returns and lifted the sanctions in August 2018, once Guinea began to accept deportees.',
      es: 'Estados Unidos restringió visas a Guinea por negarse a recibir retornos y levantó las sanciones en agosto de 2018, cuando Guinea empezó a aceptarlos.',
    },
  },
  {
    id: 'chnv-2023',
    instrument: 'cooperative',
    aim: 'defensive',
    title: { en: 'Mexico and the CHNV returns, 2023', es: 'México y los retornos CHNV, 2023' },
    text: {
      en: 'Mexico agreed to take back up to 30,000 Cubans, Haitians, Nicaraguans and Venezuelans a month, yet only about 17,000 were sent in six months: the agreement outran what could be carried out.',
      es: 'México aceptó recibir hasta 30.000 cubanos, haitianos, nicaragüenses y venezolanos al mes, pero en seis meses solo llegaron unos 17.000: el acuerdo superó lo que podía ejecutarse.',
    },
  },
  {
    id: 'ethiopia-2018',
    instrument: 'cooperative',
    bargaining: 'positive-sum',
    title: { en: 'Ethiopia jobs compact, 2018', es: 'Etiopía y el pacto de empleo, 2018' },
    text: {
      en: 'Donors put up $500 million for jobs open to refugees among the 900,000 Ethiopia hosted: both sides ended better off than without a deal.',
      es: 'Los donantes aportaron 500 millones de dólares para empleos abiertos a refugiados entre los 900.000 que acogía Etiopía: ambas partes salieron mejor que sin acuerdo.',
    },
  },
  {
    id: 'expelled-workers',
    instrument: 'unilateral',
    aim: 'punitive',
    role: 'destination',
    title: { en: 'Jordan and Libya expelling foreign workers', es: 'Jordania y Libia, expulsiones de trabajadores extranjeros' },
    text: {
      en: 'Host states such as Jordan and Libya have expelled foreign workers to put pressure on countries that live on their remittances.',
      es: 'Estados receptores como Jordania o Libia han expulsado a trabajadores extranjeros para presionar a países que dependen de sus remesas.',
    },
  },
];
