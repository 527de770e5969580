/**
 * Seasonal conditions: rate × exp(amplitude·cos(2π(month − peak)/12)), normalised to mean 1 over the
 * year. Shapes from CDC FluView and NREVSS (influenza, RSV, norovirus, other respiratory viruses),
 * AAAAI pollen calendars (allergic conjunctivitis and rhinitis), CDC Lyme surveillance (tick season),
 * and the summer peaks of swimming (otitis externa) and enteroviruses (hand, foot and mouth disease).
 * The model sees the visit's day of year; the guideline engine has no notion of season.
 */

export interface Season {
  /** Month of the peak, 0 = January. */
  peakMonth: number;
  amplitude: number;
}

export const SEASONALITY: Readonly<Record<string, Season>> = {
  influenza: { peakMonth: 1, amplitude: 1.8 },
  bronchiolitis: { peakMonth: 0, amplitude: 1.5 },
  'covid-19': { peakMonth: 0, amplitude: 0.7 },
  'upper-respiratory-tract-infection': { peakMonth: 0, amplitude: 0.6 },
  'acute-bronchitis': { peakMonth: 0, amplitude: 0.7 },
  'community-acquired-pneumonia': { peakMonth: 0, amplitude: 0.6 },
  'acute-otitis-media': { peakMonth: 1, amplitude: 0.6 },
  'acute-sinusitis': { peakMonth: 1, amplitude: 0.5 },
  'viral-pharyngitis': { peakMonth: 0, amplitude: 0.5 },
  'acute-laryngitis': { peakMonth: 0, amplitude: 0.5 },
  croup: { peakMonth: 10, amplitude: 0.8 },
  'streptococcal-pharyngitis': { peakMonth: 2, amplitude: 0.6 },
  'asthma-exacerbation': { peakMonth: 9, amplitude: 0.4 },
  'copd-exacerbation': { peakMonth: 0, amplitude: 0.6 },
  'acute-gastroenteritis': { peakMonth: 1, amplitude: 0.6 },
  'allergic-conjunctivitis': { peakMonth: 4, amplitude: 1.2 },
  'lyme-disease': { peakMonth: 6, amplitude: 1.8 },
  'otitis-externa': { peakMonth: 7, amplitude: 0.9 },
  'hand-foot-mouth-disease': { peakMonth: 7, amplitude: 1.0 },
  'scarlet-fever': { peakMonth: 2, amplitude: 0.8 },
  'herpes-zoster': { peakMonth: 6, amplitude: 0.2 },
  cellulitis: { peakMonth: 7, amplitude: 0.4 },
  'viral-illness': { peakMonth: 0, amplitude: 0.4 },
};

/** Onset of these chronic conditions clusters in a season (month of first presentation). */
export const ONSET_SEASONALITY: Readonly<Record<string, Season>> = {
  'allergic-rhinitis': { peakMonth: 4, amplitude: 1.5 },
};
