// How risky an app is, from the scopes it holds and from what the person says it promised or did
// (claims the docs cannot see: "shows who viewed your videos", "free followers", "asked for my
// password"). The level is the highest of the reasons'; each reason says which scopes or which
// claim brought it, so the window can show "because of video.publish".
import { highestLevel, type Claim, type RiskLevel } from '../../shared/sharing';
import { SCOPE_CATALOG } from './app-scopes';

export interface AppRiskReason {
  /** a reason id of the catalog; its text is the catalog's message key for it */
  id: string;
  level: RiskLevel;
  /** message parameters; no reason text takes any yet, the slot keeps the shape stable when one does */
  params: Record<string, string | number>;
  /** the app's scopes that carry this reason, in catalog order */
  scopes: string[];
  /** the claim that brought it, for claim reasons */
  claim?: Claim;
}

export interface AppRisk {
  level: RiskLevel;
  /** highest level first, then in catalog order */
  reasons: AppRiskReason[];
}

const RANK: Record<RiskLevel, number> = { high: 0, medium: 1, low: 2 };

export function assessAppRisk(input: { scopes: readonly string[]; claims?: readonly Claim[] }, catalog = SCOPE_CATALOG): AppRisk {
  const held = new Set(input.scopes);
  const byReason = new Map<string, AppRiskReason>();
  const add = (id: string, scope?: string, claim?: Claim) => {
    const spec = catalog.reason(id);
    if (!spec) return; // parseScopeCatalog has checked every reference; nothing unknown gets here
    let r = byReason.get(id);
    if (!r) byReason.set(id, (r = { id, level: spec.level, params: {}, scopes: [], ...(claim ? { claim } : {}) }));
    if (scope) r.scopes.push(scope);
  };
  // catalog order, so the same scopes always give the same list whatever order they were noted in
  const known = catalog.scopes.filter((sc) => held.has(sc.id));
  for (const sc of known) for (const reason of sc.reasons) add(reason, sc.id);
  if (known.length === 0) add('scopes-unknown');
  for (const c of catalog.claims) if (input.claims?.includes(c.id)) add(c.reason, undefined, c.id);

  const order = new Map(catalog.riskReasons.map((r, i) => [r.id, i]));
  const reasons = [...byReason.values()].sort((a, b) => RANK[a.level] - RANK[b.level] || order.get(a.id)! - order.get(b.id)!);
  return { level: highestLevel(reasons.map((r) => r.level)) ?? 'low', reasons };
}
