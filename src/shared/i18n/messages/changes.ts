// Messages of the changes area: alerts (`alert.<kind>`, params as ChangeAlert documents them in
// src/shared/contract.ts), timeline highlights (`highlight.<code>`), settings directions and
// profile field names. A null parameter is shown as `change.none`; a string[] parameter is joined by
// the door with translator.list(). Swedish is written as Swedish privacy texts read, not word for word.
const times = { en: '{count, plural, one {once} other {# times}}', sv: '{count, plural, one {en gång} other {# gånger}}' };
const andMore = { en: '{more, plural, =0 {} other { (and # more)}}', sv: '{more, plural, =0 {} other { (och # till)}}' };

export const en = {
  'alert.new-device': `Login from a device not seen before: {model} ({systems}), ${times.en}.`,
  'alert.new-device-system': `{model} logged in with a system not seen on it before: {system} (${times.en}). An update, or another device of the same model.`,
  'alert.new-ip': `{where, select, invalid {Login from an address that is not a valid IP address: {ip}} found {Login from an IP address not seen before: {ip} ({country}, {network})} country {Login from an IP address not seen before: {ip} ({country})} network {Login from an IP address not seen before: {ip} ({network})} other {Login from an IP address not seen before: {ip}}}, ${times.en}.`,
  'alert.new-country': `Login from a country never seen before: {country} ({ips}${andMore.en}), ${times.en}.`,
  'alert.new-network-owner': `Login through a network never seen before: {network} ({ips}${andMore.en}), ${times.en}.`,
  'alert.new-network-type': `Login over a network type not seen before: {networkType} (${times.en}).`,
  'alert.new-carrier': `Login through a mobile carrier not seen before: {carrier} (${times.en}).`,
  'alert.new-device-identifier':
    'A new {identifier, select, idfa {advertising identifier (IDFA)} gaid {advertising identifier (GAID)} idfv {vendor identifier (IDFV)} androidId {Android ID} webId {web ID} did {device ID (DID)} uid {user ID (UID)} openUdid {OpenUDID} clientUdid {client UDID} other {device identifier}} was recorded: {value}.',
  'alert.new-off-tiktok-source': 'A source not seen before shared your activity outside TikTok with TikTok: {source} ({count, plural, one {# event} other {# events}}).',
  'alert.new-off-tiktok-event': `A kind of off-TikTok event not seen before: {event} (${times.en}).`,
  'alert.new-ad-partner': 'A new {list, select, partner {data partner} other {advertiser}} holds data about you: {partner}.',
  'alert.new-ad-interest': 'A new ad interest was attributed to you: {interest}.',
  'alert.new-share-method': `Videos were shared through a method not used before: {method} (${times.en}).`,
  'alert.followers-gained': `{count, plural, one {# new follower} other {# new followers}}: {names}${andMore.en}.`,
  'alert.followers-lost': `{count, plural, one {# follower no longer listed} other {# followers no longer listed}}: {names}${andMore.en}.`,
  'alert.following-added': `{count, plural, one {# account newly followed} other {# accounts newly followed}}: {names}${andMore.en}.`,
  'alert.following-removed': `{count, plural, one {# account no longer followed} other {# accounts no longer followed}}: {names}${andMore.en}.`,
  'alert.blocked-added': `{count, plural, one {# account newly blocked} other {# accounts newly blocked}}: {names}${andMore.en}.`,
  'alert.blocked-removed': `{count, plural, one {# account no longer blocked} other {# accounts no longer blocked}}: {names}${andMore.en}.`,
  'alert.still-there-after-deletion':
    '{source, select, deleted_posts {A post that Recently Deleted Posts lists as deleted on {deletedAt, date, medium} is still among the posts in this export} other {A record you deleted on {deletedAt, date, medium} is still in this export}}{dated, select, true {, {days, plural, one {# day later} other {# days later}}} other {}}.',
  'alert.setting-regressed': 'A setting you had fixed has changed back: {key} is {to} again (it was {from}). Check it in the app.',

  'highlight.first-snapshot': 'First snapshot.',
  'highlight.alert': '{others, plural, =0 {} one {(and # more like it)} other {(and # more like it)}}',
  'highlight.less-private': 'Less private: {key} {from} → {to}',
  'highlight.more-private': 'More private: {key} {from} → {to}',
  'highlight.profile':
    'Profile: {field, select, userName {username} displayName {display name} emailAddress {email address} telephoneNumber {phone number} birthDate {date of birth} bioDescription {bio} accountRegion {account region} linkedPlatform {linked platform} other {{field}}} {from} → {to}',
  'highlight.vanished': '{count, plural, one {# record} other {# records}} of {dataset} vanished inside the export window',

  'change.none': '(none)',
  'change.added': 'Added',
  'change.agedOut': 'Aged out',
  'change.vanished': 'Vanished',
  'setting.more-private': 'More private',
  'setting.less-private': 'Less private',
  'setting.neutral': 'Changed',
  'profile.userName': 'Username',
  'profile.displayName': 'Display name',
  'profile.emailAddress': 'Email address',
  'profile.telephoneNumber': 'Phone number',
  'profile.birthDate': 'Date of birth',
  'profile.bioDescription': 'Bio',
  'profile.accountRegion': 'Account region',
  'profile.linkedPlatform': 'Linked platform',
} as const;

