// "What to do if this was not you", per alert kind: an introduction and steps, as message keys
// (src/shared/i18n/messages/changes.ts `alert.advice.*`, both languages). The menu paths are
// TikTok's own (see /work/shared/research/tiktok-apps-and-checklist.md: Security and permissions →
// Manage devices, 2-step verification, Security Checkup, Apps and services permissions; Ads →
// Disconnect advertisers, Clear activity). Both doors show the same advice.
import type { AlertKind } from './contract';
import type { MessageKey } from './i18n';

export interface AlertAdvice {
  intro: MessageKey;
  steps: MessageKey[];
}

const ACCOUNT_STEPS: MessageKey[] = [
  'alert.advice.account.password',
  'alert.advice.account.devices',
  'alert.advice.account.2sv',
  'alert.advice.account.checkup',
  'alert.advice.account.apps',
];

const ACCOUNT: AlertAdvice = { intro: 'alert.advice.account.intro', steps: ACCOUNT_STEPS };
const ADS: AlertAdvice = {
  intro: 'alert.advice.ads.intro',
  steps: ['alert.advice.ads.disconnect', 'alert.advice.ads.clear', 'alert.advice.ads.personalized', 'alert.advice.ads.ask'],
};
const SOCIAL: AlertAdvice = { intro: 'alert.advice.social.intro', steps: ACCOUNT_STEPS };
const FOLLOWERS: AlertAdvice = { intro: 'alert.advice.followers.intro', steps: ['alert.advice.followers.private'] };
const DELETION: AlertAdvice = {
  intro: 'alert.advice.deletion.intro',
  steps: ['alert.advice.deletion.again', 'alert.advice.deletion.erase', 'alert.advice.deletion.complain'],
};
const SETTING: AlertAdvice = { intro: 'alert.advice.setting.intro', steps: ACCOUNT_STEPS };

/** Sign-ins and devices: someone else may be in the account. Data flows: a company. Lists: your own actions, or someone using the account. */
export const ALERT_ADVICE: Record<AlertKind, AlertAdvice> = {
  'new-device': ACCOUNT,
  'new-device-system': ACCOUNT,
  'new-ip': ACCOUNT,
  'new-network-type': ACCOUNT,
  'new-carrier': ACCOUNT,
  'new-country': ACCOUNT,
  'new-network-owner': ACCOUNT,
  'new-device-identifier': ACCOUNT,
  'new-share-method': ACCOUNT,
  'new-off-tiktok-source': ADS,
  'new-off-tiktok-event': ADS,
  'new-ad-partner': ADS,
  'new-ad-interest': ADS,
  'followers-gained': FOLLOWERS,
  'followers-lost': FOLLOWERS,
  'following-added': SOCIAL,
  'following-removed': SOCIAL,
  'blocked-added': SOCIAL,
  'blocked-removed': SOCIAL,
  'still-there-after-deletion': DELETION,
  'setting-regressed': SETTING,
};
