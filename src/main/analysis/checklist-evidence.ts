// Facts from the person's own exports that help them decide a step the settings cannot verify:
// public posts that carry a place, the devices that logged in, advertisers that sent TikTok data
// about them, DMs open to everyone, apps that can keep pulling data. Plain rows in, codes and
// numbers out; the content says which step each kind of evidence helps (Step.evidence).
import type { EvidenceKind, Step, Vocabulary } from '../../shared/checklists';
import { cleanValue, levelOf } from './checklist-verify';

/**
 * Where the service finds each input: dataset ids and record fields of the catalog
 * (src/shared/catalog.ts). Fields outside the catalog's canonical ones are kept by the reader under
 * TikTok's own key (a post's "Location"). Apps come from the Sharing page's register, not an export.
 */
export const EVIDENCE_SOURCES: Record<EvidenceKind, { dataset: string; fields: string[] }[]> = {
  'public-posts-with-location': [{ dataset: 'posts', fields: ['whoCanView', 'Location'] }],
  'login-devices': [{ dataset: 'login_history', fields: ['deviceModel', 'deviceSystem', 'date'] }],
  'off-tiktok-advertisers': [
    { dataset: 'off_tiktok_activity', fields: ['source'] },
    { dataset: 'ad_partners', fields: ['name'] },
  ],
  'dms-open-to-everyone': [{ dataset: 'settings', fields: ['Who Can Send Me Message'] }],
  'apps-with-ongoing-access': [],
  'blocked-accounts': [{ dataset: 'blocked', fields: [] }],
  'recovery-contacts': [{ dataset: 'profile', fields: ['emailAddress', 'telephoneNumber'] }],
};

export interface EvidenceInputs {
  /** own posts: WhoCanView and Location as the export writes them */
  posts?: readonly { whoCanView: string | null; location: string | null }[];
  /** how many posts in all, when `posts` holds only those with a place (the store's narrow read) */
  postCount?: number;
  /** login history rows; `at` is epoch ms */
  logins?: readonly { deviceModel: string | null; deviceSystem: string | null; at: number | null }[];
  /** off-TikTok activity rows (or one row per source with its event count) and the older exports' advertiser / data partner names */
  offTikTok?: readonly { source: string | null; count?: number }[];
  adPartners?: readonly string[];
  /** the settings dataset's key/values */
  settings?: Readonly<Record<string, string | null>>;
  /** apps the person registered on the Sharing page */
  apps?: readonly { name: string; accessMode: 'one-time' | 'ongoing' | 'unknown'; revoked: boolean }[];
  blockedCount?: number;
  /** ProfileMap's emailAddress and telephoneNumber */
  profile?: { emailAddress: string | null; telephoneNumber: string | null };
}

export interface Evidence {
  kind: EvidenceKind;
  /** message key in the checklists area */
  code: string;
  params: Record<string, number | string>;
  /** names behind the count (devices, advertisers, apps), most relevant first */
  items: string[];
}

/** Items spelled out per evidence; the count says how many there are in all. */
export const MAX_ITEMS = 10;

const ev = (kind: EvidenceKind, params: Record<string, number | string>, items: string[] = []): Evidence => ({
  kind,
  code: `checklist.evidence.${kind}`,
  params,
  items: items.slice(0, MAX_ITEMS),
});

export function publicPostsWithLocation(posts: EvidenceInputs['posts'] = [], vocab: Vocabulary, total = posts.length): Evidence {
  const count = posts.filter((p) => levelOf(p.whoCanView, vocab) === 'everyone' && cleanValue(p.location) !== null).length;
  return ev('public-posts-with-location', { count, posts: total });
}

/** Devices in the login history, the most recently seen first. */
export function loginDevices(logins: EvidenceInputs['logins'] = []): Evidence {
  const last = new Map<string, number>();
  for (const l of logins) {
    const model = cleanValue(l.deviceModel);
    const system = cleanValue(l.deviceSystem);
    if (!model && !system) continue;
    const name = model && system ? `${model} (${system})` : (model ?? system)!;
    last.set(name, Math.max(last.get(name) ?? -Infinity, l.at ?? -Infinity));
  }
  const names = [...last.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n);
  return ev('login-devices', { count: names.length }, names);
}

/** Distinct advertisers and data partners that sent TikTok data about the person, most events first. */
export function offTikTokAdvertisers(rows: EvidenceInputs['offTikTok'] = [], partners: readonly string[] = []): Evidence {
  const events = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    const n = r.count ?? 1;
    total += n;
    const s = cleanValue(r.source);
    if (s) events.set(s, (events.get(s) ?? 0) + n);
  }
  for (const p of partners) {
    const s = cleanValue(p);
    if (s && !events.has(s)) events.set(s, 0);
  }
  const names = [...events.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n);
  return ev('off-tiktok-advertisers', { count: names.length, events: total }, names);
}

export function dmsOpenToEveryone(settings: Readonly<Record<string, string | null>> = {}, vocab: Vocabulary): Evidence | null {
  const key = Object.keys(settings).find((k) => /^who can send me messages?$/i.test(k.trim()));
  if (key === undefined) return null;
  const open = levelOf(settings[key], vocab) === 'everyone';
  return ev('dms-open-to-everyone', { open: open ? 'yes' : 'no' });
}

export function appsWithOngoingAccess(apps: EvidenceInputs['apps'] = []): Evidence {
  const names = apps.filter((a) => !a.revoked && a.accessMode === 'ongoing').map((a) => a.name);
  return ev('apps-with-ongoing-access', { count: names.length }, names);
}

export function recoveryContacts(profile: NonNullable<EvidenceInputs['profile']>): Evidence {
  return ev('recovery-contacts', {
    email: cleanValue(profile.emailAddress) ? 'yes' : 'no',
    phone: cleanValue(profile.telephoneNumber) ? 'yes' : 'no',
  });
}

/** Every kind of evidence the inputs allow (an input left out gives no evidence of its kind). */
export function gatherEvidence(inputs: EvidenceInputs, vocab: Vocabulary): Partial<Record<EvidenceKind, Evidence>> {
  const out: Partial<Record<EvidenceKind, Evidence>> = {};
  if (inputs.posts) out['public-posts-with-location'] = publicPostsWithLocation(inputs.posts, vocab, inputs.postCount);
  if (inputs.logins) out['login-devices'] = loginDevices(inputs.logins);
  if (inputs.offTikTok || inputs.adPartners) out['off-tiktok-advertisers'] = offTikTokAdvertisers(inputs.offTikTok, inputs.adPartners);
  const dms = inputs.settings ? dmsOpenToEveryone(inputs.settings, vocab) : null;
  if (dms) out['dms-open-to-everyone'] = dms;
  if (inputs.apps) out['apps-with-ongoing-access'] = appsWithOngoingAccess(inputs.apps);
  if (inputs.blockedCount !== undefined) out['blocked-accounts'] = ev('blocked-accounts', { count: inputs.blockedCount });
  if (inputs.profile) out['recovery-contacts'] = recoveryContacts(inputs.profile);
  return out;
}

/** The evidence each step asks for (Step.evidence), keyed by step id; steps with none are left out. */
export function evidenceForSteps(steps: readonly Step[], evidence: Partial<Record<EvidenceKind, Evidence>>): Record<string, Evidence[]> {
  const out: Record<string, Evidence[]> = {};
  for (const step of steps) {
    const found = (step.evidence ?? []).flatMap((k) => (evidence[k] ? [evidence[k]] : []));
    if (found.length) out[step.id] = found;
  }
  return out;
}