export const sv: Record<keyof typeof en, string> = {
  'alert.new-device': `Inloggning från en enhet som inte har använts tidigare: {model} ({systems}), ${times.sv}.`,
  'alert.new-device-system': `{model} loggade in med ett system som inte har setts på den modellen tidigare: {system} (${times.sv}). Det kan vara en uppdatering eller en annan enhet av samma modell.`,
  'alert.new-ip': `{where, select, invalid {Inloggning från en adress som inte är en giltig IP-adress: {ip}} found {Inloggning från en ny IP-adress: {ip} ({country}, {network})} country {Inloggning från en ny IP-adress: {ip} ({country})} network {Inloggning från en ny IP-adress: {ip} ({network})} other {Inloggning från en ny IP-adress: {ip}}}, ${times.sv}.`,
  'alert.new-country': `Inloggning från ett land där kontot inte har använts tidigare: {country} ({ips}${andMore.sv}), ${times.sv}.`,
  'alert.new-network-owner': `Inloggning via ett nätverk som inte har använts tidigare: {network} ({ips}${andMore.sv}), ${times.sv}.`,
  'alert.new-network-type': `Inloggning via en ny typ av nätverksanslutning: {networkType} (${times.sv}).`,
  'alert.new-carrier': `Inloggning via en mobiloperatör som inte har använts tidigare: {carrier} (${times.sv}).`,
  'alert.new-device-identifier':
    'TikTok har registrerat {identifier, select, idfa {en ny annonsidentifierare (IDFA)} gaid {en ny annonsidentifierare (GAID)} idfv {en ny leverantörsidentifierare (IDFV)} androidId {ett nytt Android-id} webId {ett nytt webb-id} did {ett nytt enhets-id (DID)} uid {ett nytt användar-id (UID)} openUdid {ett nytt OpenUDID} clientUdid {ett nytt klient-UDID} other {en ny enhetsidentifierare}}: {value}.',
  'alert.new-off-tiktok-source': 'En ny källa har lämnat uppgifter till TikTok om vad du gör utanför TikTok: {source} ({count, plural, one {# händelse} other {# händelser}}).',
  'alert.new-off-tiktok-event': `En ny typ av händelse utanför TikTok: {event} (${times.sv}).`,
  'alert.new-ad-partner': '{list, select, partner {En ny datapartner} other {En ny annonsör}} har uppgifter om dig: {partner}.',
  'alert.new-ad-interest': 'TikTok har kopplat ett nytt annonsintresse till dig: {interest}.',
  'alert.new-share-method': `Videor har delats på ett sätt som inte har använts tidigare: {method} (${times.sv}).`,
  'alert.followers-gained': `{count, plural, one {# ny följare} other {# nya följare}}: {names}${andMore.sv}.`,
  'alert.followers-lost': `{count, plural, one {# följare finns inte längre med} other {# följare finns inte längre med}}: {names}${andMore.sv}.`,
  'alert.following-added': `{count, plural, one {# nytt konto som du följer} other {# nya konton som du följer}}: {names}${andMore.sv}.`,
  'alert.following-removed': `{count, plural, one {# konto som du inte längre följer} other {# konton som du inte längre följer}}: {names}${andMore.sv}.`,
  'alert.blocked-added': `{count, plural, one {# nyblockerat konto} other {# nyblockerade konton}}: {names}${andMore.sv}.`,
  'alert.blocked-removed': `{count, plural, one {# konto som inte längre är blockerat} other {# konton som inte längre är blockerade}}: {names}${andMore.sv}.`,
  'alert.still-there-after-deletion':
    '{source, select, deleted_posts {Ett inlägg som enligt Nyligen raderade inlägg raderades {deletedAt, date, medium} finns fortfarande bland inläggen i den här exporten} other {En post som du raderade {deletedAt, date, medium} finns fortfarande kvar i den här exporten}}{dated, select, true {, {days, plural, one {# dag senare} other {# dagar senare}}} other {}}.',
  'alert.setting-regressed': 'En inställning som du hade ändrat har ändrats tillbaka: {key} är {to} igen (var {from}). Kontrollera den i appen.',

  'highlight.first-snapshot': 'Den första ögonblicksbilden.',
  'highlight.alert': '{others, plural, =0 {} one {(och # till av samma slag)} other {(och # till av samma slag)}}',
  'highlight.less-private': 'Mindre privat: {key} {from} → {to}',
  'highlight.more-private': 'Mer privat: {key} {from} → {to}',
  'highlight.profile':
    'Profil: {field, select, userName {användarnamn} displayName {visningsnamn} emailAddress {e-postadress} telephoneNumber {telefonnummer} birthDate {födelsedatum} bioDescription {profiltext} accountRegion {kontots region} linkedPlatform {länkat konto} other {{field}}} {from} → {to}',
  'highlight.vanished': '{count, plural, one {# post} other {# poster}} i {dataset} försvann inom exportens tidsperiod',

  'change.none': '(inget värde)',
  'change.added': 'Tillkommit',
  'change.agedOut': 'För gammalt för exporten',
  'change.vanished': 'Försvunnit',
  'setting.more-private': 'Mer privat',
  'setting.less-private': 'Mindre privat',
  'setting.neutral': 'Ändrad',
  'profile.userName': 'Användarnamn',
  'profile.displayName': 'Visningsnamn',
  'profile.emailAddress': 'E-postadress',
  'profile.telephoneNumber': 'Telefonnummer',
  'profile.birthDate': 'Födelsedatum',
  'profile.bioDescription': 'Profiltext',
  'profile.accountRegion': 'Kontots region',
  'profile.linkedPlatform': 'Länkat konto',
};
