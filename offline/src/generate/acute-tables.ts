/** Flat per-acute-condition tables for the monthly visit process (acute-visits.ts). */

/** What the tables need of a world condition (structural, so world-model.ts can import this file). */
export interface AcuteTableSource {
  seasonByMonth: Float64Array | undefined;
  acuteRiskFactors: readonly unknown[];
  recurs: boolean;
  recurrenceBoost: number;
}

export interface AcuteTables {
  /** Seasonal multiplier at [k·12 + month] (1 for non-seasonal conditions). */
  season: Float64Array;
  /** 1 when the rate changes from month to month without an episode (seasonal or acute risk factors). */
  dynamic: Uint8Array;
  recurs: Uint8Array;
  boost: Float64Array;
}

export function buildAcuteTables(acute: readonly AcuteTableSource[]): AcuteTables {
  const tables: AcuteTables = {
    season: new Float64Array(acute.length * 12).fill(1),
    dynamic: new Uint8Array(acute.length),
    recurs: new Uint8Array(acute.length),
    boost: new Float64Array(acute.length),
  };
  acute.forEach((c, k) => {
    c.seasonByMonth?.forEach((v, month) => {
      tables.season[k * 12 + month] = v;
    });
    tables.dynamic[k] = c.seasonByMonth || c.acuteRiskFactors.length > 0 ? 1 : 0;
    tables.recurs[k] = c.recurs ? 1 : 0;
    tables.boost[k] = c.recurrenceBoost;
  });
  return tables;
}
